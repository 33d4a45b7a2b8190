"""The district's preliminary review: only the district of registration decides; events tell review."""

from __future__ import annotations

import pytest

from sme_contracts.registry import ApplicationForwarded, ApplicationReturned, ApplicationSubmitted

from .conftest import OTHER_USCC, PERSONAL_DATA, Registry, full_form

pytestmark = pytest.mark.integration

TOPIC = "gz.sme.registry.application"


async def test_forwarding_publishes_what_review_needs_and_no_personal_data(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.forwarded()

    reader = registry.reader(TOPIC)
    [event] = await reader.wait_for(ApplicationForwarded)
    assert (event.application_id, event.district_code, event.full_time_staff) == (application_id, "440106", 2)
    assert (event.operator_type, event.district_opinion) == ("sme_service_centre", "材料齐全，同意上报")
    assert [s.value for s in event.services] == ["information", "legal", "financing"]
    for raw in reader.raw:
        text = raw.decode()
        assert not [value for value in PERSONAL_DATA if value in text]
    view = (await registry.http.get(f"/applications/{application_id}", headers=registry.district())).json()
    assert view["status"] == "forwarded"
    assert view["district_decisions"][0]["decision"] == "forward"


async def test_another_district_can_neither_read_nor_decide_and_never_sees_the_data(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    other = registry.district("440104")
    for action, body in (("forward", {}), ("return", {"reasons": ["补充材料"]}), ("reject", {"reasons": ["不符合"]})):
        response = await registry.http.post(f"/applications/{application_id}/{action}", json=body, headers=other)
        assert response.status_code == 404
        assert "天河" not in response.text
    read = await registry.http.get(f"/applications/{application_id}", headers=other)
    assert read.status_code == 404
    listed = await registry.http.get("/applications", params={"district_code": "440106"}, headers=other)
    assert listed.json()["total"] == 0
    view = (await registry.http.get(f"/applications/{application_id}", headers=registry.district())).json()
    assert view["status"] == "submitted"


async def test_the_bureau_and_operators_do_not_make_the_districts_decision(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    for caller in (registry.bureau, registry.operator()):
        response = await registry.http.post(f"/applications/{application_id}/forward", json={}, headers=caller)
        assert response.status_code == 403


async def test_districts_list_their_own_applications_and_the_bureau_sees_all(registry: Registry) -> None:
    await registry.open_round()
    tianhe = await registry.submitted()
    yuexiu = await registry.forwarded(full_form(uscc=OTHER_USCC, district_code="440104"))

    async def ids(headers: dict[str, str], **params: str | int) -> set[str]:
        response = await registry.http.get("/applications", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    year = registry.today().year
    assert await ids(registry.district("440106")) == {tianhe}
    assert await ids(registry.district("440104"), status="forwarded", round_year=year) == {yuexiu}
    assert await ids(registry.district("440104"), status="submitted") == set()
    assert await ids(registry.bureau) == {tianhe, yuexiu}
    assert await ids(registry.bureau, district_code="440104") == {yuexiu}
    assert await ids(registry.bureau, round_year=year - 1) == set()
    listed = await registry.http.get("/applications", headers=registry.bureau)
    assert "staff" not in listed.json()["items"][0]


async def test_a_returned_application_is_completed_and_resubmitted(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    returned = await registry.http.post(
        f"/applications/{application_id}/return",
        json={"reasons": ["请补充专职人员劳动合同"]},
        headers=registry.district(),
    )
    assert returned.status_code == 200
    assert returned.json()["status"] == "returned"

    edited = await registry.http.put(
        f"/applications/{application_id}", json=full_form(service_area="天河全区"), headers=registry.operator()
    )
    assert edited.status_code == 200
    await registry.attach(application_id, kinds=("staff_proof",))
    resubmitted = await registry.submit(application_id)
    assert resubmitted.status_code == 200, resubmitted.text
    assert (resubmitted.json()["status"], resubmitted.json()["submissions"]) == ("submitted", 2)

    reader = registry.reader(TOPIC)
    [returned_event] = await reader.wait_for(ApplicationReturned)
    assert returned_event.reasons == ["请补充专职人员劳动合同"]
    submissions = await reader.wait_for(ApplicationSubmitted, count=2)
    assert [e.resubmission for e in submissions] == [False, True]


async def test_a_district_finds_its_applications_by_name_or_uscc_and_counts_them_by_status(registry: Registry) -> None:
    await registry.open_round()
    returned = await registry.submitted()
    response = await registry.http.post(
        f"/applications/{returned}/return", json={"reasons": ["请补充场地证明"]}, headers=registry.district()
    )
    assert response.status_code == 200, response.text
    forwarded = await registry.forwarded(full_form(uscc="91440106MA5AUK3L7C", entity_name="广州市天河智汇商会"))
    await registry.submitted(full_form(uscc=OTHER_USCC, district_code="440104"))

    async def ids(**params: str | int) -> set[str]:
        response = await registry.http.get("/applications", params=params, headers=registry.district())
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    assert await ids(q="智汇") == {forwarded}
    assert await ids(q="ma5auk") == {forwarded}
    assert await ids(q="天河", status="returned") == {returned}
    assert await ids(q="100%") == set()  # a wildcard is only a character
    assert await ids(q=OTHER_USCC) == set()  # another district's, not to be found here

    async def counts(headers: dict[str, str], **params: str | int) -> dict[str, int]:
        response = await registry.http.get("/applications/counts", params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["total"] == sum(item["count"] for item in body["by_status"])
        return {item["status"]: item["count"] for item in body["by_status"]}

    assert await counts(registry.district()) == {
        "submitted": 0,
        "returned": 1,
        "rejected": 0,
        "forwarded": 1,
        "recognised": 0,
        "declined": 0,
    }
    assert sum((await counts(registry.district(), q="智汇")).values()) == 1
    assert sum((await counts(registry.district(), round_year=registry.today().year - 1)).values()) == 0
    assert sum((await counts(registry.district("440104"), district_code="440106")).values()) == 0
    assert (await counts(registry.bureau))["submitted"] == 1
    refused = await registry.http.get("/applications/counts", params={"q": ""}, headers=registry.district())
    assert refused.status_code == 422
