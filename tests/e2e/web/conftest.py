"""The web application in a real browser (Debian's chromium, headless) against the five services
behind the real gateway (nginx), on the same origin as a citizen's browser sees them.

Screenshots go to ``$ARTIFACTS_DIR/screenshots`` (default ``.local/artifacts``), at phone and
desktop width, for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page, ViewportSize, async_playwright

from sme_kit.testing.processes import free_port

from ..system import SERVICES, System

REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", REPO / ".local" / "artifacts"))
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1366, "height": 900}


@pytest.fixture(scope="session")
def web_dist() -> Path:
    """The built application (built now when its sources changed since the last build), in
    ``$WEB_DIST`` when set, else web/dist."""
    subprocess.run([str(REPO / "infra/web.sh"), "build"], check=True)
    return Path(os.environ.get("WEB_DIST") or REPO / "web" / "dist")


@pytest.fixture(scope="session")
def chromium() -> str:
    return subprocess.run([str(REPO / "infra/browser.sh")], check=True, capture_output=True, text=True).stdout.strip()


@contextmanager
def running_gateway(
    system: System,
    web_dist: Path,
    *,
    form_rate: str,
    form_burst: str,
    trusted_proxies: str = "",
    web_config: Path | None = None,
    connect_src: str = "",
) -> Iterator[str]:
    """nginx in front of ``system``'s services, serving the built application; its base URL."""
    env = {
        **os.environ,
        "GATEWAY_PORT": str(free_port()),
        "WEB_DIST": str(web_dist),
        "FORM_RATE": form_rate,
        "FORM_BURST": form_burst,
        "TRUSTED_PROXIES": trusted_proxies,
        "WEB_CONFIG": str(web_config or ""),
        "CONNECT_SRC": connect_src,
    }
    for name in SERVICES:
        env[f"SME_PORT_{name.upper()}"] = str(system.services[name].port)
    script = str(REPO / "infra/gateway.sh")
    subprocess.run([script, "start"], check=True, env=env)
    state = subprocess.run([script, "dir"], check=True, env=env, capture_output=True, text=True).stdout.strip()
    try:
        yield f"http://127.0.0.1:{env['GATEWAY_PORT']}"
    finally:
        subprocess.run([script, "stop"], check=False, env=env)
        shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(scope="module")
def gateway(system: System, web_dist: Path) -> Iterator[str]:
    """The gateway of this module's services. A browser test may post the same form a few times
    in a row: the per-client limit is generous here and tested apart (test_gateway.py)."""
    with running_gateway(
        system,
        web_dist,
        form_rate=os.environ.get("TEST_FORM_RATE", "120r/m"),
        form_burst=os.environ.get("TEST_FORM_BURST", "20"),
    ) as url:
        yield url


@pytest.fixture(scope="module")
async def browser(chromium: str) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=chromium)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def page(browser: Browser, gateway: str, system: System) -> AsyncIterator[Page]:
    """A fresh visitor: its own cookies and storage, Guangzhou's time zone, Chinese locale, and the
    time the services' clocks show, so that what the pages work out from the time (an activity
    open for registration, a notice under way) agrees with the services on any day the tests run.
    Only ``Date`` is shifted: timers, animation frames and transitions run as they do for a person
    (Playwright's own clock fakes those too, and Element Plus's transitions then never end)."""
    context = await browser.new_context(base_url=gateway, locale="zh-CN", timezone_id="Asia/Shanghai", viewport=DESKTOP)
    await context.add_init_script(script=shifted_date_script(await system.now()))
    opened = await context.new_page()
    try:
        yield opened
    finally:
        await context.close()


def shifted_date_script(now: datetime) -> str:
    """A script run before each page's own: ``Date`` shows ``now`` and runs on from there."""
    return f"""(() => {{
  const RealDate = Date;
  const offset = {int(now.timestamp() * 1000)} - RealDate.now();
  class ShiftedDate extends RealDate {{
    constructor(...args) {{
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }}
    static now() {{
      return RealDate.now() + offset;
    }}
  }}
  globalThis.Date = ShiftedDate;
}})();"""


Shoot = Callable[[Page, str], Awaitable[None]]


@pytest.fixture
def shoot() -> Shoot:
    """``await shoot(page, name)``: the page as a phone and a desktop show it, full length."""

    async def take(page: Page, name: str) -> None:
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            await page.set_viewport_size(size)
            await page.screenshot(path=str(folder / f"{name}-{label}.png"), full_page=True)
        await page.set_viewport_size(DESKTOP)

    return take


# Finite transitions and animations still under way (a spinner's endless one is not waited for).
_MOVING = """() => document.getAnimations().some(
  (a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)"""


async def settled(page: Page) -> None:
    """Wait until nothing fades or slides: an element half faded in is measured at a colour no
    person reads, and axe rightly calls its contrast too low."""
    await page.wait_for_function(f"() => !({_MOVING})()")


async def serious_violations(page: Page) -> list[str]:
    """What axe-core (WCAG 2 A/AA) finds serious or critical on the page as it stands, once still;
    each with the first elements it names, so that a failure says where to look."""
    await settled(page)
    results = await Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}×: "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        + ")"
        for violation in results.response["violations"]
        if violation.get("impact") in ("serious", "critical")
    ]
