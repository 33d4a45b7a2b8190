"""The API describes itself: every endpoint has a summary, the forms carry Chinese examples."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import pytest

from sme_registry.bootstrap import app as registry_app
from sme_registry.config import RegistrySettings


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    settings = RegistrySettings(
        database_url="sqlite+aiosqlite:///unused.sqlite", auth_dev_secret=secrets.token_urlsafe(32), environment="test"
    )
    return registry_app(settings).openapi()


def test_every_endpoint_has_a_summary(document: dict[str, Any]) -> None:
    missing = [
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if not operation.get("summary")
    ]
    assert missing == []


def test_the_application_form_and_the_register_carry_chinese_examples(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    form = schemas["ApplicationFormModel"]["examples"][0]
    assert form["entity_name"] == "广州市天河区创新企业服务有限公司"
    assert len(form["staff"]) >= 2
    assert "GZSME" in schemas["PublicStationView"]["examples"][0]["station_number"]
    assert schemas["ChangeReportRequest"]["examples"][0]["legal_representative"]


def test_the_public_register_needs_no_token_and_its_view_has_no_personal_fields(document: dict[str, Any]) -> None:
    public = document["components"]["schemas"]["PublicStationView"]["properties"]
    assert not {"legal_representative", "contact", "staff", "uscc"} & set(public)
    assert "security" not in document["paths"]["/public/stations"]["get"]


async def test_the_docs_page_is_served() -> None:
    settings = RegistrySettings(
        database_url="sqlite+aiosqlite:///unused.sqlite", auth_dev_secret=secrets.token_urlsafe(32), environment="test"
    )
    app = registry_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://registry") as client:
        docs = await client.get("/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
