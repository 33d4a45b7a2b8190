"""Applications, stations and information changes: their transitions without I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from sme_contracts import registry as contract
from sme_contracts.common import RevocationGround, StationStatus
from sme_registry.adapters import publisher
from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus, Decision
from sme_registry.domain.changes import ChangeReport, NameChange, apply_change, is_late, report_violations
from sme_registry.domain.errors import InvalidTransition, RulesViolated
from sme_registry.domain.forms import StaffMember
from sme_registry.domain.stations import ConventionSignature, Station, station_number

from .forms import COMPLETE

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def draft() -> Application:
    return Application("a-1", ApplicationKind.NEW, 2026, ApplicationStatus.DRAFT, COMPLETE, NOW, NOW)


def station() -> Station:
    return Station.register(
        station_id="st-1",
        number=station_number(2026, 1),
        plaque_number="穗中小服站〔2026〕001号",
        application_id="a-1",
        form=COMPLETE,
        valid_from=date(2026, 12, 1),
        now=NOW,
    )


def test_a_submitted_application_cannot_be_submitted_again() -> None:
    application = draft()
    event = application.submit(round_year=2026, now=NOW)
    assert (application.status, event.resubmission) == (ApplicationStatus.SUBMITTED, False)
    with pytest.raises(InvalidTransition, match="only a draft or a returned application"):
        application.submit(round_year=2026, now=NOW)


def test_return_and_reject_need_reasons_but_forward_does_not() -> None:
    application = draft()
    application.submit(round_year=2026, now=NOW)
    for decision in (Decision.RETURN, Decision.REJECT):
        with pytest.raises(RulesViolated):
            application.decide(decision, officer="o", reasons=("  ",), opinion="", now=NOW)
    assert application.status is ApplicationStatus.SUBMITTED
    application.decide(Decision.FORWARD, officer="o", reasons=(), opinion="同意", now=NOW)
    assert application.status.value == "forwarded"  # decide() moved it on


def test_a_returned_application_is_edited_and_resubmitted() -> None:
    application = draft()
    application.submit(round_year=2026, now=NOW)
    application.decide(Decision.RETURN, officer="o", reasons=("补充劳动合同",), opinion="", now=NOW)
    application.edit(replace(COMPLETE, service_area="天河北"), kind=ApplicationKind.NEW, station_id=None, now=NOW)
    event = application.submit(round_year=2026, now=NOW)
    assert event.resubmission
    assert application.submissions == 2


def test_the_uscc_of_an_application_cannot_be_edited() -> None:
    with pytest.raises(RulesViolated):
        draft().edit(replace(COMPLETE, uscc="91440104MA5D0QRT7D"), kind=ApplicationKind.NEW, station_id=None, now=NOW)


def test_a_new_station_is_active_with_its_registration_in_the_history() -> None:
    registered = station()
    assert (registered.status, registered.valid_until, registered.station_number) == (
        StationStatus.ACTIVE,
        date(2029, 11, 30),
        "GZSME-2026-0001",
    )
    assert [(c.previous_status, c.status) for c in registered.new_history] == [(None, StationStatus.ACTIVE)]


def test_revocation_keeps_ground_date_and_history_and_ends_every_other_step() -> None:
    registered = station()
    registered.revoke(
        ground=RevocationGround.VOLUNTARY_WITHDRAWAL, reason="主动退出", effective_on=date(2027, 1, 1), now=NOW
    )
    assert (registered.status, registered.revocation_ground, registered.revoked_on) == (
        StationStatus.REVOKED,
        RevocationGround.VOLUNTARY_WITHDRAWAL,
        date(2027, 1, 1),
    )
    assert [c.status for c in registered.new_history] == [StationStatus.ACTIVE, StationStatus.REVOKED]
    with pytest.raises(InvalidTransition):
        registered.renew(valid_from=date(2029, 12, 1), reason="复核通过", now=NOW)


def test_the_convention_is_signed_once_per_version() -> None:
    registered = station()
    registered.sign_convention(ConventionSignature("2026.1", NOW, "op", "张伟", "法定代表人"))
    with pytest.raises(InvalidTransition):
        registered.sign_convention(ConventionSignature("2026.1", NOW, "op", "张伟", "法定代表人"))
    registered.sign_convention(ConventionSignature("2027.1", NOW, "op", "张伟", "法定代表人"))
    assert registered.has_signed("2027.1")
    assert not registered.has_signed("2026.1")


def test_a_change_reported_on_day_30_is_on_time_and_on_day_31_late() -> None:
    completed = date(2026, 10, 1)
    assert not is_late(completed, completed + timedelta(days=30))
    assert is_late(completed, completed + timedelta(days=31))


def test_a_change_is_applied_with_what_was_there_before() -> None:
    registered = station()
    report = ChangeReport(completed_on=date(2026, 11, 1), name=NameChange("广州市天河区创新服务集团有限公司"))
    change = apply_change(registered, report, change_id="c-1", today=date(2026, 11, 28), now=NOW, reported_by="op")
    assert registered.entity_name == registered.name == "广州市天河区创新服务集团有限公司"
    assert change.before["name"]["entity_name"] == COMPLETE.entity_name
    assert not change.late


def test_a_change_report_must_say_what_changed_be_completed_and_keep_two_staff() -> None:
    empty = ChangeReport(completed_on=date(2026, 12, 1))
    fields = {v.field for v in report_violations(empty, today=date(2026, 11, 28))}
    assert fields == {"kinds", "completed_on"}
    one = ChangeReport(completed_on=date(2026, 11, 1), staff=(StaffMember("李明", "站长", "13800138000"),))
    assert [v.code for v in report_violations(one, today=date(2026, 11, 28))] == ["too_few_staff"]


def test_a_revoked_station_is_not_renewable_whatever_its_status_since() -> None:
    active = station()
    assert active.renewable
    active.revoke(ground=RevocationGround.VOLUNTARY_WITHDRAWAL, reason="退出", effective_on=date(2027, 1, 1), now=NOW)
    assert (active.is_revoked, active.renewable) == (True, False)
    with pytest.raises(InvalidTransition):
        active.renew(valid_from=date(2029, 12, 1), reason="复核通过", now=NOW)
    # A revocation date on the register is enough: revocation is final.
    expired = replace(station(), status=StationStatus.EXPIRED, revoked_on=date(2027, 1, 1))
    assert not expired.renewable


def test_an_expired_station_is_renewed_by_a_passed_re_review() -> None:
    expired = station()
    expired.expire(on=date(2029, 12, 1), now=NOW)
    assert expired.renewable
    change = expired.renew(valid_from=date(2029, 12, 20), reason="复核通过", now=NOW)
    assert (change.previous_status, expired.status, expired.valid_until) == (
        StationStatus.EXPIRED,
        StationStatus.ACTIVE,
        date(2032, 12, 19),
    )


@pytest.mark.parametrize(
    ("decision", "reasons", "event_type"),
    [
        (Decision.FORWARD, (), contract.ApplicationForwarded),
        (Decision.RETURN, ("补充材料",), contract.ApplicationReturned),
        (Decision.REJECT, ("不符合条件",), contract.ApplicationRejected),
    ],
)
def test_each_district_decision_maps_to_its_one_event(
    decision: Decision, reasons: tuple[str, ...], event_type: type[object]
) -> None:
    application = draft()
    application.submit(round_year=2026, now=NOW)
    made = application.decide(decision, officer="o-1", reasons=reasons, opinion="意见", now=NOW)
    event = publisher.district_decision(application, made)
    assert isinstance(event, event_type)
    assert event.application_id == application.id
