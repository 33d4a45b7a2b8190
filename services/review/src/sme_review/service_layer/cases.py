"""Use cases of review cases: opening them from forwarded applications, reading them, the recommendation."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace

from sme_contracts.registry import ApplicationForwarded, ApplicationKind
from sme_kit.auth import Principal, Role
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.vocabulary import normalise_uscc
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.cases import ApplicationFacts, CaseFilter, CaseKind, CaseStatus, Recommendation, ReviewCase
from sme_review.domain.experts import Assignment, Expert
from sme_review.service_layer.access import FIRST_PAGE, Audience, audience_of, case_not_found

log = logging.getLogger(__name__)


async def open_case(*, uow: ReviewUnitOfWork, event: ApplicationForwarded) -> ReviewCase | None:
    """Every application a district forwards becomes a case in its year's round (§4.1.3(1)–(2)).

    A second forward of the same application opens nothing (the first case carries the review).
    """
    existing = await uow.cases.by_application(event.application_id)
    if existing is not None:
        uow.audit("ignore_repeated_forward", "case", existing.id, reason="该申请已立案 (already a case)")
        return None
    if event.kind is ApplicationKind.RE_REVIEW and not event.station_id:
        # A contract violation by the producer: retrying cannot fix it, so it goes to the dead letters.
        raise ValueError(f"re-review application {event.application_id} names no station_id")
    now = uow.clock.now()
    await uow.rounds.get_or_open(event.round_year, now)
    case = ReviewCase(
        id=str(uuid.uuid4()),
        application_id=event.application_id,
        round_year=event.round_year,
        kind=CaseKind(event.kind.value),
        station_id=event.station_id,
        facts=ApplicationFacts(
            uscc=normalise_uscc(event.uscc),
            entity_name=event.entity_name,
            district_code=event.district_code,
            operator_type=event.operator_type.value,
            station_address=event.station_address,
            services=tuple(service.value for service in event.services),
            personalised_services=event.personalised_services,
            industries=tuple(event.industries),
            full_time_staff=event.full_time_staff,
            district_opinion=event.district_opinion,
            forwarded_at=event.forwarded_at,
        ),
        status=CaseStatus.IN_REVIEW,
        opened_at=now,
    )
    await uow.cases.add(case)
    uow.publish(publisher.case_opened(case))
    uow.audit("open_case", "case", case.id, application_id=case.application_id, round_year=case.round_year)
    log.info("case %s opened for application %s", case.id, case.application_id)
    return case


async def list_cases(
    *, uow_factory: ReviewUowFactory, principal: Principal, where: CaseFilter, page: PageRequest = FIRST_PAGE
) -> tuple[PageOf[ReviewCase], Audience]:
    """A page of the case list: everything for staff, one district for its officers, its own for an applicant."""
    if principal.is_role(Role.DISTRICT_OFFICER):
        if where.district_code not in (None, principal.district):
            return PageOf.of([], 0, page), Audience.DISTRICT
        where, audience = replace(where, district_code=principal.district), Audience.DISTRICT
    elif principal.is_role(Role.STATION_OPERATOR):
        where, audience = replace(where, uscc=principal.org), Audience.APPLICANT
    else:
        audience = Audience.STAFF
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.cases.search(where, page)
    return found, audience


@dataclass(frozen=True)
class AssignedExpert:
    assignment: Assignment
    expert: Expert | None


@dataclass(frozen=True)
class CaseDetails:
    case: ReviewCase
    audience: Audience
    assignments: tuple[AssignedExpert, ...]


async def get_case(*, uow_factory: ReviewUowFactory, principal: Principal, case_id: str) -> CaseDetails:
    """One case as its reader may see it (the experts on it are shown to staff only)."""
    async with uow_factory(Actor.of(principal)) as uow:
        case, audience = await audience_of(principal, case_id, await uow.cases.get(case_id), uow)
        assigned: tuple[AssignedExpert, ...] = ()
        if audience is Audience.STAFF:
            of_case = await uow.assignments.of_case(case.id)
            experts = await uow.experts.many([a.expert_id for a in of_case])
            assigned = tuple(AssignedExpert(a, experts.get(a.expert_id)) for a in of_case)
    return CaseDetails(case, audience, assigned)


async def record_recommendation(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    case_id: str,
    recommendation: Recommendation,
    reasons: str,
) -> ReviewCase:
    """The head station's recommend / not recommend, with reasons, after every expert scored (§4.1.3(2))."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id, for_update=True)
        if case is None:
            raise case_not_found(case_id)
        round_ = await uow.rounds.get(case.round_year)
        assert round_ is not None  # a case is opened inside its round
        case.record_recommendation(
            recommendation=recommendation,
            reasons=reasons,
            min_experts=round_.min_experts_per_case,
            by=principal.subject,
            at=uow.clock.now(),
        )
        await uow.cases.save(case)
        uow.audit(
            "record_recommendation",
            "case",
            case.id,
            reason=case.recommendation_reasons,
            recommendation=recommendation.value,
            score=str(case.score),
        )
        await uow.commit()
    return case


async def decide_re_review(
    *, uow_factory: ReviewUowFactory, principal: Principal, case_id: str, passed: bool, reason: str
) -> ReviewCase:
    """The bureau confirms a station (its validity renews) or not (it will be revoked on ground 5), §4.2."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id, for_update=True)
        if case is None:
            raise case_not_found(case_id)
        now = uow.clock.now()
        case.decide_re_review(passed=passed, reason=reason, on=now.date(), at=now)
        await uow.cases.save(case)
        uow.publish(publisher.re_review_decided(case))
        uow.audit("decide_re_review", "case", case.id, reason=case.outcome_reason, passed=passed)
        await uow.commit()
    return case
