"""The head station reminds a late expert (催办): overdue only, active only, at most once a Shanghai day.

The review starts on Tuesday 1 September 2026 at 10:00 (Asia/Shanghai); the steps assign experts with
a due date ten days later, 11 September.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sme_contracts import review as contract
from sme_kit.errors import NotFound
from sme_review.domain.errors import ReminderRefused
from sme_review.service_layer import assignments, cases, experts

from .steps import APPLICANTS, HEAD_STATION, Review, at, expert

DUE = date(2026, 9, 11)


async def late_case(*expert_ids: str) -> tuple[Review, str]:
    """A case whose experts are assigned on 1 September and due on 11 September."""
    review = Review(at("2026-09-01"))
    await review.register_experts(*expert_ids)
    case = await review.forward("A")
    await review.assign(case.id, *expert_ids)
    return review, case.id


def to_the_minute(moment: datetime | None) -> datetime | None:
    """The moment as the test set it (the movable clock runs on by microseconds while the use case works)."""
    return moment.replace(second=0, microsecond=0) if moment else None


async def remind(review: Review, case_id: str, expert_id: str) -> assignments.Reminder:
    return await assignments.remind_expert(
        uow_factory=review.uow, principal=HEAD_STATION, case_id=case_id, expert_id=expert_id
    )


async def test_an_overdue_expert_is_reminded_recorded_audited_and_told() -> None:
    review, case_id = await late_case("expert-1")
    review.clock.set(at("2026-09-13", 9, 30))

    reminder = await remind(review, case_id, "expert-1")

    assert reminder.days_overdue == 2
    assert reminder.assignment.reminders_sent == 1
    assert to_the_minute(reminder.assignment.last_reminded_at) == at("2026-09-13", 9, 30)
    assert reminder.assignment.last_reminded_by == HEAD_STATION.subject
    [told] = review.world.events_of(contract.ExpertReminded)
    assert (told.case_id, told.expert_id, told.entity_name, told.due_on, told.days_overdue) == (
        case_id,
        "expert-1",
        APPLICANTS["A"][1],
        DUE,
        2,
    )
    assert to_the_minute(told.reminded_at) == at("2026-09-13", 9, 30)
    [audited] = [row for row in review.world.audited if row.action == "remind_expert"]
    assert (audited.actor, audited.target_id, audited.details["expert_id"]) == ("hs-wang", case_id, "expert-1")
    # The case page and the round's progress show it.
    details = await cases.get_case(uow_factory=review.uow, principal=HEAD_STATION, case_id=case_id)
    assert [
        (a.assignment.reminders_sent, to_the_minute(a.assignment.last_reminded_at)) for a in details.assignments
    ] == [(1, at("2026-09-13", 9, 30))]


async def test_an_expert_is_not_reminded_on_or_before_its_due_date() -> None:
    review, case_id = await late_case("expert-1")
    review.clock.set(at("2026-09-11", 23, 59))

    with pytest.raises(ReminderRefused) as refused:
        await remind(review, case_id, "expert-1")

    assert refused.value.extensions == {"reason": "not_overdue", "due_on": "2026-09-11"}
    assert "尚未届满" in refused.value.detail
    assert review.world.events_of(contract.ExpertReminded) == []


async def test_a_second_reminder_the_same_shanghai_day_is_refused_naming_when_the_first_was_sent() -> None:
    review, case_id = await late_case("expert-1")
    # 07:30 in Guangzhou is still the day before in UTC: the day is Shanghai's.
    review.clock.set(at("2026-09-14", 7, 30))
    await remind(review, case_id, "expert-1")
    review.clock.set(at("2026-09-14", 23, 59))

    with pytest.raises(ReminderRefused) as refused:
        await remind(review, case_id, "expert-1")

    assert refused.value.extensions["reason"] == "reminded_today"
    assert "07:30" in refused.value.detail
    last = datetime.fromisoformat(refused.value.extensions["last_reminded_at"])
    assert to_the_minute(last) == at("2026-09-14", 7, 30)

    review.clock.advance(timedelta(minutes=2))  # 00:01 on the 15th
    again = await remind(review, case_id, "expert-1")
    assert (again.assignment.reminders_sent, again.days_overdue) == (2, 4)
    assert [e.days_overdue for e in review.world.events_of(contract.ExpertReminded)] == [3, 4]


async def test_a_recused_or_withdrawn_expert_is_not_reminded() -> None:
    review, case_id = await late_case("expert-1", "expert-2")
    await experts.declare_conflict(
        uow_factory=review.uow,
        principal=expert("expert-1"),
        expert_id="expert-1",
        uscc=APPLICANTS["A"][0],
        reason="本人近三年曾担任该单位顾问",
    )
    details = await cases.get_case(uow_factory=review.uow, principal=HEAD_STATION, case_id=case_id)
    [second] = [a.assignment for a in details.assignments if a.assignment.expert_id == "expert-2"]
    await assignments.withdraw_assignment(
        uow_factory=review.uow, principal=HEAD_STATION, case_id=case_id, assignment_id=second.id, reason="因公出差"
    )
    review.clock.set(at("2026-09-15"))

    for expert_id, reason in (("expert-1", "recused"), ("expert-2", "withdrawn")):
        with pytest.raises(ReminderRefused) as refused:
            await remind(review, case_id, expert_id)
        assert refused.value.extensions["reason"] == reason
    assert review.world.events_of(contract.ExpertReminded) == []


async def test_an_expert_whose_sheet_is_in_is_not_reminded() -> None:
    review, case_id = await late_case("expert-1")
    review.clock.set(at("2026-09-12"))
    await review.sheet(case_id, "expert-1")  # late, but in

    with pytest.raises(ReminderRefused) as refused:
        await remind(review, case_id, "expert-1")

    assert refused.value.extensions["reason"] == "sheet_submitted"


async def test_only_an_expert_assigned_to_the_case_is_reminded() -> None:
    review, case_id = await late_case("expert-1")
    review.clock.set(at("2026-09-12"))

    with pytest.raises(NotFound):
        await remind(review, case_id, "expert-9")
    with pytest.raises(NotFound):
        await remind(review, "no-such-case", "expert-1")
