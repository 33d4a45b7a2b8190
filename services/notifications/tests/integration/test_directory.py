"""The recipients directory and preferences: who may keep which contact, checks on input, and
preferences honoured except for mandatory notices."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sme_contracts import Event

from .conftest import Publisher, Service, SmtpServer

pytestmark = pytest.mark.integration

ORG_A = "91440106MA59C1XE2H"


async def test_an_operator_keeps_its_own_organisation_s_contact_and_nobody_else_s(service: Service) -> None:
    operator = service.operator(ORG_A)
    saved = await service.http.put(
        "/me/contact", json={"contact_name": "王芳", "email": "wangfang@example.com"}, headers=operator
    )
    assert saved.status_code == 200, saved.text
    assert saved.json() == {
        "uscc": ORG_A,
        "name": None,
        "contact_name": "王芳",
        "email": "wangfang@example.com",
        "mobile": None,
    }
    assert (await service.http.get("/me/contact", headers=operator)).json()["email"] == "wangfang@example.com"
    officer = service.as_("district_officer", district="440106")
    assert (await service.http.put("/me/contact", json={"email": "x@example.com"}, headers=officer)).status_code == 403
    # Another organisation's entry is only for the bureau and the platform team.
    response = await service.http.get(
        f"/directory/organisations/{ORG_A}", headers=service.operator("91440112MA59C1XE27")
    )
    assert response.status_code == 403
    assert (await service.http.get(f"/directory/organisations/{ORG_A}", headers=service.bureau)).json()[
        "contact_name"
    ] == "王芳"


async def test_a_bad_contact_is_refused_naming_every_field_and_nothing_changes(service: Service) -> None:
    operator = service.operator(ORG_A)
    response = await service.http.put(
        "/me/contact",
        json={"contact_name": "", "email": "wangfang-at-example", "mobile": "020-38881234"},
        headers=operator,
    )
    assert response.status_code == 422
    assert sorted(error["field"] for error in response.json()["errors"]) == ["contact_name", "email", "mobile"]
    assert (await service.http.get("/me/contact", headers=operator)).json()["email"] is None


async def test_the_bureau_keeps_officials_and_a_district_officer_needs_a_guangzhou_district(service: Service) -> None:
    body = {"name": "李明", "role": "district_officer", "district_code": "440106", "email": "liming@th.example.gov.cn"}
    created = await service.http.put("/directory/officials/do-th", json=body, headers=service.bureau)
    assert created.status_code == 201
    updated = await service.http.put(
        "/directory/officials/do-th", json={**body, "mobile": "13900139000"}, headers=service.bureau
    )
    assert updated.status_code == 200
    assert updated.json()["mobile"] == "13900139000"
    listed = await service.http.get("/directory/officials", params={"district_code": "440106"}, headers=service.bureau)
    assert [o["subject"] for o in listed.json()["items"]] == ["do-th"]
    assert listed.json()["total"] == 1

    wrong = await service.http.put(
        "/directory/officials/do-x", json={**body, "district_code": "110101"}, headers=service.bureau
    )
    assert wrong.status_code == 422
    assert [e["field"] for e in wrong.json()["errors"]] == ["district_code"]
    not_a_role = await service.http.put(
        "/directory/officials/do-x", json={**body, "role": "station_operator"}, headers=service.bureau
    )
    assert not_a_role.status_code == 422
    officer = service.as_("district_officer", district="440106")
    assert (await service.http.put("/directory/officials/do-y", json=body, headers=officer)).status_code == 403

    # An official who leaves: their contact data is erased.
    assert (await service.http.delete("/directory/officials/do-th", headers=service.bureau)).status_code == 204
    assert (await service.http.get("/directory/officials/do-th", headers=service.bureau)).status_code == 404


async def test_preferences_are_honoured_for_ordinary_notices_but_not_for_mandatory_ones(
    service: Service, publish: Publisher, smtp: SmtpServer, sample: Callable[..., Event]
) -> None:
    await service.register_world()
    operator = service.operator(ORG_A)
    chosen = await service.http.put("/me/preferences", json={"email": True, "sms": False}, headers=operator)
    assert chosen.status_code == 200
    assert chosen.json() == {"email": True, "sms": False}
    assert (await service.http.get("/me/preferences", headers=operator)).json() == {"email": True, "sms": False}

    # An objection is told to its target over in-app, e-mail and SMS, but it is no mandatory notice.
    ordinary = await publish.send(sample("gz.sme.review.notice.objection_received.v1"))
    mandatory = await publish.send(sample("gz.sme.registry.application.returned.v1"))
    to_a = f"org:{ORG_A}"
    ordinary_found = await service.settled(ordinary, 4)  # A: in-app, e-mail; the bureau: in-app, e-mail
    assert {d["channel"] for d in ordinary_found if d["recipient"] == to_a} == {"in_app", "email"}
    mandatory_found = await service.settled(mandatory, 3)
    assert {d["channel"] for d in mandatory_found} == {"in_app", "email", "sms"}
    assert [line["message_id"] for line in service.spooled_sms()] == [
        d["delivery_id"] for d in mandatory_found if d["channel"] == "sms"
    ]
