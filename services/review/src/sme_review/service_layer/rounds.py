"""Use cases of a round: the head station's submission to the bureau and the bureau's shortlist."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.cases import CaseStatus, ReviewCase
from sme_review.domain.rounds import ReviewRound
from sme_review.service_layer.access import FIRST_PAGE


def round_not_found(year: int) -> NotFound:
    return NotFound(f"没有 {year} 年度的评审轮次 (no review round for {year})")


async def locked_round(uow: ReviewUnitOfWork, year: int) -> ReviewRound:
    """The round, locked for the rest of the transaction (its steps must not interleave)."""
    round_ = await uow.rounds.get(year, for_update=True)
    if round_ is None:
        raise round_not_found(year)
    return round_


@dataclass(frozen=True)
class RoundSummary:
    round: ReviewRound
    cases_by_status: dict[str, int]
    cases: int
    notice_id: str | None
    final_list_id: str | None


async def list_rounds(
    *, uow_factory: ReviewUowFactory, principal: Principal, page: PageRequest = FIRST_PAGE
) -> PageOf[RoundSummary]:
    """A page of the rounds, newest first, each with where it stands."""
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.rounds.page(page)
        return PageOf([await _summary(uow, round_) for round_ in found.items], found.total, found.limit, found.offset)


async def get_round_summary(*, uow_factory: ReviewUowFactory, principal: Principal, year: int) -> RoundSummary:
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await uow.rounds.get(year)
        if round_ is None:
            raise round_not_found(year)
        return await _summary(uow, round_)


async def _summary(uow: ReviewUnitOfWork, round_: ReviewRound) -> RoundSummary:
    cases = await uow.cases.of_round(round_.year)
    notice = await uow.notices.of_round(round_.year)
    final_list = await uow.final_lists.of_round(round_.year)
    return RoundSummary(
        round=round_,
        cases_by_status=dict(Counter(case.status.value for case in cases)),
        cases=len(cases),
        notice_id=notice.id if notice else None,
        final_list_id=final_list.id if final_list else None,
    )


async def submit_recommendations(*, uow_factory: ReviewUowFactory, principal: Principal, year: int) -> list[ReviewCase]:
    """The head station reports the round's recommendations to the bureau; every case must be decided."""
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await locked_round(uow, year)
        now = uow.clock.now()
        submitted = round_.submit(await uow.cases.of_round(year, for_update=True), now)
        for case in submitted:
            await uow.cases.save(case)
        await uow.rounds.save(round_)
        uow.publish(publisher.recommendations_submitted(year, submitted, now))
        uow.audit(
            "submit_recommendations",
            "round",
            str(year),
            application_ids=[case.application_id for case in submitted],
        )
        await uow.commit()
    return submitted


async def fix_shortlist(
    *, uow_factory: ReviewUowFactory, principal: Principal, year: int, application_ids: Sequence[str]
) -> list[ReviewCase]:
    """The bureau fixes the shortlist, in its order, among the recommended new applications (§4.1.3(3))."""
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await locked_round(uow, year)
        of_round = await uow.cases.of_round(year, for_update=True)
        round_.fix_shortlist(of_round, [app_id.strip() for app_id in application_ids], uow.clock.now())
        for case in of_round:
            await uow.cases.save(case)
        await uow.rounds.save(round_)
        uow.audit("fix_shortlist", "round", str(year), application_ids=list(application_ids))
        await uow.commit()
    return sorted(
        (case for case in of_round if case.status is CaseStatus.SHORTLISTED), key=lambda c: c.shortlist_rank or 0
    )
