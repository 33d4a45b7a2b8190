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


async def test_submitting_without_an_open_round_is_refused_saying_none_is_open(registry: Registry) -> None:
    application_id = await registry.draft()
    await registry.attach(application_id)
    response = await registry.submit(application_id)
    assert response.status_code == 409
    assert "没有开放的服务站申请受理期" in response.json()["detail"]


async def test_submitting_before_the_window_opens_is_refused_naming_the_window(registry: Registry) -> None:
    opened = await registry.open_round(opens=5, closes=20, deadline=30)
    application_id = await registry.draft()
    await registry.attach(application_id)
    response = await registry.submit(application_id)
    assert response.status_code == 409
    assert f"{opened['window_opens_on']} 至 {opened['window_closes_on']}" in response.json()["detail"]
    assert "尚未开始" in response.json()["detail"]


async def test_submitting_after_the_window_closed_is_refused_naming_the_window(registry: Registry) -> None:
    opened = await registry.open_round(opens=-20, closes=-1, deadline=10)
    application_id = await registry.draft()
    response = await registry.submit(application_id)
    assert response.status_code == 409
    assert f"{opened['window_opens_on']} 至 {opened['window_closes_on']}" in response.json()["detail"]


@pytest.mark.parametrize(
    ("uscc", "code"),
    [
        ("91440106MA59C1XE2T", "uscc_check_digit"),
        ("91440300MA5FAB1C2C", "uscc_not_guangzhou"),
        ("92440106MA59C1XE2E", "individual_business"),
    ],
    ids=["bad-check-digit", "not-guangzhou", "individual-business"],
)
async def test_an_ineligible_uscc_is_refused_on_submit(registry: Registry, uscc: str, code: str) -> None:
    await registry.open_round()
    application_id = await registry.draft(full_form(uscc=uscc))
    await registry.attach(application_id, uscc)
    response = await registry.submit(application_id, uscc)
    assert response.status_code == 422, response.text
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("uscc", code)]


async def test_one_full_time_staff_member_is_refused_on_submit(registry: Registry) -> None:
    await registry.open_round()
    form = full_form()
    form["staff"] = form["staff"][:1]
    application_id = await registry.draft(form)
    await registry.attach(application_id)
    response = await registry.submit(application_id)
    assert response.status_code == 422
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("staff", "too_few_staff")]


async def test_every_failure_is_named_in_one_answer_and_nothing_changes(registry: Registry) -> None:
    await registry.open_round()
    bad_uscc = "92440300MA5FAB1C2X"
    form = full_form(uscc=bad_uscc, station_district_code="440303", legal_representative="", staff=[])
    application_id = await registry.draft(form)
    await registry.attach(application_id, bad_uscc, kinds=("business_licence",))

    response = await registry.submit(application_id, bad_uscc)

    assert response.status_code == 422
    found = {(e["field"], e["code"]) for e in response.json()["errors"]}
    assert found == {
        ("uscc", "uscc_check_digit"),
        ("uscc", "uscc_not_guangzhou"),
        ("uscc", "individual_business"),
        ("legal_representative", "required"),
        ("station_district_code", "district_not_guangzhou"),
        ("staff", "too_few_staff"),
        ("attachments.premises_proof", "attachment_missing"),
        ("attachments.management_system", "attachment_missing"),
        ("attachments.staff_proof", "attachment_missing"),
    }
    view = await registry.http.get(f"/applications/{application_id}", headers=registry.operator(bad_uscc))
    assert view.json()["status"] == "draft"


async def test_the_minimal_draft_is_accepted_and_its_empty_fields_are_named_on_submit(registry: Registry) -> None:
    await registry.open_round()
    minimal = {"uscc": USCC, "entity_name": "广州市天河区创新企业服务有限公司", "district_code": "440106"}
    application_id = await registry.draft(minimal)
    response = await registry.submit(application_id)
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"legal_representative", "station_address", "operator_type", "contact.name", "staff"} <= fields
    assert "attachments.business_licence" in fields


async def test_a_second_open_application_of_the_same_entity_in_the_round_is_refused(registry: Registry) -> None:
    await registry.open_round()
    await registry.submitted()
    second = await registry.draft()
    await registry.attach(second)
    response = await registry.submit(second)
    assert response.status_code == 409
    assert "已有在办申请" in response.json()["detail"]


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
