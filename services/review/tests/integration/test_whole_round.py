"""A whole round on the real broker and database: forwarded applications in, outcomes out."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract
from sme_contracts.registry import ApplicationKind

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
LOW_MARKS = {
    "premises": 50,
    "staff": 40,
    "service_capability": 55,
    "experience": 45,
    "management_system": 50,
    "influence": 30,
}


def of_type(events: list, kind: type) -> list:  # type: ignore[type-arg]
    return [e for e in events if isinstance(e, kind)]


async def test_a_round_goes_from_forwarded_applications_to_recognised_stations_and_declines(
    review: ReviewService,
) -> None:
    # Expert review (§4.1.3(2)): four new applications and one re-review, three experts each.
    await review.register_experts("expert-1", "expert-2", "expert-3", "expert-4")
    cases = {key: await review.forward(key) for key in "ABCD"}
    cases["E"] = await review.forward("E", kind=ApplicationKind.RE_REVIEW, station_id="st-2023-0007")
    for key in "ABCE":
        await review.score(cases[key], ["expert-1", "expert-2", "expert-3"])
    await review.score(cases["D"], ["expert-2", "expert-3", "expert-4"], marks=LOW_MARKS)
    for key in "ABCE":
        await review.recommend(cases[key])
    await review.recommend(cases["D"], "not_recommend")

    breakdown = (await review.http.get(f"/cases/{cases['A']}/scores", headers=review.bureau)).json()
    assert breakdown["complete"] is True
    assert [e["sheet"]["total"] for e in breakdown["experts"]] == [82.5, 82.5, 82.5]
    assert breakdown["score"] == 82.5

    # The head station reports; the bureau fixes the shortlist in its own order and publishes the notice.
    app_id = {key: event.application_id for key, event in review.forwarded.items()}
    await review.submit_and_shortlist([app_id["C"], app_id["A"], app_id["B"]])
    await review.move_clock_to(at("2026-09-28", 9))
    published = await review.publish_notice()
    assert published.status_code == 201, published.text
    notice = published.json()
    assert (notice["period_start"], notice["period_end"]) == ("2026-09-28", "2026-10-09")
    public = (await review.http.get(f"/public/notices/{notice['id']}")).json()
    assert [e["application_id"] for e in public["entries"]] == [app_id["C"], app_id["A"], app_id["B"]]
    assert public["accepting_objections"] is True
    assert "加盖公章" in public["how_to_object"]

    # Objections within the period: an individual against A, an organisation against B, at the last minute.
    await review.move_clock_to(at("2026-09-30", 15))
    against_a = await review.http.post(
        f"/public/notices/{notice['id']}/objections",
        data={
            "objector_type": "individual",
            "target_application_id": app_id["A"],
            "grounds": "该单位实际专职人员仅1名，与申报材料不符，请核查。",
            "real_name": "张三",
            "id_number": "440106199001011235",
            "contact_phone": "13800138000",
        },
    )
    assert against_a.status_code == 201, against_a.text
    await review.move_clock_to(at("2026-10-09", 23, 30))
    against_b = await review.http.post(
        f"/public/notices/{notice['id']}/objections",
        data={
            "objector_type": "organisation",
            "target_application_id": app_id["B"],
            "grounds": "该单位服务场所系临时租用，不具备固定办公场所。",
            "organisation_name": "广州市越秀区某商会",
            "contact_phone": "020-83331234",
        },
        files={"seal_scan": ("异议书.png", PNG, "image/png")},
    )
    assert against_b.status_code == 201, against_b.text

    # The re-review is decided by the bureau directly (no notice for re-reviews).
    decided = await review.http.post(
        f"/cases/{cases['E']}/re-review-decision", json={"result": "passed"}, headers=review.bureau
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "re_review_passed"

    # Too early: the period runs and objections are open.
    early = await review.http.post("/rounds/2026/final-list", headers=review.bureau)
    assert early.status_code == 409
    assert len(early.json()["missing"]) == 2
    assert early.json()["period_end"] == "2026-10-09"

    # The period ends by the durable timer at midnight.
    await review.move_clock_to(at("2026-10-10", 0, 1))
    ended = await review.events("gz.sme.review.notice", lambda es: bool(of_type(es, contract.NoticeEnded)))
    assert of_type(ended, contract.NoticeEnded)[0].objections_unresolved == 2
    unresolved = await review.http.post("/rounds/2026/final-list", headers=review.bureau)
    assert unresolved.status_code == 409
    assert sorted(unresolved.json()["unresolved_objection_ids"]) == sorted(
        [against_a.json()["id"], against_b.json()["id"]]
    )

    # The bureau investigates: A's objection is upheld, B's is not.
    for objection, outcome, findings in (
        (against_a, "upheld", "经调取社保缴纳记录核实，该单位专职人员仅1名，异议成立。"),
        (against_b, "not_upheld", "经实地核查，该单位服务场所为长期租赁，异议不成立。"),
    ):
        resolved = await review.http.post(
            f"/objections/{objection.json()['id']}/resolution",
            json={"outcome": outcome, "findings": findings},
            headers=review.bureau,
        )
        assert resolved.status_code == 200, resolved.text

    await review.move_clock_to(at("2026-10-12", 10))
    final = await review.http.post("/rounds/2026/final-list", headers=review.bureau)
    assert final.status_code == 201, final.text
    assert [(e["application_id"], e["plaque_number"]) for e in final.json()["entries"]] == [
        (app_id["C"], "穗中小服站〔2026〕001号"),
        (app_id["B"], "穗中小服站〔2026〕002号"),
    ]
    public_list = (await review.http.get("/public/final-lists/2026")).json()
    assert public_list["published_on"] == "2026-10-12"
    assert [e["entity_name"] for e in public_list["entries"]] == [
        review.forwarded["C"].entity_name,
        review.forwarded["B"].entity_name,
    ]

    # What registry, assessment and notifications read from Kafka.
    outcomes = await review.events(
        "gz.sme.review.outcome",
        lambda es: (
            len(of_type(es, contract.StationRecognised)) == 2
            and len(of_type(es, contract.ApplicationDeclined)) == 2
            and len(of_type(es, contract.ReReviewPassed)) == 1
        ),
    )
    recognised = {e.application_id: e for e in of_type(outcomes, contract.StationRecognised)}
    assert recognised[app_id["C"]].plaque_number == "穗中小服站〔2026〕001号"
    assert recognised[app_id["B"]].final_list_published_on.isoformat() == "2026-10-12"
    assert recognised[app_id["B"]].uscc == review.forwarded["B"].uscc
    declined = {e.application_id: e for e in of_type(outcomes, contract.ApplicationDeclined)}
    assert declined[app_id["A"]].reason_code is contract.DeclineReason.OBJECTION_UPHELD
    assert "异议成立" in declined[app_id["A"]].reason
    assert declined[app_id["D"]].reason_code is contract.DeclineReason.NOT_RECOMMENDED
    passed = of_type(outcomes, contract.ReReviewPassed)[0]
    assert (passed.station_id, passed.confirmed_on.isoformat()) == ("st-2023-0007", "2026-10-09")

    case_events = await review.events(
        "gz.sme.review.case", lambda es: len(of_type(es, contract.ExpertReviewCompleted)) == 5
    )
    assert len(of_type(case_events, contract.ReviewCaseOpened)) == 5
    assert len(of_type(case_events, contract.ExpertAssigned)) == 15
    assert {e.score for e in of_type(case_events, contract.ExpertReviewCompleted) if e.case_id == cases["D"]} == {46.75}

    round_events = await review.events("gz.sme.review.round", lambda es: bool(of_type(es, contract.FinalListPublished)))
    submitted = of_type(round_events, contract.RecommendationsSubmitted)[0]
    assert {(c.application_id, c.recommendation.value) for c in submitted.cases} == {
        (app_id["A"], "recommend"),
        (app_id["B"], "recommend"),
        (app_id["C"], "recommend"),
        (app_id["D"], "not_recommend"),
        (app_id["E"], "recommend"),
    }
    final_event = of_type(round_events, contract.FinalListPublished)[0]
    assert sorted(final_event.declined_application_ids) == sorted([app_id["A"], app_id["D"]])

    notice_events = await review.events(
        "gz.sme.review.notice", lambda es: len(of_type(es, contract.ObjectionResolved)) == 2
    )
    published_event = of_type(notice_events, contract.NoticePublished)[0]
    assert published_event.shortlisted_application_ids == [app_id["C"], app_id["A"], app_id["B"]]
    received = of_type(notice_events, contract.ObjectionReceived)
    assert {e.target_application_id for e in received} == {app_id["A"], app_id["B"]}
    assert "张三" not in str([e.model_dump() for e in notice_events])  # the objector never leaves the service

    # Every decision is on the audit trail.
    trail = (await review.http.get("/audit", params={"limit": 1000}, headers=review.bureau)).json()
    actions = {entry["action"] for entry in trail}
    assert actions >= {
        "open_case",
        "register_expert",
        "assign_expert",
        "submit_score_sheet",
        "record_recommendation",
        "submit_recommendations",
        "fix_shortlist",
        "publish_notice",
        "file_objection",
        "end_notice",
        "resolve_objection",
        "decide_re_review",
        "recognise",
        "decline",
        "publish_final_list",
    }
