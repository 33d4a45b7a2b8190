"""What a person does in the console, as the browser scenarios say it: sign in, confirm, choose.

One way of doing each of these for every scenario, so that a change of the console's controls is
followed in one place.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from playwright.async_api import Locator, Page, expect

from ..system import System
from .conftest import Shoot, serious_violations

# Where the pointer rests while a page is judged: the bottom right of a desktop-sized page, plain
# background, so nothing shows a hover state.
RESTING_POINTER = (1360, 890)


async def sign_in(page: Page, name: str) -> None:
    """On the sign-in page: choose the person; the console opens where it was asked for."""
    await expect(page.get_by_role("heading", level=1, name="登录工作台")).to_be_visible()
    await page.get_by_role("button", name=re.compile(re.escape(name))).first.click()
    await expect(page.get_by_test_id("console-person")).to_contain_text(name)


async def open_signed_in(page: Page, path: str, who: str) -> None:
    """Type the address; the console asks who is signing in and comes back to it."""
    await page.goto(path)
    await sign_in(page, who)
    await expect(page).to_have_url(re.compile(re.escape(path.split("?")[0])))


async def looks_right(page: Page, shoot: Shoot, name: str) -> None:
    """No serious or critical accessibility violation, and screenshots for a person to look at: the
    pointer off the button just clicked, and from the top (a page scrolled down would draw the fixed
    header over its middle)."""
    await page.mouse.move(*RESTING_POINTER)
    violations = await serious_violations(page)
    assert violations == [], f"{name}: {violations}"
    await page.evaluate("window.scrollTo(0, 0)")
    await shoot(page, name)


async def confirm(page: Page, button: str, saying: str | None = None) -> None:
    """The confirmation dialog says what will happen; the person confirms with the action's name."""
    dialog = page.get_by_role("dialog").filter(has=page.get_by_role("button", name=button, exact=True))
    await expect(dialog).to_be_visible()
    if saying is not None:
        await expect(dialog).to_contain_text(saying)
    await dialog.get_by_role("button", name=button, exact=True).click()
    await expect(dialog).to_be_hidden()


async def choose(page: Page, input_id: str, option: str) -> None:
    """Open the Element Plus select of that input and pick the option of that name.

    The option is looked for in the list this select controls (its `aria-controls`): another select
    of the same options may still be closing, and its list is in the page too."""
    control = page.locator(f"#{input_id}")
    await page.locator(".el-select").filter(has=control).click()
    listbox = await control.get_attribute("aria-controls")
    assert listbox, f"the select #{input_id} names no list of options"
    await page.locator(f"#{listbox}").get_by_role("option", name=option, exact=True).click()


async def pick(page: Page, label: str) -> None:
    """Click an Element Plus radio button by its label, as a person does."""
    await page.locator(".el-radio").filter(has_text=re.compile(f"^{re.escape(label)}$")).click()
    await expect(page.get_by_label(label, exact=True)).to_be_checked()


async def fill_date(field: Locator, value: str) -> None:
    """Type a date (or date and time) into an Element Plus date picker and close its panel."""
    await field.click()
    await field.fill(value)
    await field.press("Enter")
    await field.press("Escape")


WEEKDAYS = "一二三四五六日"


def chinese_day(day: date) -> str:
    """A day as the console writes it: 2026年12月8日（星期二）."""
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


async def people(system: System) -> list[dict[str, Any]]:
    """Everyone the development sign-in offers, as it lists them."""
    answer = await system.notifications.get("/dev/people")
    assert answer.status_code == 200, answer.text
    return [person for group in answer.json()["groups"] for person in group["people"]]
