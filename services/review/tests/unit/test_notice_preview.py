"""The bureau previews the notice before publishing it: the period publishing today would give, nothing kept."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract
from sme_kit.errors import NotFound
from sme_kit.workdays import UnknownCalendarYear
from sme_review.domain.errors import StateConflict
from sme_review.domain.notices import NoticePlan
from sme_review.service_layer import notices

from .steps import BUREAU, YEAR, Review, at


async def preview(review: Review, year: int = YEAR) -> NoticePlan:
    return await notices.preview_notice(uow_factory=review.uow, principal=BUREAU, year=year)


@pytest.mark.parametrize(
    ("day", "period"),
    [
        ("2026-09-28", ("2026-09-28", "2026-10-09")),  # across National Day
        ("2026-10-09", ("2026-10-09", "2026-10-14")),  # counting the make-up Saturday
        ("2026-11-29", ("2026-11-30", "2026-12-04")),  # a Sunday: the period starts on Monday
    ],
)
async def test_the_preview_gives_the_period_publishing_the_same_day_then_keeps(
    day: str, period: tuple[str, str]
) -> None:
    review = Review()
    await review.shortlisted_round("A", "B")
    review.clock.set(at(day, 9))

    plan = await preview(review)
    published = await notices.publish_notice(
        uow_factory=review.uow, principal=BUREAU, year=YEAR, title=None, objection_contact="市工信局"
    )

    assert (plan.period_start.isoformat(), plan.period_end.isoformat()) == period
    assert (plan.published_on, plan.period_start, plan.period_end) == (
        published.published_on,
        published.period_start,
        published.period_end,
    )
    assert plan.objection_deadline == published.objection_deadline
    assert [e.application_id for e in plan.entries] == ["app-A-new", "app-B-new"]


async def test_a_preview_keeps_nothing_and_tells_nobody() -> None:
    review = Review()
    await review.shortlisted_round("A")
    audited_before, timers_before = len(review.world.audited), dict(review.world.timers)

    await preview(review)
    await preview(review)

    async with review.uow() as uow:
        assert await uow.notices.of_round(YEAR) is None
        assert (await uow.rounds.get(YEAR)).status.value == "shortlisted"  # type: ignore[union-attr]
    assert review.world.events_of(contract.NoticePublished) == []
    assert len(review.world.audited) == audited_before
    assert review.world.timers == timers_before


async def test_a_period_reaching_into_a_year_the_calendar_lacks_is_refused_naming_the_year() -> None:
    review = Review()
    await review.shortlisted_round("A")
    review.clock.set(at("2026-12-28", 9))  # Monday; the 5th working day falls in 2027

    with pytest.raises(UnknownCalendarYear) as refused:
        await preview(review)

    assert refused.value.year == 2027
    assert refused.value.extensions["calendar"] == "/calendar/2027"


async def test_no_preview_before_the_shortlist_is_fixed_or_after_the_notice() -> None:
    review = Review()
    with pytest.raises(NotFound):
        await preview(review)
    await review.shortlisted_round("A")
    await notices.publish_notice(
        uow_factory=review.uow, principal=BUREAU, year=YEAR, title=None, objection_contact="市工信局"
    )

    with pytest.raises(StateConflict) as refused:
        await preview(review)
    assert "每个年度只公示一次" in refused.value.detail
