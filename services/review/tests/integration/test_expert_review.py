"""Expert review (§4.1.3(2)): conflicts of interest, experts confined to their assignments, scores and results."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract

from .conftest import APPLICANTS, GOOD_MARKS, ReviewService, at

pytestmark = pytest.mark.integration

DUE = "2026-09-15"


async def assign(review: ReviewService, case_id: str, *experts: str):  # type: ignore[no-untyped-def]
    return await review.http.post(
        f"/cases/{case_id}/assignments", json={"expert_ids": list(experts), "due_on": DUE}, headers=review.head_station
    )


async def test_an_expert_can_neither_read_nor_score_a_case_it_is_not_assigned_to(review: ReviewService) -> None:
    await review.register_experts("expert-1", "expert-2", "expert-3", "expert-4")
    case_a = await review.forward("A")
    assert (await assign(review, case_a, "expert-1", "expert-2", "expert-3")).status_code == 201
    outsider = review.expert("expert-4")

    assert (await review.http.get(f"/cases/{case_a}", headers=outsider)).status_code == 404
    scored = await review.http.put(f"/cases/{case_a}/score-sheet", json={"marks": GOOD_MARKS}, headers=outsider)
    assert scored.status_code == 404
    assert (await review.http.get("/my/assignments", headers=outsider)).json()["items"] == []
    assert (await review.http.get(f"/cases/{case_a}/scores", headers=outsider)).status_code == 403

    insider = await review.http.get(f"/cases/{case_a}", headers=review.expert("expert-1"))
    assert insider.status_code == 200
    assert insider.json()["assignments"] is None  # an expert does not see who else reviews
    mine = (await review.http.get("/my/assignments", headers=review.expert("expert-1"))).json()
    assert [(m["case_id"], m["due_on"], m["my_sheet"]) for m in mine["items"]] == [(case_a, DUE, None)]
    assert (mine["total"], mine["limit"], mine["offset"]) == (1, 50, 0)


async def test_declaring_a_conflict_on_an_assigned_case_recuses_the_expert_and_tells_everyone(
    review: ReviewService,
) -> None:
    await review.register_experts("expert-1", "expert-2", "expert-3", "expert-4")
    case_a = await review.forward("A")
    assert (await assign(review, case_a, "expert-1", "expert-2", "expert-3")).status_code == 201

    declared = await review.http.post(
        "/experts/expert-1/conflicts",
        json={"uscc": APPLICANTS["A"][0].lower(), "reason": "本人配偶在该单位任职"},
        headers=review.expert("expert-1"),
    )

    assert declared.status_code == 201, declared.text
    assert len(declared.json()["recused_assignment_ids"]) == 1
    assert (await review.http.get(f"/cases/{case_a}", headers=review.expert("expert-1"))).status_code == 404
    statuses = {
        a["expert_id"]: a["status"]
        for a in (await review.http.get(f"/cases/{case_a}", headers=review.head_station)).json()["assignments"]
    }
    assert statuses == {"expert-1": "recused", "expert-2": "active", "expert-3": "active"}
    assert (await assign(review, case_a, "expert-1")).status_code == 409
    assert (await assign(review, case_a, "expert-4")).status_code == 201
    events = await review.events(
        "gz.sme.review.case", lambda es: any(isinstance(e, contract.ExpertAssignmentWithdrawn) for e in es)
    )
    withdrawn = next(e for e in events if isinstance(e, contract.ExpertAssignmentWithdrawn))
    assert (withdrawn.expert_id, withdrawn.reason_code) == ("expert-1", contract.WithdrawalReason.CONFLICT_DECLARED)
    assigned = [e for e in events if isinstance(e, contract.ExpertAssigned)]
    assert {e.expert_id for e in assigned} == {"expert-1", "expert-2", "expert-3", "expert-4"}
    assert all(e.due_on.isoformat() == DUE and e.case_id == case_a for e in assigned)


async def test_head_station_and_bureau_see_each_experts_marks_and_a_district_only_its_own_cases(
    review: ReviewService,
) -> None:
    await review.register_experts("expert-1", "expert-2", "expert-3")
    case_a = await review.forward("A")
    await review.score(case_a, ["expert-1", "expert-2"], marks=None)
    response = await review.http.post(
        f"/cases/{case_a}/assignments", json={"expert_ids": ["expert-3"], "due_on": DUE}, headers=review.head_station
    )
    assert response.status_code == 201
    low = {code: 60 for code in GOOD_MARKS}
    await review.http.put(f"/cases/{case_a}/score-sheet", json={"marks": low}, headers=review.expert("expert-3"))

    for staff in (review.head_station, review.bureau):
        scores = (await review.http.get(f"/cases/{case_a}/scores", headers=staff)).json()
        assert sorted(e["sheet"]["total"] for e in scores["experts"]) == [60.0, 82.5, 82.5]
        assert scores["score"] == 75.0
        assert {e["expert_name"] for e in scores["experts"]} == {"专家1", "专家2", "专家3"}

    tianhe = review.auth("district_officer", district="440106")
    yuexiu = review.auth("district_officer", district="440104")
    own = await review.http.get(f"/cases/{case_a}", headers=tianhe)
    assert own.status_code == 200
    assert (own.json()["review"]["score"], own.json()["assignments"]) == (75.0, None)
    assert (await review.http.get(f"/cases/{case_a}", headers=yuexiu)).status_code == 404
    assert (await review.http.get(f"/cases/{case_a}/scores", headers=tianhe)).status_code == 403
    assert (await review.http.get("/cases", headers=yuexiu)).json()["total"] == 0
    assert (await review.http.get("/cases", headers=tianhe)).json()["total"] == 1
    recommend = await review.http.put(
        f"/cases/{case_a}/recommendation", json={"recommendation": "recommend", "reasons": "好"}, headers=tianhe
    )
    assert recommend.status_code == 403


async def test_a_panel_is_assigned_as_a_whole_and_a_withdrawn_experts_sheet_stops_counting(
    review: ReviewService,
) -> None:
    await review.register_experts("expert-1", "expert-2", "expert-3", "expert-4")
    panel = await review.http.post(
        "/rounds/2026/panels",
        json={"name": "第一评审组", "expert_ids": ["expert-1", "expert-2", "expert-3"]},
        headers=review.head_station,
    )
    assert panel.status_code == 201, panel.text
    case_a = await review.forward("A")
    assigned = await review.http.post(
        f"/cases/{case_a}/assignments",
        json={"panel_id": panel.json()["id"], "due_on": DUE},
        headers=review.head_station,
    )
    assert sorted(a["expert_id"] for a in assigned.json()) == ["expert-1", "expert-2", "expert-3"]
    low = {code: 30 for code in GOOD_MARKS}
    await review.http.put(f"/cases/{case_a}/score-sheet", json={"marks": low}, headers=review.expert("expert-1"))
    for expert_id in ("expert-2", "expert-3"):
        await review.http.put(
            f"/cases/{case_a}/score-sheet", json={"marks": GOOD_MARKS}, headers=review.expert(expert_id)
        )
    assert (await review.http.get(f"/cases/{case_a}/scores", headers=review.head_station)).json()["score"] == 65.0

    expert_1 = next(a for a in assigned.json() if a["expert_id"] == "expert-1")
    withdrawn = await review.http.post(
        f"/cases/{case_a}/assignments/{expert_1['id']}/withdrawal",
        json={"reason": "专家因公出差无法参加评审会"},
        headers=review.head_station,
    )
    assert withdrawn.status_code == 200, withdrawn.text
    scores = (await review.http.get(f"/cases/{case_a}/scores", headers=review.head_station)).json()
    assert (scores["score"], scores["complete"]) == (None, False)  # two of the three the round requires
    assert (await assign(review, case_a, "expert-4")).status_code == 201
    await review.http.put(f"/cases/{case_a}/score-sheet", json={"marks": GOOD_MARKS}, headers=review.expert("expert-4"))
    assert (await review.http.get(f"/cases/{case_a}/scores", headers=review.bureau)).json()["score"] == 82.5
    events = await review.events(
        "gz.sme.review.case",
        lambda es: (
            len([e for e in es if isinstance(e, contract.ExpertReviewCompleted)]) == 2
            and any(isinstance(e, contract.ExpertAssignmentWithdrawn) for e in es)
        ),
    )
    withdrawal = next(e for e in events if isinstance(e, contract.ExpertAssignmentWithdrawn))
    assert (withdrawal.expert_id, withdrawal.reason_code) == ("expert-1", contract.WithdrawalReason.WITHDRAWN)
    assert [e.score for e in events if isinstance(e, contract.ExpertReviewCompleted)] == [65.0, 82.5]


async def test_the_head_station_follows_every_assignment_and_an_expert_revises_its_explained_sheet_until_locked(
    review: ReviewService,
) -> None:
    await review.register_experts("expert-1", "expert-2")
    await review.use_panels_of(1)
    case_a = await review.forward("A")
    assert (await assign(review, case_a, "expert-1", "expert-2")).status_code == 201
    withdrawn = next(
        a
        for a in (await review.http.get(f"/cases/{case_a}", headers=review.head_station)).json()["assignments"]
        if a["expert_id"] == "expert-2"
    )
    await review.http.post(
        f"/cases/{case_a}/assignments/{withdrawn['assignment_id']}/withdrawal",
        json={"reason": "专家因公出差无法按期评审"},
        headers=review.head_station,
    )
    sheet = {"marks": {"overall": 88}, "remarks": {"overall": "服务能力突出"}, "comment": "建议推荐"}
    scored = await review.http.put(f"/cases/{case_a}/score-sheet", json=sheet, headers=review.expert("expert-1"))
    assert scored.status_code == 200, scored.text
    assert (scored.json()["remarks"], scored.json()["total"]) == ({"overall": "服务能力突出"}, 88.0)

    progress = await review.http.get("/rounds/2026/assignments", headers=review.head_station)
    assert progress.status_code == 200, progress.text
    rows = {
        a["expert_id"]: (a["status"], a["expert_name"], a["sheet_total"], a["sheet_submitted_at"] is not None)
        for a in progress.json()["items"]
    }
    assert rows == {"expert-1": ("active", "专家1", 88.0, True), "expert-2": ("withdrawn", "专家2", None, False)}
    assert (await review.http.get("/rounds/2026/assignments", headers=review.expert("expert-1"))).status_code == 403
    assert (await review.http.get("/rounds/2030/assignments", headers=review.bureau)).status_code == 404

    mine = (await review.http.get("/my/assignments", headers=review.expert("expert-1"))).json()["items"]
    assert [(m["scoring_open"], m["my_sheet"]["remarks"]) for m in mine] == [(True, {"overall": "服务能力突出"})]
    await review.recommend(case_a)
    mine = (await review.http.get("/my/assignments", headers=review.expert("expert-1"))).json()["items"]
    assert [m["scoring_open"] for m in mine] == [False]
    revised = await review.http.put(f"/cases/{case_a}/score-sheet", json=sheet, headers=review.expert("expert-1"))
    assert revised.status_code == 409


async def test_the_head_station_reminds_a_late_expert_once_a_day_and_the_reminder_is_published_and_audited(
    review: ReviewService,
) -> None:
    await review.register_experts("expert-1", "expert-2")
    case_a = await review.forward("A")
    assert (await assign(review, case_a, "expert-1", "expert-2")).status_code == 201
    path = f"/cases/{case_a}/assignments/expert-1/reminders"
    early = await review.http.post(path, headers=review.head_station)
    assert early.status_code == 409
    assert early.headers["content-type"].startswith("application/problem+json")
    assert (early.json()["reason"], early.json()["due_on"]) == ("not_overdue", DUE)

    await review.move_clock_to(at("2026-09-17", 9, 30))  # two days after the due date
    assert (await review.http.post(path, headers=review.bureau)).status_code == 403
    sent = await review.http.post(path, headers=review.head_station)
    again = await review.http.post(path, headers=review.head_station)

    assert sent.status_code == 201, sent.text
    assert (sent.json()["days_overdue"], sent.json()["reminders_sent"]) == (2, 1)
    assert again.status_code == 409
    assert again.json()["type"].endswith("/reminder-refused")
    assert "09:30" in again.json()["detail"]
    shown = (await review.http.get(f"/cases/{case_a}", headers=review.head_station)).json()["assignments"]
    assert {a["expert_id"]: a["reminders_sent"] for a in shown} == {"expert-1": 1, "expert-2": 0}
    listed = (await review.http.get("/rounds/2026/assignments", headers=review.head_station)).json()["items"]
    assert {a["expert_id"]: a["last_reminded_at"] is not None for a in listed} == {"expert-1": True, "expert-2": False}
    events = await review.events(
        "gz.sme.review.case", lambda es: any(isinstance(e, contract.ExpertReminded) for e in es)
    )
    [reminded] = [e for e in events if isinstance(e, contract.ExpertReminded)]
    assert (reminded.case_id, reminded.expert_id, reminded.due_on.isoformat(), reminded.days_overdue) == (
        case_a,
        "expert-1",
        DUE,
        2,
    )
    trail = (await review.http.get("/audit", params={"target_id": case_a}, headers=review.bureau)).json()
    assert [(e["action"], e["actor"], e["details"]["expert_id"]) for e in trail if e["action"] == "remind_expert"] == [
        ("remind_expert", "hs-wang", "expert-1")
    ]
