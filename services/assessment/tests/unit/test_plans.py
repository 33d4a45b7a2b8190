"""Plans and summaries: the deadline day is on time, the next day late; who must submit what."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sme_assessment.domain.dates import days_late, end_of
from sme_assessment.domain.errors import DomainError, StateConflict
from sme_assessment.domain.plans import (
    DocumentKind,
    Standing,
    check_deadlines,
    check_move,
    first_submission,
    is_required,
    standing,
)
from sme_kit.errors import ValidationFailed
from sme_kit.vocabulary import SHANGHAI


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at("2027-03-31", 23), 0),  # the last day itself is on time
        (at("2027-04-01", 0), 1),
        (at("2027-04-10"), 10),
        (at("2027-02-01"), 0),
    ],
)
def test_lateness_counts_calendar_days_after_the_deadline_day(moment: datetime, expected: int) -> None:
    assert days_late(date(2027, 3, 31), moment) == expected


def test_a_deadline_passes_when_the_next_day_begins_in_shanghai() -> None:
    assert end_of(date(2027, 3, 31)) == datetime(2027, 4, 1, tzinfo=SHANGHAI)


def test_a_first_late_submission_is_accepted_and_a_revision_keeps_its_lateness() -> None:
    document = first_submission(
        id="d1",
        station_id="st-1",
        uscc="91440106MA59C1XE2H",
        district_code="440106",
        kind=DocumentKind.PLAN,
        year=2027,
        title="2027年度工作计划",
        content="正文",
        due_on=date(2027, 3, 31),
        now=at("2027-04-03"),
        by="op",
    )
    assert (document.late, document.days_late) == (True, 3)
    document.revise(title="2027年度工作计划（修订）", content="新正文", now=at("2027-04-20"), by="op")
    assert (document.revision, document.days_late, document.first_submitted_at) == (2, 3, at("2027-04-03"))


def test_an_empty_document_is_refused() -> None:
    with pytest.raises(DomainError):
        first_submission(
            id="d1",
            station_id="st-1",
            uscc="u",
            district_code="440106",
            kind=DocumentKind.SUMMARY,
            year=2026,
            title="总结",
            content="   ",
            due_on=None,
            now=at("2027-01-02"),
            by="op",
        )


@pytest.mark.parametrize(
    ("kind", "valid_from", "due_on", "required"),
    [
        (DocumentKind.PLAN, date(2026, 12, 20), date(2027, 3, 31), True),
        (DocumentKind.PLAN, date(2027, 3, 31), date(2027, 3, 31), True),
        (DocumentKind.PLAN, date(2027, 4, 1), date(2027, 3, 31), False),  # recognised after the deadline
        (DocumentKind.PLAN, date(2027, 4, 1), None, False),  # 31 March when no deadline is set
        (DocumentKind.SUMMARY, date(2027, 11, 1), None, True),  # served part of the year
        (DocumentKind.SUMMARY, date(2028, 1, 2), None, False),
        (DocumentKind.PLAN, None, None, True),
    ],
)
def test_who_must_submit(kind: DocumentKind, valid_from: date | None, due_on: date | None, required: bool) -> None:
    assert is_required(kind=kind, year=2027, valid_from=valid_from, due_on=due_on) is required


def test_standing_reads_the_document_or_its_absence() -> None:
    assert standing(required=True, document=None) is Standing.MISSING
    assert standing(required=False, document=None) is Standing.NOT_REQUIRED


@pytest.mark.parametrize(
    ("plan", "summary", "fields"),
    [
        (date(2027, 3, 31), date(2028, 1, 15), []),
        (date(2026, 12, 31), date(2028, 1, 15), ["plan_due_on"]),
        (date(2027, 3, 31), date(2028, 9, 1), ["summary_due_on"]),
        (date(2027, 9, 30), date(2027, 8, 1), ["summary_due_on"]),
        (None, date(2028, 1, 15), []),
        (None, None, ["plan_due_on"]),
    ],
)
def test_a_years_deadlines_are_plausible(plan: date | None, summary: date | None, fields: list[str]) -> None:
    assert [f for f, _ in check_deadlines(year=2027, plan_due_on=plan, summary_due_on=summary)] == fields


def test_a_deadline_is_set_for_today_or_later_and_not_moved_once_it_has_passed() -> None:
    now = at("2027-03-31", 18)
    check_move(kind=DocumentKind.PLAN, year=2027, previous=None, due_on=date(2027, 3, 31), now=now)
    check_move(kind=DocumentKind.PLAN, year=2027, previous=date(2027, 3, 31), due_on=date(2027, 4, 15), now=now)
    with pytest.raises(ValidationFailed) as past:
        check_move(kind=DocumentKind.PLAN, year=2027, previous=None, due_on=date(2027, 3, 30), now=now)
    assert [(e.field, e.code) for e in past.value.errors] == [("plan_due_on", "past")]
    with pytest.raises(StateConflict, match="截止日期已过"):
        check_move(kind=DocumentKind.SUMMARY, year=2027, previous=date(2027, 3, 30), due_on=date(2028, 1, 15), now=now)
