"""Cases, experts, assignments and scores, through the use cases on the in-memory unit of work.

What needs the real database, broker or HTTP edge stays in tests/integration; these check the rules.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from sme_contracts import review as contract
from sme_contracts.registry import ApplicationKind
from sme_kit.auth import Principal, Role
from sme_kit.errors import Conflict, NotFound, ValidationFailed
from sme_kit.paging import PageRequest
from sme_review.domain.cases import CaseFilter, CaseStatus, Recommendation, ReviewCase
from sme_review.domain.errors import ConflictOfInterest, InvalidInput, StateConflict
from sme_review.domain.scoring import Criterion
from sme_review.service_layer import assignments, cases, experts, panels, rounds, scoring

from .steps import APPLICANTS, BUREAU, EXPERT_ORGS, GOOD_MARKS, HEAD_STATION, YEAR, Review, at, expert, forwarded


async def test_a_forwarded_application_opens_one_case_in_a_round_with_the_default_scheme() -> None:
    review = Review()
    opened = await review.forward("A", uscc=" 91440106ma59c1xe2h ")

    async with review.uow() as uow:
        assert await cases.open_case(uow=uow, event=forwarded("A")) is None  # forwarded again
        await uow.commit()

    assert (opened.status, opened.uscc) == (CaseStatus.IN_REVIEW, APPLICANTS["A"][0])
    assert [e.application_id for e in review.world.events_of(contract.ReviewCaseOpened)] == ["app-A-new"]
    assert [row.action for row in review.world.audited] == ["open_case", "ignore_repeated_forward"]
    round_ = await scoring.get_round(uow_factory=review.uow, principal=HEAD_STATION, year=YEAR)
    assert round_ is not None
    assert ([c.weight for c in round_.criteria], round_.min_experts_per_case) == ([15, 15, 25, 20, 15, 10], 3)


async def test_a_re_review_forwarded_without_its_station_is_a_contract_violation() -> None:
    review = Review()
    async with review.uow() as uow:
        with pytest.raises(ValueError, match="station_id"):
            await cases.open_case(uow=uow, event=forwarded("A", kind=ApplicationKind.RE_REVIEW))


async def test_an_applicant_and_a_district_officer_list_only_their_own_cases() -> None:
    review = Review()
    case_a = await review.forward("A")
    await review.forward("B")
    applicant = Principal(subject="op-a", role=Role.STATION_OPERATOR, org=APPLICANTS["A"][0])
    tianhe = Principal(subject="d-th", role=Role.DISTRICT_OFFICER, district="440106")

    mine, _ = await cases.list_cases(uow_factory=review.uow, principal=applicant, where=CaseFilter())
    assert ([c.id for c in mine.items], mine.total) == ([case_a.id], 1)
    other_district = CaseFilter(district_code="440104")
    found, _ = await cases.list_cases(uow_factory=review.uow, principal=tianhe, where=other_district)
    assert (list(found.items), found.total) == ([], 0)
    with pytest.raises(NotFound):
        await cases.get_case(uow_factory=review.uow, principal=applicant, case_id=(await review.forward("C")).id)


async def test_an_expert_is_not_assigned_to_an_organisation_it_declared_a_conflict_with() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2")
    case_a = await review.forward("A")
    await experts.declare_conflict(
        uow_factory=review.uow,
        principal=expert("expert-1"),
        expert_id="expert-1",
        uscc=APPLICANTS["A"][0],
        reason="本人近三年曾担任该单位顾问",
    )

    with pytest.raises(ConflictOfInterest) as refused:
        await review.assign(case_a.id, "expert-1", "expert-2")

    assert refused.value.code == "conflict-of-interest"
    assert "利益冲突" in refused.value.detail
    assert [c["expert_id"] for c in refused.value.extensions["conflicts"]] == ["expert-1"]
    details = await cases.get_case(uow_factory=review.uow, principal=HEAD_STATION, case_id=case_a.id)
    assert details.assignments == ()  # nothing changed, not even for expert-2
    assert review.world.events_of(contract.ExpertAssigned) == []


async def test_an_expert_is_not_assigned_to_its_own_organisation() -> None:
    review = Review()
    await review.register_experts("expert-1")
    await experts.update_expert(
        uow_factory=review.uow,
        principal=HEAD_STATION,
        expert_id="expert-1",
        profile=experts.ExpertProfile("专家1", "", APPLICANTS["A"][1], APPLICANTS["A"][0].lower(), ()),
        active=True,
    )
    case_a = await review.forward("A")

    with pytest.raises(ConflictOfInterest, match="本单位"):
        await review.assign(case_a.id, "expert-1")


async def test_an_expert_organisation_must_have_a_valid_uscc() -> None:
    review = Review()
    profile = experts.ExpertProfile("专家X", "", "某单位", EXPERT_ORGS[0][:-1] + "0", ())

    with pytest.raises(ValidationFailed) as refused:
        await experts.register_expert(uow_factory=review.uow, principal=HEAD_STATION, expert_id="x", profile=profile)

    assert [(e.field, e.code) for e in refused.value.errors] == [("organisation_uscc", "invalid_uscc")]


async def test_an_expert_is_registered_once() -> None:
    review = Review()
    await review.register_experts("expert-1")
    with pytest.raises(Conflict):
        await review.register_experts("expert-1")


async def test_assigning_needs_experts_of_the_pool_and_a_due_date_not_in_the_past() -> None:
    review = Review()
    case_a = await review.forward("A")

    with pytest.raises(ValidationFailed) as refused:
        await assignments.assign_experts(
            uow_factory=review.uow,
            principal=HEAD_STATION,
            case_id=case_a.id,
            expert_ids=[" "],
            panel_id=None,
            due_on=review.today() - timedelta(days=1),
        )
    assert {(e.field, e.code) for e in refused.value.errors} == {("expert_ids", "missing"), ("due_on", "past")}

    with pytest.raises(ValidationFailed) as unknown:
        await review.assign(case_a.id, "nobody")
    assert [(e.field, e.code) for e in unknown.value.errors] == [("expert_ids.0", "unknown")]
    with pytest.raises(NotFound):
        await review.assign("no-such-case", "nobody")


async def test_assigning_publishes_each_new_assignment_once() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2")
    case_a = await review.forward("A")

    await review.assign(case_a.id, "expert-1")
    again = await review.assign(case_a.id, "expert-1", "expert-2")

    assert [a.expert_id for a in again] == ["expert-2"]  # expert-1 stays as it was
    published = review.world.events_of(contract.ExpertAssigned)
    assert [(e.expert_id, e.case_id, e.due_on) for e in published] == [
        ("expert-1", case_a.id, review.today() + timedelta(days=10)),
        ("expert-2", case_a.id, review.today() + timedelta(days=10)),
    ]


async def test_an_expert_can_neither_read_nor_score_a_case_it_is_not_assigned_to() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-4")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1")

    with pytest.raises(NotFound):
        await cases.get_case(uow_factory=review.uow, principal=expert("expert-4"), case_id=case_a.id)
    with pytest.raises(NotFound):
        await review.sheet(case_a.id, "expert-4")
    none = await assignments.my_assignments(uow_factory=review.uow, principal=expert("expert-4"), round_year=None)
    assert (list(none.items), none.total) == ([], 0)
    mine = await assignments.my_assignments(uow_factory=review.uow, principal=expert("expert-1"), round_year=YEAR)
    assert [(m.case.id, m.sheet) for m in mine.items] == [(case_a.id, None)]


async def test_declaring_a_conflict_on_an_assigned_case_recuses_the_expert() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2", "expert-3", "expert-4")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1", "expert-2", "expert-3")

    declared = await experts.declare_conflict(
        uow_factory=review.uow,
        principal=expert("expert-1"),
        expert_id="expert-1",
        uscc=APPLICANTS["A"][0].lower(),
        reason="本人配偶在该单位任职",
    )

    assert [a.expert_id for a in declared.recused] == ["expert-1"]
    withdrawn = review.world.events_of(contract.ExpertAssignmentWithdrawn)
    assert [(e.expert_id, e.reason_code) for e in withdrawn] == [
        ("expert-1", contract.WithdrawalReason.CONFLICT_DECLARED)
    ]
    with pytest.raises(ConflictOfInterest):
        await review.assign(case_a.id, "expert-1")
    assert [a.expert_id for a in await review.assign(case_a.id, "expert-4")] == ["expert-4"]


async def test_a_case_with_fewer_scores_than_assigned_experts_cannot_be_recommended_nor_submitted() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2", "expert-3")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1", "expert-2", "expert-3")
    for expert_id in ("expert-1", "expert-2"):
        await review.sheet(case_a.id, expert_id)

    with pytest.raises(StateConflict) as refused:
        await review.recommend(case_a.id)
    assert (refused.value.extensions["experts_scored"], refused.value.extensions["experts_assigned"]) == (2, 3)
    with pytest.raises(StateConflict) as submission:
        await rounds.submit_recommendations(uow_factory=review.uow, principal=HEAD_STATION, year=YEAR)
    assert submission.value.extensions["undecided_application_ids"] == [case_a.application_id]


async def test_a_sheet_must_mark_every_criterion_within_range() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2", "expert-3")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1", "expert-2", "expert-3")

    with pytest.raises(InvalidInput) as refused:
        await review.sheet(case_a.id, "expert-1", {"premises": 120, "staff": 90, "popularity": 80})

    assert {e.field for e in refused.value.errors} == {
        "marks.premises",
        "marks.popularity",
        "marks.service_capability",
        "marks.experience",
        "marks.management_system",
        "marks.influence",
    }


async def test_the_last_sheet_completes_the_review_with_the_mean_of_the_totals() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2", "expert-3")
    case_a = await review.forward("A")
    await review.score(case_a.id, ["expert-1", "expert-2"])
    await review.assign(case_a.id, "expert-3")
    await review.sheet(case_a.id, "expert-3", {code: 60 for code in GOOD_MARKS})

    scores = await scoring.case_scores(uow_factory=review.uow, principal=HEAD_STATION, case_id=case_a.id)

    assert sorted(float(e.sheet.total) for e in scores.experts if e.sheet) == [60.0, 82.5, 82.5]
    assert [float(e.score) for e in review.world.events_of(contract.ExpertReviewCompleted)] == [75.0]


async def test_criteria_weigh_100_and_are_fixed_once_scoring_starts() -> None:
    review = Review()
    criteria = [Criterion("premises", "服务场所", 60), Criterion("staff", "专职人员", 30)]

    async def configure() -> None:
        await scoring.configure_criteria(
            uow_factory=review.uow, principal=HEAD_STATION, year=YEAR, criteria=criteria, min_experts=1
        )

    with pytest.raises(InvalidInput) as bad:
        await configure()
    assert "90" in bad.value.errors[0].message
    criteria[1] = Criterion("staff", "专职人员", 40)
    await configure()
    await review.register_experts("expert-1")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1")
    await review.sheet(case_a.id, "expert-1", {"premises": 90, "staff": 70})
    assert [float(e.score) for e in review.world.events_of(contract.ExpertReviewCompleted)] == [82.0]

    with pytest.raises(StateConflict):
        await configure()


async def test_a_panel_is_assigned_as_a_whole_and_a_withdrawn_experts_sheet_stops_counting() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2", "expert-3", "expert-4")
    panel = await panels.save_panel(
        uow_factory=review.uow,
        principal=HEAD_STATION,
        year=YEAR,
        panel_id=None,
        name="第一评审组",
        expert_ids=["expert-1", "expert-2", "expert-3"],
    )
    case_a = await review.forward("A")
    assigned = await review.assign(case_a.id, panel_id=panel.id)
    assert sorted(a.expert_id for a in assigned) == ["expert-1", "expert-2", "expert-3"]
    await review.sheet(case_a.id, "expert-1", {code: 30 for code in GOOD_MARKS})
    for expert_id in ("expert-2", "expert-3"):
        await review.sheet(case_a.id, expert_id)

    expert_1 = next(a for a in assigned if a.expert_id == "expert-1")
    await assignments.withdraw_assignment(
        uow_factory=review.uow,
        principal=HEAD_STATION,
        case_id=case_a.id,
        assignment_id=expert_1.id,
        reason="专家因公出差无法参加评审会",
    )
    scores = await scoring.case_scores(uow_factory=review.uow, principal=HEAD_STATION, case_id=case_a.id)
    assert scores.case.score is None  # two of the three the round requires
    await review.assign(case_a.id, "expert-4")
    await review.sheet(case_a.id, "expert-4")

    assert [float(e.score) for e in review.world.events_of(contract.ExpertReviewCompleted)] == [65.0, 82.5]
    withdrawn = review.world.events_of(contract.ExpertAssignmentWithdrawn)
    assert [(e.expert_id, e.reason_code) for e in withdrawn] == [("expert-1", contract.WithdrawalReason.WITHDRAWN)]


async def test_a_panel_of_another_round_is_not_assigned() -> None:
    review = Review()
    await review.register_experts("expert-1")
    panel = await panels.save_panel(
        uow_factory=review.uow, principal=HEAD_STATION, year=2027, panel_id=None, name="组", expert_ids=["expert-1"]
    )
    case_a = await review.forward("A")

    with pytest.raises(ValidationFailed) as refused:
        await review.assign(case_a.id, panel_id=panel.id)
    assert [(e.field, e.code) for e in refused.value.errors] == [("panel_id", "unknown")]


async def test_a_failed_re_review_is_decided_by_the_bureau_after_submission_and_published_for_assessment() -> None:
    review = Review()
    await review.register_experts("expert-1")
    await review.use_panels_of(1)
    case_e = await review.forward("E", kind=ApplicationKind.RE_REVIEW, station_id="st-2023-0011")
    await review.assign(case_e.id, "expert-1")
    await review.sheet(case_e.id, "expert-1", {"overall": 40})
    await review.recommend(case_e.id, Recommendation.NOT_RECOMMEND)

    async def decide(passed: bool, reason: str) -> ReviewCase:
        return await cases.decide_re_review(
            uow_factory=review.uow, principal=BUREAU, case_id=case_e.id, passed=passed, reason=reason
        )

    with pytest.raises(StateConflict):  # the head station has not submitted yet
        await decide(False, "服务场所已不具备")
    await rounds.submit_recommendations(uow_factory=review.uow, principal=HEAD_STATION, year=YEAR)
    with pytest.raises(InvalidInput):  # re-reviews are not publicly noticed
        await rounds.fix_shortlist(
            uow_factory=review.uow, principal=BUREAU, year=YEAR, application_ids=[case_e.application_id]
        )
    with pytest.raises(InvalidInput):
        await decide(False, "")
    review.clock.set(at("2026-09-20", 11))

    decided = await decide(False, "经专家复核，服务场所已不具备，专职人员不足2名")

    assert decided.status is CaseStatus.RE_REVIEW_FAILED
    failed = review.world.events_of(contract.ReReviewFailed)
    assert [(e.station_id, e.decided_on.isoformat()) for e in failed] == [("st-2023-0011", "2026-09-20")]
    assert "专职人员不足2名" in failed[0].reason
    with pytest.raises(StateConflict):
        await decide(True, "")


async def test_each_reader_sees_a_case_as_far_as_its_role_allows() -> None:
    review = Review()
    await review.register_experts("expert-1")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1")
    readers = {
        "staff": HEAD_STATION,
        "district": Principal(subject="d-th", role=Role.DISTRICT_OFFICER, district="440106"),
        "expert": expert("expert-1"),
        "applicant": Principal(subject="op-a", role=Role.STATION_OPERATOR, org=APPLICANTS["A"][0]),
    }

    seen = {
        name: await cases.get_case(uow_factory=review.uow, principal=principal, case_id=case_a.id)
        for name, principal in readers.items()
    }

    assert {name: details.audience.value for name, details in seen.items()} == {
        "staff": "staff",
        "district": "district",
        "expert": "expert",
        "applicant": "applicant",
    }
    assert [a.assignment.expert_id for a in seen["staff"].assignments] == ["expert-1"]
    assert all(details.assignments == () for name, details in seen.items() if name != "staff")
    for outsider in (
        Principal(subject="d-yx", role=Role.DISTRICT_OFFICER, district="440104"),
        Principal(subject="op-b", role=Role.STATION_OPERATOR, org=APPLICANTS["B"][0]),
    ):
        with pytest.raises(NotFound):
            await cases.get_case(uow_factory=review.uow, principal=outsider, case_id=case_a.id)


async def test_an_experts_tasks_are_paged_soonest_due_first_and_count_only_what_it_still_holds() -> None:
    review = Review()
    await review.register_experts("expert-1")
    case_a, case_b, case_c = [await review.forward(key) for key in ("A", "B", "C")]
    held = {}
    for case in (case_a, case_b, case_c):
        held[case.id] = (await review.assign(case.id, "expert-1"))[0]
        review.clock.advance(timedelta(minutes=1))
    await assignments.withdraw_assignment(
        uow_factory=review.uow,
        principal=HEAD_STATION,
        case_id=case_b.id,
        assignment_id=held[case_b.id].id,
        reason="专家因公出差无法按期评审",
    )

    first = await assignments.my_assignments(
        uow_factory=review.uow, principal=expert("expert-1"), round_year=YEAR, page=PageRequest(limit=1)
    )
    second = await assignments.my_assignments(
        uow_factory=review.uow, principal=expert("expert-1"), round_year=YEAR, page=PageRequest(limit=1, offset=1)
    )

    assert ([m.case.id for m in first.items], first.total) == ([case_a.id], 2)
    assert ([m.case.id for m in second.items], second.total) == ([case_c.id], 2)


async def test_the_rounds_are_paged_newest_first() -> None:
    review = Review()
    await review.forward("A")
    await review.forward("B", round_year=YEAR + 1)

    found = await rounds.list_rounds(uow_factory=review.uow, principal=BUREAU, page=PageRequest(limit=1))

    assert ([s.round.year for s in found.items], found.total, found.limit) == ([YEAR + 1], 2, 1)
    assert found.items[0].cases == 1


async def test_the_round_s_assignments_show_every_expert_s_task_ended_ones_too_and_whether_its_sheet_is_in() -> None:
    review = Review()
    await review.register_experts("expert-1", "expert-2", "expert-3")
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1", "expert-2", "expert-3")
    await review.sheet(case_a.id, "expert-2")
    await experts.declare_conflict(
        uow_factory=review.uow,
        principal=expert("expert-3"),
        expert_id="expert-3",
        uscc=APPLICANTS["A"][0],
        reason="本人近三年曾担任该单位顾问",
    )

    found = await assignments.round_assignments(uow_factory=review.uow, principal=HEAD_STATION, year=YEAR)

    rows = {
        (a.assignment.expert_id, a.assignment.status.value, a.expert.name if a.expert else None, a.sheet is not None)
        for a in found.items
    }
    assert rows == {
        ("expert-1", "active", "专家1", False),
        ("expert-2", "active", "专家2", True),
        ("expert-3", "recused", "专家3", False),
    }
    assert found.total == 3
    with pytest.raises(NotFound):
        await assignments.round_assignments(uow_factory=review.uow, principal=HEAD_STATION, year=YEAR + 1)


async def test_an_expert_explains_its_marks_and_blank_remarks_are_not_kept() -> None:
    review = Review()
    await review.register_experts("expert-1")
    await review.use_panels_of(1)
    case_a = await review.forward("A")
    await review.assign(case_a.id, "expert-1")

    sheet = await scoring.submit_sheet(
        uow_factory=review.uow,
        principal=expert("expert-1"),
        case_id=case_a.id,
        marks={"overall": 88},
        comment="建议推荐",
        remarks={"overall": "  服务能力突出 "},
    )
    again = await scoring.submit_sheet(
        uow_factory=review.uow,
        principal=expert("expert-1"),
        case_id=case_a.id,
        marks={"overall": 90},
        comment="建议推荐",
        remarks={"overall": "  "},
    )

    assert (dict(sheet.remarks), dict(again.remarks)) == ({"overall": "服务能力突出"}, {})
    scores = await scoring.case_scores(uow_factory=review.uow, principal=HEAD_STATION, case_id=case_a.id)
    assert [e.sheet.marks for e in scores.experts if e.sheet] == [{"overall": 90}]
