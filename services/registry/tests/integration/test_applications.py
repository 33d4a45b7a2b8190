"""Applications on the real PostgreSQL and Kafka: the form, the window, eligibility, duplicates, access."""

from __future__ import annotations

import pytest

from sme_contracts.registry import ApplicationSubmitted

from .conftest import OTHER_USCC, USCC, Registry, full_form

pytestmark = pytest.mark.integration

TOPIC = "gz.sme.registry.application"


async def test_a_complete_application_submitted_in_the_window_is_published_keyed_by_its_id(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()

    [event] = await registry.reader(TOPIC).wait_for(ApplicationSubmitted)
    assert (event.application_id, event.uscc, event.district_code, event.resubmission) == (
        application_id,
        USCC,
        "440106",
        False,
    )
    view = (await registry.http.get(f"/applications/{application_id}", headers=registry.operator())).json()
    assert (view["status"], view["round_year"], view["submissions"]) == ("submitted", event.round_year, 1)


async def test_submitting_twice_is_a_conflict(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    again = await registry.submit(application_id)
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert "only a draft or a returned application" in again.json()["detail"]


async def test_the_minimal_draft_is_accepted_and_its_empty_fields_are_named_on_submit(registry: Registry) -> None:
    await registry.open_round()
    minimal = {"uscc": USCC, "entity_name": "广州市天河区创新企业服务有限公司", "district_code": "440106"}
    application_id = await registry.draft(minimal)
    response = await registry.submit(application_id)
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"legal_representative", "station_address", "operator_type", "contact.name", "staff"} <= fields
    assert "attachments.business_licence" in fields


async def test_bad_input_names_every_field_and_changes_nothing(registry: Registry) -> None:
    response = await registry.http.post(
        "/applications",
        json={"uscc": "123", "district_code": "440199", "staff": [{"name": "李明", "role": "站长", "phone": "12345"}]},
        headers=registry.operator(),
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"uscc", "entity_name", "district_code", "staff.0.phone"}
    listed = await registry.http.get("/applications", headers=registry.operator())
    assert listed.json()["total"] == 0


async def test_an_operator_cannot_apply_for_another_organisation(registry: Registry) -> None:
    response = await registry.http.post("/applications", json=full_form(), headers=registry.operator(OTHER_USCC))
    assert response.status_code == 403


async def test_a_request_without_a_token_is_refused(registry: Registry) -> None:
    response = await registry.http.post("/applications", json=full_form())
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_a_draft_is_the_applicants_own_until_it_is_submitted(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.draft()
    for official in (registry.district("440106"), registry.bureau):
        assert (await registry.http.get(f"/applications/{application_id}", headers=official)).status_code == 404
    assert (await registry.http.get("/applications", headers=registry.district())).json()["total"] == 0
    await registry.attach(application_id)
    await registry.submit(application_id)
    assert (await registry.http.get(f"/applications/{application_id}", headers=registry.district())).status_code == 200


async def test_another_organisation_and_another_district_never_see_an_application(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    for outsider in (registry.operator(OTHER_USCC), registry.district("440104"), registry.auth("expert")):
        response = await registry.http.get(f"/applications/{application_id}", headers=outsider)
        assert response.status_code == 404
        assert USCC not in response.text
    listed = await registry.http.get("/applications", headers=registry.district("440104"))
    assert listed.json() == {"items": [], "total": 0, "limit": 50, "offset": 0}


async def test_an_application_can_be_edited_while_a_draft_but_not_once_submitted(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.draft()
    edited = await registry.http.put(
        f"/applications/{application_id}", json=full_form(service_area="天河北"), headers=registry.operator()
    )
    assert edited.status_code == 200
    assert edited.json()["service_area"] == "天河北"
    changed_uscc = await registry.http.put(
        f"/applications/{application_id}", json=full_form(uscc=OTHER_USCC), headers=registry.operator()
    )
    assert changed_uscc.status_code == 422
    await registry.attach(application_id)
    await registry.submit(application_id)
    late = await registry.http.put(f"/applications/{application_id}", json=full_form(), headers=registry.operator())
    assert late.status_code == 409


async def test_every_step_is_audited_and_only_the_bureau_reads_the_trail(registry: Registry) -> None:
    await registry.open_round()
    operator = registry.operator(subject="operator-7")
    application_id = (await registry.http.post("/applications", json=full_form(), headers=operator)).json()["id"]
    await registry.attach(application_id)
    await registry.http.post(f"/applications/{application_id}/submit", headers=operator)

    trail = await registry.http.get("/audit", params={"target_id": application_id}, headers=registry.bureau)
    assert trail.status_code == 200
    entries = [(e["action"], e["actor"], e["role"]) for e in trail.json()]
    assert entries[0] == ("submit", "operator-7", "station_operator")
    assert entries[-1] == ("create", "operator-7", "station_operator")
    assert [e[0] for e in entries].count("attach") == 4
    denied = await registry.http.get("/audit", headers=registry.district())
    assert denied.status_code == 403
