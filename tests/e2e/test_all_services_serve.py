"""All five services start as separate processes and serve health, readiness and their API documents."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from sme_kit.http_client import service_client
from sme_kit.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e

SERVICES = ("registry", "review", "activities", "assessment", "notifications")


async def test_every_service_is_live_ready_and_documented(
    start_services: Callable[..., Awaitable[dict[str, ServiceProcess]]],
) -> None:
    services = await start_services(*SERVICES)
    async with service_client() as client:
        for name in SERVICES:
            url = services[name].url
            assert (await client.get(f"{url}/healthz")).json() == {"status": "ok", "service": name}
            ready = (await client.get(f"{url}/readyz")).json()
            assert ready["checks"]["database"] == "ok"
            assert ready["checks"]["kafka"] == "ok"
            assert (
                (await client.get(f"{url}/openapi.json"))
                .json()["info"]["title"]
                .startswith("广州市民营和中小企业服务站")
            )
            asyncapi = (await client.get(f"{url}/asyncapi.json")).json()
            assert asyncapi["asyncapi"].startswith("3.")
        registry_doc = (await client.get(f"{services['registry'].url}/asyncapi.json")).json()
        assert "send.gz.sme.registry.application" in registry_doc["operations"]
        notifications_doc = (await client.get(f"{services['notifications'].url}/asyncapi.json")).json()
        assert "receive.gz.sme.registry.application" in notifications_doc["operations"]
