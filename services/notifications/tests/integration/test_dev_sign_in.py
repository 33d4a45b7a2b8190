"""The development sign-in: whom the console lists (the directory's people, no contact data) and
the tokens it hands out; none of it exists in production."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from sme_contracts import Event
from sme_kit.testing import wait_until
from sme_notifications.bootstrap import app as notifications_app
from sme_notifications.config import NotificationsSettings

from ..conftest import ORG_A_NAME
from .conftest import OFFICIALS, ORG_A_CONTACT, ORG_B_CONTACT, Publisher, Service, Start

pytestmark = pytest.mark.integration

ORG_A, ORG_B = "91440106MA59C1XE2H", "91440112MA59C1XE27"
PLATFORM = {"name": "冯志远", "role": "platform_operator", "email": "fengzhiyuan@ops.example.gov.cn"}


async def _people(service: Service) -> dict[str, Any]:
    response = await service.http.get("/dev/people")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _world_with_a_station(service: Service, publish: Publisher, sample: Callable[..., Event]) -> None:
    """The directory's officials and two organisations; A applied and runs station st-a, B only gave a contact."""
    await service.register_world()
    answer = await service.http.put("/directory/officials/ops-feng", json=PLATFORM, headers=service.bureau)
    assert answer.status_code == 201, answer.text
    for event_type in ("gz.sme.registry.application.submitted.v1", "gz.sme.registry.station.registered.v1"):
        await publish.send(sample(event_type))

    async def learnt() -> bool:
        operators = next(g for g in (await _people(service))["groups"] if g["role"] == "station_operator")
        a = next((p for p in operators["people"] if p["org"] == ORG_A), None)
        return a is not None and a["station_ids"] == ["st-a"] and a["org_name"] == ORG_A_NAME

    await wait_until(learnt, timeout=20, what="the directory to learn organisation A and its station")


async def test_the_sign_in_list_has_every_official_and_one_operator_per_organisation_without_contact_data(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    await _world_with_a_station(service, publish, sample)
    listed = await _people(service)

    assert [g["role"] for g in listed["groups"]] == [
        "bureau_admin",
        "head_station_staff",
        "district_officer",
        "expert",
        "station_operator",
        "platform_operator",
    ]
    by_role = {g["role"]: g["people"] for g in listed["groups"]}
    assert [(p["subject"], p["name"], p["district_name"]) for p in by_role["district_officer"]] == [
        ("do-th", "李明", "天河区"),
        ("do-hp", "陈静", "黄埔区"),
    ]
    assert [p["subject"] for p in by_role["bureau_admin"]] == ["bu-1"]
    assert [p["subject"] for p in by_role["expert"]] == ["ex-1"]
    assert [p["subject"] for p in by_role["platform_operator"]] == ["ops-feng"]
    a, b = by_role["station_operator"]
    assert (a["subject"], a["name"], a["org"], a["district_code"], a["district_name"], a["station_ids"]) == (
        f"operator-{ORG_A}",
        ORG_A_NAME,
        ORG_A,
        "440106",
        "天河区",
        ["st-a"],
    )
    # B is known only by the contact it gave: its USCC names it, and its registration division its district.
    assert (b["subject"], b["name"], b["org_name"], b["district_name"], b["station_ids"]) == (
        f"operator-{ORG_B}",
        ORG_B,
        None,
        "黄埔区",
        [],
    )

    text = json.dumps(listed, ensure_ascii=False)
    contacts = [*ORG_A_CONTACT.values(), *ORG_B_CONTACT.values(), PLATFORM["email"]]
    contacts += [o.get("email") for o in OFFICIALS.values()] + [o.get("mobile") for o in OFFICIALS.values()]
    assert [value for value in contacts if value and value in text] == []
    assert all("email" not in p and "mobile" not in p for g in listed["groups"] for p in g["people"])


async def test_a_token_carries_the_claims_of_the_person_s_role_and_opens_their_inbox(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    await _world_with_a_station(service, publish, sample)

    async def claims_of(subject: str) -> dict[str, Any]:
        answer = await service.http.post("/dev/tokens", json={"subject": subject})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["token_type"] == "Bearer"
        assert body["person"]["subject"] == subject
        claims = jwt.decode(body["access_token"], service.secret, algorithms=["HS256"])
        assert claims["exp"] - claims["iat"] == body["expires_in"] == 3600
        assert abs(datetime.fromisoformat(body["expires_at"]).timestamp() - claims["exp"]) <= 1
        inbox = await service.http.get("/inbox", headers={"Authorization": f"Bearer {body['access_token']}"})
        assert inbox.status_code == 200, inbox.text
        return {k: v for k, v in claims.items() if k not in ("iat", "exp")}

    officer = {"sub": "do-th", "role": "district_officer", "district": "440106", "name": "李明"}
    assert await claims_of("do-th") == officer
    assert await claims_of("hs-1") == {"sub": "hs-1", "role": "head_station_staff", "name": "周敏"}
    assert await claims_of("bu-1") == {"sub": "bu-1", "role": "bureau_admin", "name": "吴刚"}
    assert await claims_of("ex-1") == {"sub": "ex-1", "role": "expert", "name": "林教授"}
    assert await claims_of("ops-feng") == {"sub": "ops-feng", "role": "platform_operator", "name": "冯志远"}
    assert await claims_of(f"operator-{ORG_A}") == {
        "sub": f"operator-{ORG_A}",
        "role": "station_operator",
        "org": ORG_A,
        "station_id": "st-a",
        "name": ORG_A_NAME,
    }
    assert await claims_of(f"operator-{ORG_B}") == {
        "sub": f"operator-{ORG_B}",
        "role": "station_operator",
        "org": ORG_B,
        "name": ORG_B,
    }

    # An operator may name the station it acts for, but only one of its organisation's.
    chosen = await service.http.post("/dev/tokens", json={"subject": f"operator-{ORG_A}", "station_id": "st-a"})
    assert chosen.status_code == 200, chosen.text
    assert jwt.decode(chosen.json()["access_token"], service.secret, algorithms=["HS256"])["station_id"] == "st-a"
    foreign = await service.http.post("/dev/tokens", json={"subject": f"operator-{ORG_B}", "station_id": "st-a"})
    assert foreign.status_code == 422, foreign.text
    assert [error["field"] for error in foreign.json()["errors"]] == ["station_id"]


async def test_only_a_listed_person_gets_a_token_and_the_lifetime_is_the_configured_one(start: Start) -> None:
    async with start(dev_token_ttl_s=300) as service:
        await service.register_world()
        unknown = await service.http.post("/dev/tokens", json={"subject": "somebody-else"})
        assert unknown.status_code == 404
        assert unknown.headers["content-type"].startswith("application/problem+json")
        assert "没有该人员" in unknown.json()["detail"]
        blank = await service.http.post("/dev/tokens", json={"subject": ""})
        assert blank.status_code == 422
        assert [e["field"] for e in blank.json()["errors"]] == ["subject"]
        minted = await service.http.post("/dev/tokens", json={"subject": "hs-1"})
        assert minted.json()["expires_in"] == 300


# --- production -----------------------------------------------------------------------------


@pytest.fixture
def jwks_url(tmp_path: Path) -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps({"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}), encoding="utf-8")
    return path.as_uri()


@contextlib.asynccontextmanager
async def production(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, jwks_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    settings = NotificationsSettings(
        database_url=database_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
        environment="production",
        auth_dev_secret=None,  # whatever the environment says (make exports a development one)
        auth_jwks_url=jwks_url,
        sms_provider="none",
    )
    app = notifications_app(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://notifications") as http,
    ):
        yield http


async def test_production_has_no_development_sign_in(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, jwks_url: str
) -> None:
    async with production(database_url, kafka_bootstrap, topic_prefix, jwks_url) as http:
        assert (await http.get("/healthz")).status_code == 200
        people = await http.get("/dev/people")
        token = await http.post("/dev/tokens", json={"subject": "bu-1"})
        for answer in (people, token):
            assert answer.status_code == 404
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert "access_token" not in answer.text
        paths = (await http.get("/openapi.json")).json()["paths"]
        assert not [path for path in paths if path.startswith("/dev/")]
