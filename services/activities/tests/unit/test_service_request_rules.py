"""Service requests: the 5-working-day acceptance deadline on the holiday calendar, and the life cycle."""

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from sme_activities.domain.errors import DomainError, StateConflict
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
from sme_contracts.common import ServiceCategory
from sme_kit.workdays import CalendarYear, UnknownCalendarYear, WorkingCalendar

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def request(**changes: Any) -> ServiceRequest:
    base = ServiceRequest(
        id="r-1",
        company_name="广州某智能科技有限公司",
        uscc="91440106MA59C1XE2H",
        contact_name="李小明",
        contact_phone="13800138000",
        district_code="440106",
        category=ServiceCategory.FINANCING,
        details="融资对接",
        station_id="st-1",
        assignment=Assignment.DISTRICT_MATCH,
        status=RequestStatus.RECEIVED,
        received_at=NOW,
    )
    return replace(base, **changes)


def test_filed_the_day_before_national_day_the_five_working_days_end_on_13_october() -> None:
    # 10-01..10-07 off; 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    assert acceptance_due_on(WorkingCalendar(), date(2026, 9, 30)) == date(2026, 10, 13)


def test_escalation_happens_once_the_last_working_day_has_ended() -> None:
    assert escalation_moment(date(2026, 10, 13)) == datetime.fromisoformat("2026-10-14T00:00:00+08:00")


def test_a_request_filed_on_a_weekend_counts_from_the_next_working_day() -> None:
    # Sat 11-28: 11-30, 12-01, 12-02, 12-03, 12-04.
    assert acceptance_due_on(WorkingCalendar(), date(2026, 11, 28)) == date(2026, 12, 4)


def test_a_deadline_running_into_an_unloaded_year_is_never_guessed() -> None:
    with pytest.raises(UnknownCalendarYear):
        acceptance_due_on(WorkingCalendar(), date(2026, 12, 30))


def test_a_loaded_year_with_its_holidays_gives_the_deadline() -> None:
    loaded = {2027: CalendarYear(2027, frozenset({date(2027, 1, 1)}), frozenset())}
    # 12-31, (01-01 holiday), 01-04, 01-05, 01-06, 01-07.
    assert acceptance_due_on(WorkingCalendar(loaded), date(2026, 12, 30)) == date(2027, 1, 7)


def test_while_a_year_is_unknown_the_deadline_is_checked_again_on_its_first_day_then_daily() -> None:
    assert recheck_moment(NOW, 2027) == datetime.fromisoformat("2027-01-01T00:00:00+08:00")
    later = datetime.fromisoformat("2027-01-05T15:00:00+08:00")
    assert recheck_moment(later, 2027) == datetime.fromisoformat("2027-01-06T00:00:00+08:00")


def test_the_head_station_cannot_take_a_request_while_the_station_still_has_time() -> None:
    with pytest.raises(StateConflict):
        request().accept(now=NOW, by_head_station=True)


def test_after_escalation_the_head_station_takes_it_and_a_late_station_acceptance_is_marked_late() -> None:
    escalated = request()
    assert escalated.escalate(now=NOW)
    escalated.accept(now=NOW, by_head_station=True)
    assert (escalated.by_head_station, escalated.accepted_late) == (True, True)

    late = request()
    late.escalate(now=NOW)
    late.accept(now=NOW, by_head_station=False)
    assert late.accepted_late


def test_an_accepted_or_unassigned_request_is_not_escalated() -> None:
    accepted = request()
    accepted.accept(now=NOW, by_head_station=False)
    assert not accepted.escalate(now=NOW)
    assert not request(station_id=None, assignment=Assignment.HEAD_STATION).escalate(now=NOW)


def test_the_life_cycle_runs_accept_match_close_in_that_order() -> None:
    flow = request()
    with pytest.raises(StateConflict):
        flow.match(now=NOW, handling=Handling.SELF, institution_name=None)
    flow.accept(now=NOW, by_head_station=False)
    with pytest.raises(StateConflict):
        flow.close(now=NOW, outcome=Outcome.RESOLVED, note="已解决", satisfaction=5)
    with pytest.raises(DomainError):
        flow.match(now=NOW, handling=Handling.INSTITUTION, institution_name=" ")
    flow.match(now=NOW, handling=Handling.INSTITUTION, institution_name="广州某知识产权代理有限公司")
    with pytest.raises(DomainError):
        flow.close(now=NOW, outcome=Outcome.RESOLVED, note="已解决", satisfaction=6)
    flow.close(now=NOW, outcome=Outcome.RESOLVED, note="已解决", satisfaction=4)
    assert (flow.status, flow.satisfaction) == (RequestStatus.CLOSED, 4)
    with pytest.raises(StateConflict):
        flow.accept(now=NOW, by_head_station=False)


ROUTED_ON = datetime.fromisoformat("2026-09-30T15:00:00+08:00")  # the day before National Day


def lapsed() -> ServiceRequest:
    held = request(received_at=datetime.fromisoformat("2026-09-18T10:00:00+08:00"))
    assert held.escalate(now=datetime.fromisoformat("2026-09-26T00:00:00+08:00"))
    return held


def test_routed_the_day_before_national_day_the_new_station_has_until_13_october() -> None:
    routed = lapsed()
    routed.route(now=ROUTED_ON, station_id="st-2", reason=" 原服务站逾期未受理，转至同区服务站 ", by="head-1")

    assert (routed.station_id, routed.routed_from_station_id, routed.routed_at) == ("st-2", "st-1", ROUTED_ON)
    assert routed.route_reason == "原服务站逾期未受理，转至同区服务站"
    assert routed.acceptance_counts_from == date(2026, 9, 30)
    assert acceptance_due_on(WorkingCalendar(), routed.acceptance_counts_from) == date(2026, 10, 13)


def test_an_unassigned_request_held_by_the_head_station_may_be_routed() -> None:
    unassigned = request(station_id=None, assignment=Assignment.HEAD_STATION)
    unassigned.route(now=ROUTED_ON, station_id="st-2", reason="该区新认定服务站可办理", by="head-1")
    assert (unassigned.station_id, unassigned.routed_from_station_id, unassigned.lapsed) == ("st-2", None, False)


def test_the_head_station_cannot_route_a_request_while_its_station_still_has_time() -> None:
    waiting = request()
    with pytest.raises(StateConflict, match="服务总站不能转派"):
        waiting.route(now=ROUTED_ON, station_id="st-2", reason="转派", by="head-1")
    assert (waiting.station_id, waiting.routed_at) == ("st-1", None)


def test_an_accepted_or_unconfirmed_request_is_not_routed() -> None:
    accepted = lapsed()
    accepted.accept(now=ROUTED_ON, by_head_station=True)
    with pytest.raises(StateConflict, match="不能转派"):
        accepted.route(now=ROUTED_ON, station_id="st-2", reason="转派", by="head-1")
    pending = request(status=RequestStatus.PENDING_CONFIRMATION, station_id=None)
    with pytest.raises(StateConflict):
        pending.route(now=ROUTED_ON, station_id="st-2", reason="转派", by="head-1")


def test_a_request_is_not_routed_back_to_the_station_that_let_it_lapse() -> None:
    held = lapsed()
    with pytest.raises(StateConflict, match="已逾期未受理"):
        held.route(now=ROUTED_ON, station_id="st-1", reason="转派", by="head-1")
    assert (held.station_id, held.escalated) == ("st-1", True)


def test_routing_needs_a_reason() -> None:
    held = lapsed()
    with pytest.raises(DomainError, match="转派说明"):
        held.route(now=ROUTED_ON, station_id="st-2", reason="  ", by="head-1")
    assert held.station_id == "st-1"


def test_the_first_lapse_still_counts_and_the_new_station_accepting_in_time_is_not_late() -> None:
    routed = lapsed()
    first = routed.escalated_at
    routed.route(now=ROUTED_ON, station_id="st-2", reason="转至同区服务站", by="head-1")

    assert not routed.escalated  # the new station holds it now, within its own 5 working days
    with pytest.raises(StateConflict):  # and the head station no longer does
        routed.accept(now=ROUTED_ON, by_head_station=True)
    routed.accept(now=datetime.fromisoformat("2026-10-09T09:00:00+08:00"), by_head_station=False)

    assert (routed.first_escalated_at, routed.lapses, routed.lapsed) == (first, 1, True)
    assert (routed.accepted_late, routed.by_head_station) == (False, False)


def test_when_the_new_station_lapses_too_the_request_escalates_again() -> None:
    routed = lapsed()
    first = routed.escalated_at
    routed.route(now=ROUTED_ON, station_id="st-2", reason="转至同区服务站", by="head-1")
    again = datetime.fromisoformat("2026-10-14T00:00:00+08:00")

    assert routed.escalate(now=again)

    assert (routed.escalated_at, routed.first_escalated_at, routed.lapses) == (again, first, 2)
    routed.accept(now=again, by_head_station=False)
    assert routed.accepted_late
