"""Registry's application API on the real PostgreSQL and Kafka, in process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from sme_contracts.envelope import unwrap
from sme_contracts.registry import ApplicationSubmitted
from sme_kit.auth import mint_dev_token
from sme_kit.testing import wait_until
from sme_registry.bootstrap import app as registry_app
from sme_registry.config import RegistrySettings

pytestmark = pytest.mark.integration

USCC = "91440106MA59C1XE2T"
FORM = {"uscc": USCC, "entity_name": "广州市天河区创新企业服务有限公司", "district_code": "440106"}


@pytest.fixture
async def client(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str
) -> AsyncIterator[httpx.AsyncClient]:
    settings = RegistrySettings(
        database_url=database_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
        auth_dev_secret=dev_secret,
        environment="test",
        relay_poll_interval_s=0.2,
    )
    app = registry_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://registry") as http,
    ):
        yield http


def bearer(dev_secret: str, role: str, **claims: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_dev_token(dev_secret, role=role, **claims)}"}


async def test_a_submitted_application_is_published_as_a_cloudevent_keyed_by_its_id(
    client: httpx.AsyncClient, dev_secret: str, kafka_bootstrap: str, topic_prefix: str
) -> None:
    operator = bearer(dev_secret, "station_operator", org=USCC)
    created = await client.post("/applications", json=FORM, headers=operator)
    assert created.status_code == 201, created.text
    application_id = created.json()["id"]
    assert (await client.post(f"/applications/{application_id}/submit", headers=operator)).status_code == 200

    consumer = AIOKafkaConsumer(
        topic_prefix + "gz.sme.registry.application", bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        record = await wait_until(consumer.getone, what="the submitted event")
    finally:
        await consumer.stop()
    assert record.key == application_id.encode()
    event = unwrap(record.headers, record.value).decode()
    assert isinstance(event, ApplicationSubmitted)
    assert (event.application_id, event.uscc, event.district_code) == (application_id, USCC, "440106")


async def test_submitting_twice_is_a_conflict(client: httpx.AsyncClient, dev_secret: str) -> None:
    operator = bearer(dev_secret, "station_operator", org=USCC)
    application_id = (await client.post("/applications", json=FORM, headers=operator)).json()["id"]
    await client.post(f"/applications/{application_id}/submit", headers=operator)
    again = await client.post(f"/applications/{application_id}/submit", headers=operator)
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert "only a draft" in again.json()["detail"]


async def test_an_operator_cannot_apply_for_another_organisation(client: httpx.AsyncClient, dev_secret: str) -> None:
    response = await client.post(
        "/applications", json=FORM, headers=bearer(dev_secret, "station_operator", org="91440101MA5CXXXX0X")
    )
    assert response.status_code == 403


async def test_another_organisation_and_another_district_cannot_read_an_application(
    client: httpx.AsyncClient, dev_secret: str
) -> None:
    application_id = (
        await client.post("/applications", json=FORM, headers=bearer(dev_secret, "station_operator", org=USCC))
    ).json()["id"]
    for outsider in (
        bearer(dev_secret, "station_operator", org="91440101MA5CXXXX0X"),
        bearer(dev_secret, "district_officer", district="440104"),
    ):
        response = await client.get(f"/applications/{application_id}", headers=outsider)
        assert response.status_code == 404
        assert USCC not in response.text
    own_district = await client.get(
        f"/applications/{application_id}", headers=bearer(dev_secret, "district_officer", district="440106")
    )
    assert own_district.status_code == 200


async def test_a_request_without_a_token_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/applications", json=FORM)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_bad_input_names_every_field_and_changes_nothing(client: httpx.AsyncClient, dev_secret: str) -> None:
    operator = bearer(dev_secret, "station_operator", org=USCC)
    response = await client.post("/applications", json={"uscc": "123", "district_code": "440199"}, headers=operator)
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"uscc", "entity_name", "district_code"}


async def test_every_step_is_audited_and_only_the_bureau_reads_the_trail(client: httpx.AsyncClient, dev_secret: str) -> None:
    operator = bearer(dev_secret, "station_operator", org=USCC, subject="operator-7")
    application_id = (await client.post("/applications", json=FORM, headers=operator)).json()["id"]
    await client.post(f"/applications/{application_id}/submit", headers=operator)

    trail = await client.get("/audit", params={"target_id": application_id}, headers=bearer(dev_secret, "bureau_admin"))
    assert trail.status_code == 200
    assert [(e["action"], e["actor"], e["role"]) for e in trail.json()] == [
        ("submit", "operator-7", "station_operator"),
        ("create", "operator-7", "station_operator"),
    ]
    denied = await client.get("/audit", headers=bearer(dev_secret, "district_officer", district="440106"))
    assert denied.status_code == 403
