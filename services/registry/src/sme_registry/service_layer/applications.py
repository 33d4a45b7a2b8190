"""Use cases of an application: start, edit, submit (with the eligibility rules), read, list."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace

from sme_contracts.common import StationStatus
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.vocabulary import normalise_uscc, shanghai_day
from sme_registry.adapters import publisher
from sme_registry.adapters.applications_repository import ApplicationFilter
from sme_registry.adapters.unit_of_work import RegistryUnitOfWork, RegistryUowFactory
from sme_registry.domain.applications import OPEN, Application, ApplicationKind, ApplicationStatus
from sme_registry.domain.eligibility import StationFacts, applicant_violations, eligibility_violations
from sme_registry.domain.errors import DuplicateApplication, RuleViolation, WindowClosed, refuse
from sme_registry.domain.forms import ApplicationForm
from sme_registry.domain.rounds import Round, open_round_on, window_closed
from sme_registry.service_layer.access import CITY_WIDE, application_not_found, may_read_application

log = logging.getLogger(__name__)

FIRST_PAGE = PageRequest()


@dataclass(frozen=True)
class FillInForm:
    """The form as the applicant sends it when starting or editing an application."""

    form: ApplicationForm
    kind: ApplicationKind = ApplicationKind.NEW
    station_id: str | None = None


async def create_application(
    *, uow_factory: RegistryUowFactory, principal: Principal, command: FillInForm
) -> Application:
    """An operator starts a draft application for its own legal entity, if that entity may apply at all."""
    form = command.form
    if not principal.owns_org(form.uscc):
        raise Forbidden("只能为本单位提交申请 (an operator applies for its own organisation only)")
    refuse(applicant_violations(form))
    async with uow_factory(Actor.of(principal)) as uow:
        now = uow.clock.now()
        current = open_round_on(await uow.rounds.all(), shanghai_day(now))
        application = Application(
            id=str(uuid.uuid4()),
            kind=command.kind,
            round_year=current.year if current else now.year,
            status=ApplicationStatus.DRAFT,
            form=replace(form, uscc=normalise_uscc(form.uscc)),
            created_at=now,
            updated_at=now,
            station_id=command.station_id if command.kind is ApplicationKind.RE_REVIEW else None,
        )
        await uow.applications.add(application)
        uow.audit("create", "application", application.id, kind=application.kind.value)
        await uow.commit()
    return application


async def edit_application(
    *, uow_factory: RegistryUowFactory, principal: Principal, application_id: str, command: FillInForm
) -> Application:
    """The applicant edits its draft, or completes an application its district returned."""
    refuse(applicant_violations(command.form))
    async with uow_factory(Actor.of(principal)) as uow:
        application = await _own_application(uow, principal, application_id)
        application.edit(command.form, kind=command.kind, station_id=command.station_id, now=uow.clock.now())
        await uow.applications.save(application)
        uow.audit("edit", "application", application.id, status=application.status.value)
        await uow.commit()
    return application


async def submit_application(
    *, uow_factory: RegistryUowFactory, principal: Principal, application_id: str
) -> Application:
    """Hand the application to the district of registration, within the round's window.

    A returned application may come back until the districts' forwarding deadline. The whole form
    is checked against §4.1.2 and every failure is reported in one 422; a second open application
    of the same entity in the round is refused.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        application = await _own_application(uow, principal, application_id)
        application.ensure_submittable()
        round_ = await _round_accepting(uow, application)
        others = await uow.applications.lock_open_of(application.uscc, round_.year, OPEN)
        if set(others) - {application.id}:
            raise DuplicateApplication(
                f"本单位在{round_.year}年度批次已有在办申请，不能重复申请 "
                f"(the entity already has an open application in the {round_.year} round)"
            )
        refuse(await _eligibility(uow, application, round_))
        submitted = application.submit(round_year=round_.year, now=uow.clock.now())
        await uow.applications.save(application)
        uow.publish(publisher.application_submitted(application, submitted))
        uow.audit("resubmit" if submitted.resubmission else "submit", "application", application.id)
        await uow.commit()
    log.info("application %s submitted in round %s", application.id, application.round_year)
    return application


async def get_application(*, uow_factory: RegistryUowFactory, principal: Principal, application_id: str) -> Application:
    """One application, for those who may see it (404 for everyone else)."""
    async with uow_factory(Actor.of(principal)) as uow:
        application = await uow.applications.get(application_id)
    if application is None or not may_read_application(principal, application):
        raise application_not_found(application_id)
    return application


async def list_applications(
    *,
    uow_factory: RegistryUowFactory,
    principal: Principal,
    status: ApplicationStatus | None = None,
    round_year: int | None = None,
    kind: ApplicationKind | None = None,
    district_code: str | None = None,
    text: str | None = None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[Application]:
    """Applications the caller may see: its district's for an officer, all for the bureau and the
    head station (drafts excluded), its own organisation's for an operator. `text` finds part of
    the entity's name or USCC, in any case."""
    wanted = ApplicationFilter(status=status, round_year=round_year, kind=kind, district_code=district_code, text=text)
    where = _visible_to(principal, wanted)
    if where is None:
        return PageOf.of([], 0, page)
    async with uow_factory(Actor.of(principal)) as uow:
        items, total = await uow.applications.search(where, limit=page.limit, offset=page.offset)
    return PageOf.of(items, total, page)


@dataclass(frozen=True)
class StatusCounts:
    """How many of the applications a list would show are in each status the caller may see."""

    by_status: dict[ApplicationStatus, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


async def count_applications(
    *,
    uow_factory: RegistryUowFactory,
    principal: Principal,
    round_year: int | None = None,
    kind: ApplicationKind | None = None,
    district_code: str | None = None,
    text: str | None = None,
) -> StatusCounts:
    """The count per status of what `list_applications` shows with the same filters (a work queue's
    tabs): every status the caller may see is named, those with none as 0."""
    wanted = ApplicationFilter(round_year=round_year, kind=kind, district_code=district_code, text=text)
    where = _visible_to(principal, wanted)
    found: dict[ApplicationStatus, int] = {}
    if where is not None:
        async with uow_factory(Actor.of(principal)) as uow:
            found = await uow.applications.count_by_status(where)
    # Only the applicant sees its drafts; another district's officer is asking about nothing.
    drafts_shown = where is not None and not where.exclude_drafts
    shown = [s for s in ApplicationStatus if drafts_shown or s is not ApplicationStatus.DRAFT]
    return StatusCounts({status: found.get(status, 0) for status in shown})


def _visible_to(principal: Principal, wanted: ApplicationFilter) -> ApplicationFilter | None:
    """`wanted` narrowed to what the caller may see; None when it asks for what it may not see
    (another district), which shows as nothing rather than as a refusal."""
    where = replace(wanted, text=(wanted.text or "").strip() or None)
    if principal.is_role(Role.STATION_OPERATOR):
        return replace(where, uscc=principal.org)
    if principal.is_role(Role.DISTRICT_OFFICER):
        if where.district_code not in (None, principal.district):
            return None
        return replace(where, district_code=principal.district, exclude_drafts=True)
    if principal.is_role(*CITY_WIDE):
        return replace(where, exclude_drafts=True)
    raise Forbidden("您的角色无权查看申请 (your role does not see applications)")


async def _own_application(uow: RegistryUnitOfWork, principal: Principal, application_id: str) -> Application:
    application = await uow.applications.get(application_id, for_update=True)
    if application is None or not principal.owns_org(application.uscc):
        raise application_not_found(application_id)
    return application


async def _round_accepting(uow: RegistryUnitOfWork, application: Application) -> Round:
    """The round this submission goes to, or the 409 naming the window."""
    rounds = uow.rounds
    today = shanghai_day(uow.clock.now())
    if application.status is ApplicationStatus.RETURNED:
        own = await rounds.get(application.round_year)
        if own is not None and own.resubmission_open_on(today):
            return own
        deadline = own.forwarding_deadline.isoformat() if own else "—"
        raise WindowClosed(
            f"退回补正的申请须在区级初审上报截止日 {deadline} 前重新提交，今天是 {today.isoformat()} "
            f"(a returned application must come back by the forwarding deadline {deadline})"
        )
    every = await rounds.all()
    accepting = open_round_on(every, today)
    if accepting is None:
        raise window_closed(every, today)
    return accepting


async def _eligibility(uow: RegistryUnitOfWork, application: Application, round_: Round) -> list[RuleViolation]:
    attached = {a.kind for a in await uow.attachments.current(application.id)}
    station = None
    if application.kind is ApplicationKind.RE_REVIEW and application.station_id:
        found = await uow.stations.get(application.station_id)
        if found is not None:
            station = StationFacts(
                found.id, found.uscc, found.valid_until, revoked=found.status is StationStatus.REVOKED
            )
    return eligibility_violations(
        application.form,
        kind=application.kind,
        round_year=round_.year,
        attached=attached,
        station=station,
    )
