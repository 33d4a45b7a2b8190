"""Use cases of the public notice: publishing it with its computed period, and closing it on time."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.timers import Timer
from sme_kit.uow import Actor
from sme_kit.workdays import notice_period
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.notices import (
    NOTICE_WORKING_DAYS,
    Notice,
    NoticePlan,
    NoticeStatus,
    default_title,
    notice_entries,
)
from sme_review.domain.objections import ObjectionStatus
from sme_review.domain.rounds import ReviewRound
from sme_review.service_layer.access import FIRST_PAGE
from sme_review.service_layer.rounds import locked_round, round_not_found

log = logging.getLogger(__name__)

NOTICE_CLOSES = "notice.closes"


def notice_not_found(notice_id: str) -> NotFound:
    return NotFound(f"没有编号为 {notice_id} 的公示 (no such notice)")


async def publish_notice(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    year: int,
    title: str | None,
    objection_contact: str,
) -> Notice:
    """The bureau publishes the shortlist today for 5 working days (§4.1.3(3)).

    The period comes from the State Council schedule; a year nobody has loaded yet is refused,
    never guessed. A durable timer closes the notice at midnight after its last day.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await locked_round(uow, year)
        now = uow.clock.now()
        plan = await plan_notice(uow, round_, now.date())
        round_.start_notice()
        notice = Notice(
            id=str(uuid.uuid4()),
            round_year=year,
            title=(title or "").strip() or default_title(year),
            published_on=plan.published_on,
            period_start=plan.period_start,
            period_end=plan.period_end,
            entries=plan.entries,
            objection_contact=objection_contact.strip(),
            status=NoticeStatus.PUBLISHED,
            published_at=now,
            published_by=principal.subject,
        )
        await uow.notices.add(notice)
        await uow.rounds.save(round_)
        await uow.schedule_timer(NOTICE_CLOSES, notice.id, notice.closes_at, {"round_year": year})
        uow.publish(publisher.notice_published(notice))
        uow.audit(
            "publish_notice",
            "notice",
            notice.id,
            round_year=year,
            period_start=notice.period_start.isoformat(),
            period_end=notice.period_end.isoformat(),
            shortlisted=[entry.application_id for entry in plan.entries],
        )
        await uow.commit()
    return notice


async def preview_notice(*, uow_factory: ReviewUowFactory, principal: Principal, year: int) -> NoticePlan:
    """The notice as publishing it today would make it, for the bureau to confirm: the list, the
    period and the objection deadline. Nothing is kept; what publishing would refuse is refused here
    too, a year the calendar lacks included.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await uow.rounds.get(year)
        if round_ is None:
            raise round_not_found(year)
        return await plan_notice(uow, round_, uow.clock.now().date())


async def plan_notice(uow: ReviewUnitOfWork, round_: ReviewRound, published_on: date) -> NoticePlan:
    """The shortlist and its 5-working-day period from ``published_on``; refused before the shortlist is
    fixed, for an empty shortlist, and for a period needing a year the calendar does not know
    (UnknownCalendarYear names where to load it)."""
    round_.ensure_notice_may_start()
    entries = notice_entries(await uow.cases.of_round(round_.year))
    period = notice_period(await uow.working_calendar(), published_on, NOTICE_WORKING_DAYS)
    return NoticePlan(round_.year, published_on, period.first_day, period.last_day, entries)


async def close_notice(*, timer: Timer, uow: ReviewUnitOfWork) -> None:
    """The notice period is over (fired by the durable timer, also after a restart)."""
    notice = await uow.notices.get(timer.key, for_update=True)
    if notice is None:
        log.warning("notice %s of a due timer no longer exists", timer.key)
        return
    if not notice.end(uow.clock.now()):
        return
    await uow.notices.save(notice)
    round_ = await locked_round(uow, notice.round_year)
    round_.end_notice()
    await uow.rounds.save(round_)
    received = await uow.objections.count(notice.id)
    unresolved = await uow.objections.count(notice.id, status=ObjectionStatus.RECEIVED)
    uow.publish(publisher.notice_ended(notice, received=received, unresolved=unresolved))
    uow.audit("end_notice", "notice", notice.id, objections_received=received, objections_unresolved=unresolved)


async def list_notices(*, uow_factory: ReviewUowFactory, page: PageRequest = FIRST_PAGE) -> PageOf[Notice]:
    """A page of every notice, newest first (public)."""
    async with uow_factory(Actor(subject="public", role="public")) as uow:
        return await uow.notices.page(page)


async def get_notice(*, uow_factory: ReviewUowFactory, notice_id: str) -> Notice:
    """One notice with its shortlist and period (public)."""
    async with uow_factory(Actor(subject="public", role="public")) as uow:
        notice = await uow.notices.get(notice_id)
    if notice is None:
        raise notice_not_found(notice_id)
    return notice
