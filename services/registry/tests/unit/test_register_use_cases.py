"""The register follows review and assessment, and the validity timers fire — in memory."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from sme_contracts import registry as contract
from sme_contracts.assessment import StationRevoked
from sme_contracts.common import RevocationGround, StationStatus
from sme_contracts.review import ApplicationDeclined, DeclineReason, ReReviewFailed, ReReviewPassed
from sme_kit.errors import NotFound
from sme_kit.timers import Timer
from sme_kit.vocabulary import SHANGHAI
from sme_registry.domain.applications import ApplicationKind, ApplicationStatus
from sme_registry.domain.errors import RulesViolated
from sme_registry.domain.stations import Station
from sme_registry.service_layer import applications, expiry, register_events, stations

from .conftest import BUREAU, Steps, operator, other_form
from .forms import COMPLETE, USCC

OTHER_USCC = "91440104MA5D0QRT7D"


def at_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=SHANGHAI)


async def fire_due(steps: Steps) -> list[str]:
    """Fire the timers due by the clock, as the kit's timer loop does: each in its own unit of work."""
    fired = []
    for (kind, key), pending in sorted(steps.world.timers.items(), key=lambda item: item[1].due_at):
        if pending.due_at > steps.clock.now():
            continue
        del steps.world.timers[(kind, key)]
        handler = expiry.on_expiring if kind == expiry.EXPIRING else expiry.on_expired
        async with steps.uow_factory() as uow:
            await handler(timer=Timer(kind, key, pending.due_at, pending.payload), uow=uow)  # type: ignore[arg-type]
            await uow.commit()
        fired.append(kind)
    return fired


async def read(steps: Steps, station_id: str) -> Station:
    return await stations.get_station(uow_factory=steps.factory, principal=BUREAU, station_id=station_id)


async def re_review_of(steps: Steps, station: Station) -> str:
    return await steps.submitted(COMPLETE, kind=ApplicationKind.RE_REVIEW, station_id=station.id)


async def test_a_recognised_applicant_gets_a_station_valid_three_years_from_the_final_list(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station(on=date(2026, 12, 1))

    assert (station.valid_from, station.valid_until, station.status) == (
        date(2026, 12, 1),
        date(2029, 11, 30),
        StationStatus.ACTIVE,
    )
    assert (station.station_number, station.name) == ("GZSME-2026-0001", COMPLETE.name_on_register)
    application = await applications.get_application(
        uow_factory=steps.factory, principal=operator(), application_id=station.application_id
    )
    assert application.status is ApplicationStatus.RECOGNISED
    [registered] = steps.world.events_of(contract.StationRegistered)
    [status] = steps.world.events_of(contract.StationStatusChanged)
    assert (registered.station_id, registered.valid_until) == (station.id, date(2029, 11, 30))
    assert (status.status, status.previous_status) == ("active", None)
    assert {key for key in steps.world.timers} == {(expiry.EXPIRING, station.id), (expiry.EXPIRED, station.id)}
    assert steps.world.timers[(expiry.EXPIRED, station.id)].due_at == at_midnight(date(2029, 12, 1))
    assert steps.world.timers[(expiry.EXPIRING, station.id)].due_at == at_midnight(date(2029, 9, 1))


async def test_a_recognition_sent_twice_registers_one_station(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    await steps.consume(register_events.register_recognised_station, steps.recognition(station.application_id))
    page = await stations.list_stations(
        uow_factory=steps.factory, principal=BUREAU, query=stations.StationQuery(), convention_version="2026.1"
    )
    assert page.total == 1
    assert len(steps.world.events_of(contract.StationRegistered)) == 1


async def test_station_numbers_run_per_year_of_recognition(steps: Steps) -> None:
    await steps.open_round()
    first = await steps.station(on=date(2026, 12, 1))
    second = await steps.station(other_form(OTHER_USCC, "440104"), on=date(2026, 12, 1))
    assert (first.station_number, second.station_number) == ("GZSME-2026-0001", "GZSME-2026-0002")


async def test_a_declined_application_is_closed_with_the_reason(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.forwarded()
    await steps.consume(
        register_events.decline_application,
        ApplicationDeclined(
            application_id=application_id,
            round_year=2026,
            uscc=USCC,
            entity_name=COMPLETE.entity_name,
            district_code="440106",
            reason_code=DeclineReason.NOT_RECOMMENDED,
            reason="专家评审未推荐",
            declined_at=steps.clock.now(),
        ),
    )
    found = await applications.get_application(
        uow_factory=steps.factory, principal=operator(), application_id=application_id
    )
    assert (found.status, found.outcome_reason) == (ApplicationStatus.DECLINED, "专家评审未推荐")


async def test_an_outcome_for_an_application_of_another_entity_is_not_applied(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.forwarded()
    recognition = steps.recognition(application_id).model_copy(update={"uscc": OTHER_USCC})
    with pytest.raises(register_events.UnknownApplication):
        await steps.consume(register_events.register_recognised_station, recognition)


def passed(steps: Steps, re_review: str, station: Station, confirmed_on: date) -> ReReviewPassed:
    return ReReviewPassed(
        application_id=re_review,
        station_id=station.id,
        round_year=steps.today().year,
        uscc=USCC,
        district_code="440106",
        confirmed_on=confirmed_on,
        decided_at=steps.clock.now(),
    )


async def test_re_review_passed_renews_validity_and_moves_the_expiry_timers(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station(on=date(2024, 1, 1))
    assert station.valid_until == date(2026, 12, 31)
    re_review = await re_review_of(steps, station)
    await steps.decide(re_review, "forward")

    await steps.consume(register_events.confirm_re_review, passed(steps, re_review, station, date(2026, 12, 20)))

    renewed = steps.world.events_of(contract.StationStatusChanged)[-1]
    assert "复核通过" in renewed.reason
    assert (renewed.status, renewed.previous_status, renewed.valid_until) == ("active", "active", date(2029, 12, 19))
    view = await read(steps, station.id)
    assert (view.valid_from, view.valid_until) == (date(2026, 12, 20), date(2029, 12, 19))
    application = await applications.get_application(
        uow_factory=steps.factory, principal=operator(), application_id=re_review
    )
    assert application.status is ApplicationStatus.RECOGNISED
    assert steps.world.timers[(expiry.EXPIRED, station.id)].due_at == at_midnight(date(2029, 12, 20))

    # The old last day passes without the station expiring: its timers moved with the renewal.
    steps.clock.set(at_midnight(date(2027, 1, 2)))
    assert await fire_due(steps) == []
    assert (await read(steps, station.id)).status is StationStatus.ACTIVE


async def test_a_revoked_station_is_not_renewed_by_a_late_re_review_result(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station(on=date(2024, 1, 1))
    re_review = await re_review_of(steps, station)
    await steps.consume(register_events.revoke_station, revocation(steps, station))
    published = len(steps.world.published)

    await steps.consume(register_events.confirm_re_review, passed(steps, re_review, station, date(2026, 12, 20)))

    view = await read(steps, station.id)
    assert (view.status, view.valid_until) == (StationStatus.REVOKED, date(2026, 12, 31))
    assert len(steps.world.published) == published
    assert steps.world.audited[-1].action == "renew_refused"


async def test_a_failed_re_review_closes_the_application_and_leaves_revocation_to_assessment(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station(on=date(2024, 1, 1))
    re_review = await re_review_of(steps, station)
    await steps.consume(
        register_events.fail_re_review,
        ReReviewFailed(
            application_id=re_review,
            station_id=station.id,
            round_year=2026,
            uscc=USCC,
            district_code="440106",
            reason="服务能力不足",
            decided_on=steps.today(),
            decided_at=steps.clock.now(),
        ),
    )
    found = await applications.get_application(
        uow_factory=steps.factory, principal=operator(), application_id=re_review
    )
    assert (found.status, found.outcome_reason) == (ApplicationStatus.DECLINED, "复核未通过：服务能力不足")
    assert (await read(steps, station.id)).status is StationStatus.ACTIVE


async def test_a_re_review_must_come_in_the_round_of_the_year_the_validity_ends(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    re_review = await steps.draft(COMPLETE, kind=ApplicationKind.RE_REVIEW, station_id=station.id)
    await steps.attach(re_review)
    with pytest.raises(RulesViolated) as refused:
        await steps.submit(re_review)
    assert [(e.field, e.code) for e in refused.value.field_errors] == [("station_id", "re_review_year")]


def revocation(steps: Steps, station: Station, effective_on: date | None = None) -> StationRevoked:
    return StationRevoked(
        station_id=station.id,
        revocation_id="rv-1",
        uscc=USCC,
        district_code="440106",
        ground=RevocationGround.VOLUNTARY_WITHDRAWAL,
        ground_text="主动申请不再承担服务站工作",
        reason="运营单位书面申请退出",
        decided_on=steps.today(),
        effective_on=effective_on or steps.today(),
        decided_at=steps.clock.now(),
    )


async def test_a_revocation_keeps_ground_date_and_history_and_cancels_the_expiry(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    effective = steps.today() + timedelta(days=1)

    await steps.consume(register_events.revoke_station, revocation(steps, station, effective))
    await steps.consume(register_events.revoke_station, revocation(steps, station, effective))  # sent twice

    [revoked] = [e for e in steps.world.events_of(contract.StationStatusChanged) if e.status == "revoked"]
    assert (revoked.revocation_ground, revoked.previous_status, revoked.effective_on) == (7, "active", effective)
    view = await read(steps, station.id)
    assert (view.status, view.revocation_ground, view.revoked_on) == (StationStatus.REVOKED, 7, effective)
    assert view.revocation_reason is not None
    assert "运营单位书面申请退出" in view.revocation_reason
    history = await stations.status_history(uow_factory=steps.factory, principal=BUREAU, station_id=station.id)
    assert [(h.previous_status, h.status) for h in history.items] == [(None, "active"), ("active", "revoked")]
    assert steps.world.timers == {}
    page = await stations.public_register(uow_factory=steps.factory, query=stations.StationQuery())
    assert page.total == 0
    with pytest.raises(NotFound):
        await stations.public_station(uow_factory=steps.factory, station_id=station.id)


async def test_the_expiring_notice_comes_90_days_before_the_last_day_and_then_the_station_expires(
    steps: Steps,
) -> None:
    await steps.open_round()
    station = await steps.station()
    last_day = station.valid_until

    steps.clock.set(at_midnight(last_day - timedelta(days=91)))
    assert await fire_due(steps) == []
    steps.clock.set(at_midnight(last_day - timedelta(days=90)))
    assert await fire_due(steps) == [expiry.EXPIRING]
    [expiring] = steps.world.events_of(contract.StationExpiring)
    assert (expiring.station_id, expiring.valid_until, expiring.days_left) == (station.id, last_day, 90)

    steps.clock.set(at_midnight(last_day + timedelta(days=1)))
    assert await fire_due(steps) == [expiry.EXPIRED]
    [expired] = steps.world.events_of(contract.StationExpired)
    assert (expired.valid_until, expired.re_review_applied) == (last_day, False)
    status = steps.world.events_of(contract.StationStatusChanged)[-1]
    assert (status.status, status.previous_status, status.effective_on) == (
        "expired",
        "active",
        last_day + timedelta(days=1),
    )
    assert (await read(steps, station.id)).status is StationStatus.EXPIRED


async def test_an_expired_station_with_a_re_review_application_is_reported_as_applied(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station(on=date(2024, 1, 1))
    await re_review_of(steps, station)

    steps.clock.set(datetime(2027, 1, 1, 0, 0, 1, tzinfo=SHANGHAI))
    assert await fire_due(steps) == [expiry.EXPIRING, expiry.EXPIRED]

    [expired] = steps.world.events_of(contract.StationExpired)
    assert (expired.station_id, expired.valid_until, expired.re_review_applied) == (
        station.id,
        date(2026, 12, 31),
        True,
    )
