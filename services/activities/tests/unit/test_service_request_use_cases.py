"""Service requests on the in-memory unit of work: confirmation, routing, the 5 working days, escalation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sme_activities.domain.errors import NotAnActiveStation, StateConflict
from sme_activities.domain.service_requests import Assignment, Handling, Outcome, RequestStatus
from sme_activities.domain.stations import StationStatus
from sme_activities.service_layer import service_requests as use_cases
from sme_contracts.activities import (
    ServiceRequestAccepted,
    ServiceRequestClosed,
    ServiceRequestEscalated,
    ServiceRequestReceived,
    ServiceRequestRouted,
)
from sme_contracts.common import ServiceCategory
from sme_kit.auth import Principal
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageRequest
from sme_kit.timers import Timer
from sme_kit.workdays import CalendarYear

from .fakes import real
from .world import BUREAU, HEAD, Factory, clock_of, district_officer, last_code, operator, station, world_with

NO_HOLIDAYS_2026 = CalendarYear(2026, frozenset(), frozenset())
NO_HOLIDAYS_2027 = CalendarYear(2027, frozenset(), frozenset())


def filed(station_id: str | None = None, district: str = "440106") -> use_cases.FileRequest:
    return use_cases.FileRequest(
        company_name="广州某智能科技有限公司",
        uscc="91440106MA59C1XE2H",
        contact_name="李小明",
        contact_phone="13800138000",
        district_code=district,
        category=ServiceCategory.FINANCING,
        details="计划申请知识产权质押贷款约300万元。",
        station_id=station_id,
    )


async def confirmed(uow_factory: Factory, command: use_cases.FileRequest) -> str:
    state = await use_cases.file_request(uow_factory=real(uow_factory), command=command)
    reference = state.request.id
    await use_cases.confirm_request(
        uow_factory=real(uow_factory), request_id=reference, code=last_code(uow_factory, reference)
    )
    return reference


async def calendar_known(uow_factory: Factory) -> Factory:
    uow_factory.world.calendar_years.update({2026: NO_HOLIDAYS_2026, 2027: NO_HOLIDAYS_2027})
    return uow_factory


async def test_a_request_reaches_no_station_until_confirmed_then_goes_to_the_least_busy_station_of_its_district() -> (
    None
):
    uow_factory = await calendar_known(await world_with(station("st-2"), station("st-1"), station("st-9", "440104")))
    uow_factory.world.repository(type(uow_factory().stations)).open_requests["st-1"] = 3

    state = await use_cases.file_request(uow_factory=real(uow_factory), command=filed())
    assert state.request.status is RequestStatus.PENDING_CONFIRMATION
    assert uow_factory.world.events_of(ServiceRequestReceived) == []
    with pytest.raises(NotFound):
        await use_cases.get_request(uow_factory=real(uow_factory), principal=BUREAU, request_id=state.request.id)

    reference = state.request.id
    await use_cases.confirm_request(
        uow_factory=real(uow_factory), request_id=reference, code=last_code(uow_factory, reference)
    )

    request = await use_cases.get_request(
        uow_factory=real(uow_factory), principal=operator("st-2"), request_id=reference
    )
    assert (request.station_id, request.assignment) == ("st-2", Assignment.DISTRICT_MATCH)
    assert request.acceptance_due_on == date(2026, 12, 4)  # Friday 27 Nov + 5 working days
    [event] = uow_factory.world.events_of(ServiceRequestReceived)
    assert (event.request_id, event.station_id) == (reference, "st-2")
    [(kind, _)] = [key for key in uow_factory.world.timers if key[0] == use_cases.ESCALATION_TIMER]
    assert kind == use_cases.ESCALATION_TIMER


async def test_accepted_in_time_the_escalation_timer_goes_and_the_request_is_matched_and_closed() -> None:
    uow_factory = await calendar_known(await world_with(station("st-1")))
    reference = await confirmed(uow_factory, filed("st-1"))

    with pytest.raises(NotFound):  # another station does not even see it
        await use_cases.accept_request(uow_factory=real(uow_factory), principal=operator("st-2"), request_id=reference)
    await use_cases.accept_request(uow_factory=real(uow_factory), principal=operator("st-1"), request_id=reference)
    assert not [key for key in uow_factory.world.timers if key[0] == use_cases.ESCALATION_TIMER]

    with pytest.raises(Forbidden):  # the head station did not accept it: only the station handles it
        await use_cases.match_request(
            uow_factory=real(uow_factory),
            principal=HEAD,
            request_id=reference,
            handling=Handling.SELF,
            institution_name=None,
        )
    with pytest.raises(StateConflict):
        await use_cases.close_request(
            uow_factory=real(uow_factory),
            principal=operator("st-1"),
            request_id=reference,
            outcome=Outcome.RESOLVED,
            note="已办结",
            satisfaction=5,
        )
    await use_cases.match_request(
        uow_factory=real(uow_factory),
        principal=operator("st-1"),
        request_id=reference,
        handling=Handling.SELF,
        institution_name=None,
    )
    closed = await use_cases.close_request(
        uow_factory=real(uow_factory),
        principal=operator("st-1"),
        request_id=reference,
        outcome=Outcome.RESOLVED,
        note="已对接银行完成贷款",
        satisfaction=5,
    )

    assert closed.status is RequestStatus.CLOSED
    assert [e.request_id for e in uow_factory.world.events_of(ServiceRequestAccepted)] == [reference]
    assert [e.satisfaction for e in uow_factory.world.events_of(ServiceRequestClosed)] == [5]


async def test_not_accepted_after_the_5th_working_day_the_request_goes_to_the_head_station() -> None:
    uow_factory = await calendar_known(await world_with(station("st-1")))
    reference = await confirmed(uow_factory, filed("st-1"))
    [(key, timer)] = [(k, t) for k, t in uow_factory.world.timers.items() if k[0] == use_cases.ESCALATION_TIMER]
    clock_of(uow_factory).set(timer.due_at + timedelta(minutes=1))

    async with uow_factory() as uow:
        await use_cases.escalate_if_unaccepted(
            timer=Timer(key[0], key[1], timer.due_at, timer.payload),
            uow=real(uow),
        )
        await uow.commit()

    [event] = uow_factory.world.events_of(ServiceRequestEscalated)
    assert event.request_id == reference
    request = await use_cases.get_request(uow_factory=real(uow_factory), principal=HEAD, request_id=reference)
    assert request.escalated
    accepted = await use_cases.accept_request(uow_factory=real(uow_factory), principal=HEAD, request_id=reference)
    assert accepted.by_head_station
    assert accepted.accepted_late


async def test_a_deadline_waits_for_an_unloaded_year_and_is_set_when_that_year_is_loaded() -> None:
    uow_factory = await world_with(station("st-1"))
    uow_factory.world.calendar_years[2026] = NO_HOLIDAYS_2026
    clock_of(uow_factory).set(clock_of(uow_factory).now().replace(month=12, day=28))
    reference = await confirmed(uow_factory, filed("st-1"))
    request = await use_cases.get_request(uow_factory=real(uow_factory), principal=HEAD, request_id=reference)
    assert (request.acceptance_due_on, request.acceptance_due_waits_for_year) == (None, 2027)

    uow_factory.world.calendar_years[2027] = NO_HOLIDAYS_2027
    async with uow_factory() as uow:
        await use_cases.plan_waiting_deadlines(uow=real(uow), year=2027)
        await uow.commit()

    request = await use_cases.get_request(uow_factory=real(uow_factory), principal=HEAD, request_id=reference)
    assert (request.acceptance_due_on, request.acceptance_due_waits_for_year) == (date(2027, 1, 4), None)


async def test_a_station_sees_its_own_requests_and_a_district_its_own_districts() -> None:
    uow_factory = await calendar_known(await world_with(station("st-1"), station("st-9", "440104")))
    mine = await confirmed(uow_factory, filed("st-1"))
    theirs = await confirmed(uow_factory, filed("st-9", district="440104"))

    async def ids(principal: Principal) -> set[str]:
        found = await use_cases.find_requests(
            uow_factory=real(uow_factory),
            principal=principal,
            status=None,
            escalated=None,
            district_code=None,
            page=PageRequest(),
        )
        assert found.total == len(found.items)
        return {request.id for request in found.items}

    assert await ids(operator("st-1")) == {mine}
    assert await ids(district_officer("440104")) == {theirs}
    assert await ids(BUREAU) == {mine, theirs}
    with pytest.raises(NotFound):
        await use_cases.get_request(uow_factory=real(uow_factory), principal=operator("st-1"), request_id=theirs)


async def test_the_enterprise_follows_its_request_with_its_uscc_in_any_case_and_spacing() -> None:
    uow_factory = await calendar_known(await world_with(station("st-1")))
    reference = await confirmed(uow_factory, filed("st-1"))

    found = await use_cases.progress_for_enterprise(
        uow_factory=real(uow_factory), request_id=reference, uscc=" 91440106ma59c1xe2h "
    )

    assert found.id == reference
    with pytest.raises(NotFound):
        await use_cases.progress_for_enterprise(
            uow_factory=real(uow_factory), request_id=reference, uscc="91440101MA5CXXXX1A"
        )


def escalation_timers(uow_factory: Factory) -> list[tuple[tuple[str, str], Timer]]:
    return [
        (key, Timer(key[0], key[1], timer.due_at, timer.payload))
        for key, timer in uow_factory.world.timers.items()
        if key[0] == use_cases.ESCALATION_TIMER
    ]


async def let_lapse(uow_factory: Factory) -> None:
    """Move past the only escalation timer's moment and fire it (a fired timer is gone, as the runner does)."""
    [(key, timer)] = escalation_timers(uow_factory)
    del uow_factory.world.timers[key]
    clock_of(uow_factory).set(timer.due_at + timedelta(minutes=1))
    async with uow_factory() as uow:
        await use_cases.escalate_if_unaccepted(timer=timer, uow=real(uow))
        await uow.commit()


async def test_the_head_station_routes_a_lapsed_request_to_an_active_station_with_5_new_working_days() -> None:
    uow_factory = await calendar_known(
        await world_with(station("st-1"), station("st-2"), station("st-x", status=StationStatus.REVOKED))
    )
    reference = await confirmed(uow_factory, filed("st-1"))
    await let_lapse(uow_factory)  # due Fri 12-04: escalated at midnight after it, now Sat 12-05 00:01

    async def route(principal: Principal, station_id: str) -> object:
        return await use_cases.route_request(
            uow_factory=real(uow_factory),
            principal=principal,
            request_id=reference,
            station_id=station_id,
            reason="原服务站逾期未受理，转至同区服务站",
        )

    with pytest.raises(Forbidden):
        await route(operator("st-1"), "st-2")
    with pytest.raises(Forbidden):
        await route(BUREAU, "st-2")
    for unfit in ("st-x", "st-unknown"):
        with pytest.raises(NotAnActiveStation) as refused:
            await route(HEAD, unfit)
        assert [error.field for error in refused.value.field_errors] == ["station_id"]
    with pytest.raises(StateConflict):
        await route(HEAD, "st-1")
    assert uow_factory.world.events_of(ServiceRequestRouted) == []

    await route(HEAD, "st-2")

    request = await use_cases.get_request(
        uow_factory=real(uow_factory), principal=operator("st-2"), request_id=reference
    )
    assert (request.station_id, request.routed_from_station_id, request.routed_by) == ("st-2", "st-1", "head-1")
    assert request.acceptance_due_on == date(2026, 12, 11)  # routed Sat 12-05: 12-07 .. 12-11
    assert (request.escalated, request.lapsed, request.lapses) == (False, True, 1)
    [event] = uow_factory.world.events_of(ServiceRequestRouted)
    assert (event.station_id, event.routed_from_station_id, event.acceptance_due_on) == (
        "st-2",
        "st-1",
        date(2026, 12, 11),
    )
    with pytest.raises(NotFound):  # the station that let it lapse no longer sees it
        await use_cases.get_request(uow_factory=real(uow_factory), principal=operator("st-1"), request_id=reference)

    await let_lapse(uow_factory)  # the new station lets it lapse too: it escalates again

    escalations = uow_factory.world.events_of(ServiceRequestEscalated)
    assert [(e.station_id, e.lapse) for e in escalations] == [("st-1", 1), ("st-2", 2)]
    again = await use_cases.get_request(uow_factory=real(uow_factory), principal=HEAD, request_id=reference)
    assert (again.escalated, again.lapses) == (True, 2)


async def test_a_routed_request_accepted_in_time_is_not_late_for_its_new_station() -> None:
    uow_factory = await calendar_known(await world_with(station("st-1"), station("st-2")))
    reference = await confirmed(uow_factory, filed("st-1"))
    await let_lapse(uow_factory)
    await use_cases.route_request(
        uow_factory=real(uow_factory), principal=HEAD, request_id=reference, station_id="st-2", reason="转至同区服务站"
    )

    accepted = await use_cases.accept_request(
        uow_factory=real(uow_factory), principal=operator("st-2"), request_id=reference
    )

    assert (accepted.accepted_late, accepted.lapsed) == (False, True)
    assert escalation_timers(uow_factory) == []
    assert [e.late for e in uow_factory.world.events_of(ServiceRequestAccepted)] == [False]
