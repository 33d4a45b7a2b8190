"""The gateway as a browser and a script meet it: one origin, the security headers, caching of the
built application, the routes to the five services, the size limit and the per-client limit on
the anonymous forms — all of it nginx's own behaviour, on the real services behind it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..system import SERVICES, System
from .conftest import running_gateway

pytestmark = [pytest.mark.e2e, pytest.mark.web]

# A strict limit for this module only: one anonymous post per client and minute, two more at once.
FORM_BURST = 2


@pytest.fixture(scope="module")
def strict_gateway(system: System, web_dist: Path) -> Iterator[str]:
    with running_gateway(system, web_dist, form_rate="1r/m", form_burst=str(FORM_BURST)) as url:
        yield url


@pytest.fixture
def client(strict_gateway: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=strict_gateway, timeout=30) as opened:
        yield opened


def assert_security_headers(response: httpx.Response) -> None:
    csp = response.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'", csp  # no inline script, nothing from elsewhere
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem: dict[str, object] = response.json()
    assert problem["status"] == status
    assert problem["detail"]
    return problem


def test_every_page_address_serves_the_application_shell_uncached(client: httpx.Client) -> None:
    for address in ("/", "/notices/some-notice/objection", "/console/inbox"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["cache-control"] == "no-cache"
        assert '<div id="app">' in response.text
        assert "<script>" not in response.text  # the shell works under script-src 'self'
        assert_security_headers(response)


def test_hashed_assets_are_cached_for_a_year(client: httpx.Client) -> None:
    shell = client.get("/").text
    assets = re.findall(r'(?:src|href)="(/assets/[^"]+)"', shell)
    assert assets, shell
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert_security_headers(response)
    missing = client.get("/assets/no-such-file-0000.js")
    assert missing.status_code == 404  # never the shell in place of a script


def test_each_service_is_reached_under_its_own_prefix(client: httpx.Client) -> None:
    for name in SERVICES:
        response = client.get(f"/api/{name}/healthz")
        assert response.status_code == 200, (name, response.text)
        assert_security_headers(response)
    # The service's own refusals pass through unchanged.
    assert_problem(client.get("/api/notifications/inbox"), 401)


def test_a_body_over_the_limit_is_refused_with_a_problem(client: httpx.Client) -> None:
    too_large = b"0" * (21 * 1024 * 1024 + 1)
    response = client.post(
        "/api/registry/applications", content=too_large, headers={"content-type": "application/octet-stream"}
    )
    assert_problem(response, 413)
    # Outside the APIs a request body has no business being large at all.
    assert_problem(client.post("/", content=b"0" * (1024 * 1024 + 1)), 413)


def test_anonymous_form_posts_are_limited_per_client(client: httpx.Client) -> None:
    def post() -> httpx.Response:
        # Not a valid request: the service refuses it (422), and it still counts against the limit.
        return client.post("/api/activities/service-requests", json={})

    allowed = [post() for _ in range(1 + FORM_BURST)]
    assert [response.status_code for response in allowed] == [422] * (1 + FORM_BURST)
    refused = post()
    problem = assert_problem(refused, 429)
    assert "稍后再试" in str(problem["detail"])
    assert int(refused.headers["retry-after"]) > 0
    # A forged forwarding header is not another client.
    assert post_as(client, "203.0.113.7").status_code == 429
    # Guessing a form's one-time code, or asking for new codes, counts against the same limit.
    assert client.post("/api/activities/service-requests/x/confirm", json={"code": "123456"}).status_code == 429
    assert client.post("/api/activities/activities/a/registrations/r/resend").status_code == 429
    # Reading is never limited.
    assert client.get("/api/activities/activities").status_code == 200


def post_as(client: httpx.Client, forwarded_for: str) -> httpx.Response:
    return client.post("/api/activities/service-requests", json={}, headers={"x-forwarded-for": forwarded_for})


def test_behind_a_trusted_load_balancer_each_forwarded_client_has_its_own_limit(system: System, web_dist: Path) -> None:
    with (
        running_gateway(system, web_dist, form_rate="1r/m", form_burst="1", trusted_proxies="127.0.0.1") as url,
        httpx.Client(base_url=url, timeout=30) as behind_balancer,
    ):
        first = [post_as(behind_balancer, "198.51.100.1").status_code for _ in range(3)]
        assert first == [422, 422, 429]
        assert post_as(behind_balancer, "198.51.100.2").status_code == 422


def test_the_console_s_runtime_configuration_is_served_uncached(client: httpx.Client) -> None:
    response = client.get("/config.json")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"
    assert response.json() == {"auth": {"mode": "dev"}}
    assert_security_headers(response)


def test_a_deployment_chooses_the_console_s_sign_in_and_the_identity_provider_pages_may_call(
    system: System, web_dist: Path, tmp_path: Path
) -> None:
    idp = "https://idp.example.gov.cn"
    oidc = {"auth": {"mode": "oidc", "authority": f"{idp}/realms/sme", "clientId": "sme-console"}}
    config = tmp_path / "config.json"
    config.write_text(json.dumps(oidc), encoding="utf-8")
    with (
        running_gateway(system, web_dist, form_rate="10r/m", form_burst="5", web_config=config, connect_src=idp) as url,
        httpx.Client(base_url=url, timeout=30) as deployed,
    ):
        response = deployed.get("/config.json")
        assert response.json() == oidc
        csp = response.headers["content-security-policy"]
        directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
        assert directives["connect-src"] == f"'self' {idp}"
        assert_security_headers(deployed.get("/console"))
