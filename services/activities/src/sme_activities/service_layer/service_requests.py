"""Use cases of SME service requests (§3.4): filing, routing, acceptance, matching, closing, escalation,
and the head station routing on (转派) a request it holds."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork, ActivitiesUoWFactory
from sme_activities.domain.confirmations import ConfirmationPurpose, ContactConfirmation
from sme_activities.domain.errors import NotAnActiveStation
from sme_activities.domain.service_requests import (
    Assignment,
    Handling,
    Outcome,
    RequestStatus,
    ServiceRequest,
    acceptance_due_on,
    escalation_moment,
    recheck_moment,
)
from sme_activities.domain.stations import Station, pick_station, require_active
from sme_activities.service_layer import confirmations
from sme_activities.service_layer.access import CITY_WIDE, PUBLIC, sees_station
from sme_contracts.common import ServiceCategory
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.timers import Timer
from sme_kit.uow import Actor
from sme_kit.vocabulary import normalise_uscc
from sme_kit.workdays import UnknownCalendarYear

log = logging.getLogger(__name__)

ESCALATION_TIMER = "service_request.acceptance"
NOT_ACCEPTED = "服务站未在5个工作日内受理，转服务总站处理 (not accepted within 5 working days)"


@dataclass(frozen=True)
class FileRequest:
    company_name: str
    uscc: str
    contact_name: str
    contact_phone: str
    district_code: str
    category: ServiceCategory | None
    details: str
    station_id: str | None
    contact_email: str | None = None


@dataclass(frozen=True)
class RequestState:
    """A request as its enterprise sees it, with the code that confirms it."""

    request: ServiceRequest
    confirmation: ContactConfirmation


def _not_found(request_id: str) -> NotFound:
    return NotFound(f"没有编号为 {request_id} 的服务需求 (no such service request)")


async def _plan_escalation(uow: ActivitiesUnitOfWork, request: ServiceRequest) -> None:
    """(Re)compute the acceptance deadline on the holiday calendar and set the timer that escalates after it.

    While a year the deadline needs is not loaded, the deadline is pending (never guessed): it is
    computed when the bureau loads that year (`plan_waiting_deadlines`), and in case nobody has by
    then, the timer comes back on that year's first day to look again.
    """
    if request.timer_key:
        await uow.cancel_timer(ESCALATION_TIMER, request.timer_key)
    calendar = await uow.working_calendar()
    try:
        request.acceptance_due_on = acceptance_due_on(calendar, request.acceptance_counts_from)
        request.acceptance_due_waits_for_year = None
        due_at = escalation_moment(request.acceptance_due_on)
    except UnknownCalendarYear as unknown:
        log.warning("acceptance deadline of a service request waits for the %d holiday schedule", unknown.year)
        request.acceptance_due_on = None
        request.acceptance_due_waits_for_year = unknown.year
        due_at = recheck_moment(uow.clock.now(), unknown.year)
    # A new key per due time: a timer must never be re-armed from inside its own handler.
    request.timer_key = f"{request.id}@{due_at.isoformat()}"
    await uow.schedule_timer(ESCALATION_TIMER, request.timer_key, due_at, {"request_id": request.id})


async def plan_waiting_deadlines(*, uow: ActivitiesUnitOfWork, year: int) -> None:
    """The bureau loaded ``year``'s holiday schedule: the requests whose deadline waited for it get
    their deadline and escalation timer now, in the same transaction."""
    for request in await uow.service_requests.waiting_for_calendar(year):
        if request.escalated or request.station_id is None:
            continue
        await _plan_escalation(uow, request)
        await uow.service_requests.save(request)
        uow.audit("plan_deadline", "service_request", request.id, due_on=str(request.acceptance_due_on), year=year)


async def file_request(*, uow_factory: ActivitiesUoWFactory, command: FileRequest) -> RequestState:
    """An enterprise files a request without signing in: it waits for its contact to enter the code sent
    to them, and goes to no station until then. A chosen station that is not active is refused at once."""
    contact = confirmations.contact_of(command.contact_phone, command.contact_email)
    async with uow_factory(PUBLIC) as uow:
        if command.station_id:
            station = await uow.stations.get(command.station_id)
            require_active(station, command.station_id, as_what="受理服务需求")
        request = ServiceRequest(
            id=str(uuid.uuid4()),
            company_name=command.company_name,
            uscc=command.uscc,
            contact_name=command.contact_name,
            contact_phone=command.contact_phone,
            contact_email=command.contact_email,
            district_code=command.district_code,
            category=command.category,
            details=command.details,
            station_id=command.station_id,
            assignment=None,
            status=RequestStatus.PENDING_CONFIRMATION,
            received_at=uow.clock.now(),
        )
        await uow.service_requests.add(request)
        confirmation = await confirmations.send_code(
            uow=uow, purpose=ConfirmationPurpose.SERVICE_REQUEST, reference=request.id, contact=contact
        )
        uow.audit("submit", "service_request", request.id, district_code=request.district_code)
        await uow.commit()
    return RequestState(request, confirmation)


async def _route(uow: ActivitiesUnitOfWork, request: ServiceRequest) -> tuple[Station | None, Assignment]:
    """The station the request goes to: the one the enterprise chose (still active), else one of its
    district (see `pick_station`), else the head station."""
    stations = uow.stations
    if request.station_id:
        chosen = require_active(await stations.get(request.station_id), request.station_id, as_what="受理服务需求")
        return chosen, Assignment.SME_CHOICE
    candidates = await stations.candidates(request.district_code)
    station = pick_station(candidates, district_code=request.district_code, category=request.category)
    return station, Assignment.DISTRICT_MATCH if station else Assignment.HEAD_STATION


async def _pending(uow: ActivitiesUnitOfWork, request_id: str) -> tuple[ServiceRequest, ContactConfirmation]:
    """A request filed without signing in and its confirmation, both locked."""
    confirmation = await uow.confirmations.get(request_id, for_update=True)
    request = await uow.service_requests.get(request_id, for_update=True)
    if confirmation is None or confirmation.purpose is not ConfirmationPurpose.SERVICE_REQUEST or request is None:
        raise _not_found(request_id)
    return request, confirmation


async def confirm_request(*, uow_factory: ActivitiesUoWFactory, request_id: str, code: str) -> RequestState:
    """The contact enters the code: the request is received now, routed to its station, and the
    station's 5 working days start. Confirmed before: nothing changes."""
    async with uow_factory(PUBLIC) as uow:
        request, confirmation = await _pending(uow, request_id)
        if not await confirmations.check_code(uow=uow, confirmation=confirmation, code=code):
            return RequestState(request, confirmation)
        station, assignment = await _route(uow, request)
        request.confirm(now=uow.clock.now(), station_id=station.id if station else None, assignment=assignment)
        if request.station_id is not None:
            await _plan_escalation(uow, request)
        await uow.service_requests.save(request)
        uow.publish(publisher.request_received(request))
        uow.audit("file", "service_request", request.id, station_id=request.station_id, assignment=assignment.value)
        await uow.commit()
    return RequestState(request, confirmation)


async def resend_request_code(*, uow_factory: ActivitiesUoWFactory, request_id: str) -> RequestState:
    """A new code for a request still awaiting confirmation (spaced and capped)."""
    async with uow_factory(PUBLIC) as uow:
        request, confirmation = await _pending(uow, request_id)
        await confirmations.resend_code(
            uow=uow, confirmation=confirmation, phone=request.contact_phone, email=request.contact_email
        )
        await uow.commit()
    return RequestState(request, confirmation)


def _acts_as_head_station(principal: Principal, request: ServiceRequest) -> bool:
    """Whether the caller acts on the request as the head station (True) or as its station (False)."""
    if principal.is_role(Role.HEAD_STATION_STAFF):
        return True
    if request.station_id is not None and principal.owns_station(request.station_id):
        return False
    raise _not_found(request.id)


@asynccontextmanager
async def _handling(
    uow_factory: ActivitiesUoWFactory, principal: Principal, request_id: str
) -> AsyncIterator[tuple[ActivitiesUnitOfWork, ServiceRequest, bool]]:
    """The request locked for a change, and whether the caller acts as the head station."""
    async with uow_factory(Actor.of(principal)) as uow:
        request = await uow.service_requests.get(request_id, for_update=True)
        if request is None or not request.counts:
            raise _not_found(request_id)
        yield uow, request, _acts_as_head_station(principal, request)


async def accept_request(*, uow_factory: ActivitiesUoWFactory, principal: Principal, request_id: str) -> ServiceRequest:
    """The station accepts its request (the head station: an escalated or unassigned one)."""
    async with _handling(uow_factory, principal, request_id) as (uow, request, as_head):
        request.accept(now=uow.clock.now(), by_head_station=as_head)
        if request.timer_key:
            await uow.cancel_timer(ESCALATION_TIMER, request.timer_key)
        await uow.service_requests.save(request)
        uow.publish(publisher.request_accepted(request))
        uow.audit("accept", "service_request", request.id, by_head_station=as_head, late=request.accepted_late)
        await uow.commit()
    return request


async def route_request(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, request_id: str, station_id: str, reason: str
) -> ServiceRequest:
    """The head station routes (转派) a request it holds (escalated, or no station fitted) to an active
    station: the station has 5 working days from today to accept it, and escalates again if it lets them pass."""
    if not principal.is_role(Role.HEAD_STATION_STAFF):
        raise Forbidden("仅服务总站可以转派服务需求 (only the head station routes service requests)")
    async with _handling(uow_factory, principal, request_id) as (uow, request, _):
        station = await uow.stations.get(station_id)
        if station is None or not station.active:
            raise NotAnActiveStation(station_id)
        request.route(now=uow.clock.now(), station_id=station.id, reason=reason, by=principal.subject)
        await _plan_escalation(uow, request)
        await uow.service_requests.save(request)
        uow.publish(publisher.request_routed(request))
        uow.audit(
            "route",
            "service_request",
            request.id,
            station_id=station.id,
            from_station_id=request.routed_from_station_id,
            due_on=str(request.acceptance_due_on),
            reason=request.route_reason,
        )
        await uow.commit()
    return request


def _must_be_handler(request: ServiceRequest, as_head: bool) -> None:
    if request.status is not RequestStatus.RECEIVED and request.by_head_station != as_head:
        raise Forbidden("该需求由另一方受理，只能由受理方办理 (only who accepted the request handles it)")


async def match_request(
    *,
    uow_factory: ActivitiesUoWFactory,
    principal: Principal,
    request_id: str,
    handling: Handling,
    institution_name: str | None,
) -> ServiceRequest:
    """Match the accepted request to a resident service institution, or serve it directly."""
    async with _handling(uow_factory, principal, request_id) as (uow, request, as_head):
        _must_be_handler(request, as_head)
        request.match(now=uow.clock.now(), handling=handling, institution_name=institution_name)
        await uow.service_requests.save(request)
        uow.publish(publisher.request_matched(request))
        uow.audit("match", "service_request", request.id, handling=handling.value)
        await uow.commit()
    return request


async def close_request(
    *,
    uow_factory: ActivitiesUoWFactory,
    principal: Principal,
    request_id: str,
    outcome: Outcome,
    note: str,
    satisfaction: int,
) -> ServiceRequest:
    """Close the request with its outcome and the enterprise's satisfaction rating."""
    async with _handling(uow_factory, principal, request_id) as (uow, request, as_head):
        _must_be_handler(request, as_head)
        request.close(now=uow.clock.now(), outcome=outcome, note=note, satisfaction=satisfaction)
        await uow.service_requests.save(request)
        uow.publish(publisher.request_closed(request))
        uow.audit("close", "service_request", request.id, outcome=outcome.value, satisfaction=satisfaction)
        await uow.commit()
    return request


def _visible(principal: Principal, request: ServiceRequest) -> bool:
    """A station sees the requests it is to handle, a district those filed in it, head station and bureau all."""
    if request.station_id is None:
        return principal.is_role(*CITY_WIDE)
    return sees_station(principal, request.station_id, request.district_code)


async def find_requests(
    *,
    uow_factory: ActivitiesUoWFactory,
    principal: Principal,
    status: RequestStatus | None,
    escalated: bool | None,
    district_code: str | None,
    page: PageRequest,
) -> PageOf[ServiceRequest]:
    """The requests the caller sees (the same rule as `_visible`, asked of the database so that pages
    and the total count only those)."""
    station_id = None
    if principal.is_role(Role.STATION_OPERATOR):
        station_id = principal.station_id or "-"
    elif principal.is_role(Role.DISTRICT_OFFICER):
        district_code = principal.district
        if not district_code:
            return PageOf.of([], 0, page)
    elif not principal.is_role(*CITY_WIDE):
        raise Forbidden("您的角色无权查看服务需求 (your role may not see service requests)")
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.service_requests.find(
            station_id=station_id,
            district_code=district_code,
            status=status,
            escalated=escalated,
            with_station_only=not principal.is_role(*CITY_WIDE),
            page=page,
        )


async def get_request(*, uow_factory: ActivitiesUoWFactory, principal: Principal, request_id: str) -> ServiceRequest:
    async with uow_factory(Actor.of(principal)) as uow:
        request = await uow.service_requests.get(request_id)
    if request is None or not request.counts or not _visible(principal, request):
        raise _not_found(request_id)
    return request


async def progress_for_enterprise(*, uow_factory: ActivitiesUoWFactory, request_id: str, uscc: str) -> ServiceRequest:
    """The enterprise follows its own request (the id and its USCC must match). One still awaiting its
    contact's confirmation is refused saying so, and where the code went; a void one as void."""
    async with uow_factory(PUBLIC) as uow:
        request = await uow.service_requests.get(request_id)
        if request is None or request.uscc != normalise_uscc(uscc):
            raise _not_found(request_id)
        if not request.counts:
            confirmation = await uow.confirmations.get(request_id)
            if confirmation is None:
                raise _not_found(request_id)
            confirmation.require_confirmed()
    return request


async def escalate_if_unaccepted(*, timer: Timer, uow: ActivitiesUnitOfWork) -> None:
    """Timer: after the 5th working day, a request still not accepted goes to the head station."""
    request = await uow.service_requests.get(str(timer.payload["request_id"]), for_update=True)
    if request is None or request.status is not RequestStatus.RECEIVED or request.escalated:
        return
    now: datetime = uow.clock.now()
    if request.acceptance_due_on is None or now < escalation_moment(request.acceptance_due_on):
        # Fired as a re-check (a holiday schedule was missing): compute again with today's calendar.
        request.timer_key = None
        await _plan_escalation(uow, request)
        if request.acceptance_due_on is None or now < escalation_moment(request.acceptance_due_on):
            await uow.service_requests.save(request)
            return
    if request.timer_key and request.timer_key != timer.key:
        await uow.cancel_timer(ESCALATION_TIMER, request.timer_key)  # a re-check found the deadline already past
    request.escalate(now=now)
    request.timer_key = None
    await uow.service_requests.save(request)
    uow.publish(publisher.request_escalated(request, NOT_ACCEPTED))
    uow.audit("escalate", "service_request", request.id, reason=NOT_ACCEPTED, due_on=str(request.acceptance_due_on))
