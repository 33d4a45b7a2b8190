"""Use cases of the final list (§4.1.3(5)): publishing it with plaques and outcomes, reading it."""

from __future__ import annotations

import uuid

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUowFactory
from sme_review.domain.cases import CaseKind, CaseStatus
from sme_review.domain.final_list import FinalList, decide, ensure_ready, entries_of, final_list_title
from sme_review.service_layer.access import FIRST_PAGE
from sme_review.service_layer.rounds import locked_round


async def publish_final_list(
    *, uow_factory: ReviewUowFactory, principal: Principal, year: int, title: str | None
) -> FinalList:
    """The bureau publishes the final list once the period ended and every objection is resolved.

    Recognised applicants get sequential plaque numbers and a "station recognised" event; every
    other new application of the round a "declined" event with its reason.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await locked_round(uow, year)
        of_round = await uow.cases.of_round(year, for_update=True)
        objections = await uow.objections.search(round_year=year)
        shortlisted = sum(1 for c in of_round if c.kind is CaseKind.NEW and c.status is CaseStatus.SHORTLISTED)
        ensure_ready(round_, await uow.notices.of_round(year), objections, shortlisted=shortlisted)
        decision = decide(of_round, objections, first_sequence=await uow.cases.last_plaque_sequence(year) + 1)
        now = uow.clock.now()
        final_list = FinalList(
            id=str(uuid.uuid4()),
            round_year=year,
            title=(title or "").strip() or final_list_title(year),
            published_on=now.date(),
            entries=entries_of(decision),
            declined_application_ids=tuple(d.case.application_id for d in decision.declines),
            published_at=now,
            published_by=principal.subject,
        )
        for recognition in decision.recognitions:
            recognition.case.recognise(
                plaque_number=recognition.plaque_number, sequence=recognition.sequence, on=now.date(), at=now
            )
            await uow.cases.save(recognition.case)
            uow.publish(publisher.station_recognised(recognition, final_list))
            uow.audit("recognise", "case", recognition.case.id, plaque_number=recognition.plaque_number)
        for decline in decision.declines:
            decline.case.decline(code=decline.code, reason=decline.reason, on=now.date(), at=now)
            await uow.cases.save(decline.case)
            uow.publish(publisher.application_declined(decline, now))
            uow.audit("decline", "case", decline.case.id, reason=decline.reason, code=decline.code.value)
        round_.finalise(now)
        await uow.rounds.save(round_)
        await uow.final_lists.add(final_list)
        uow.publish(publisher.final_list_published(final_list))
        uow.audit(
            "publish_final_list",
            "round",
            str(year),
            recognised=len(decision.recognitions),
            declined=len(decision.declines),
        )
        await uow.commit()
    return final_list


async def list_final_lists(*, uow_factory: ReviewUowFactory, page: PageRequest = FIRST_PAGE) -> PageOf[FinalList]:
    """A page of every published final list, newest first (public)."""
    async with uow_factory(Actor(subject="public", role="public")) as uow:
        return await uow.final_lists.page(page)


async def get_final_list(*, uow_factory: ReviewUowFactory, year: int) -> FinalList:
    """A year's final list (public)."""
    async with uow_factory(Actor(subject="public", role="public")) as uow:
        final_list = await uow.final_lists.of_round(year)
    if final_list is None:
        raise NotFound(f"{year}年度最终认定名单尚未公布 (the {year} final list is not published)")
    return final_list
