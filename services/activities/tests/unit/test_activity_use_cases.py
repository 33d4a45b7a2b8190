"""Activities on the in-memory unit of work: scheduling, registration by code, capacity, cancellation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sme_activities.domain.activities import ActivityStatus, ActivityType
from sme_activities.domain.errors import (
    AlreadyRegistered,
    CapacityReached,
    ConfirmationGone,
    DomainError,
    ResendTooSoon,
    StationNotActive,
    WrongCode,
)
from sme_activities.domain.registrations import RegistrationStatus
from sme_activities.domain.stations import StationStatus
from sme_activities.service_layer import activities as use_cases
from sme_activities.service_layer import confirmations
from sme_contracts.activities import ActivityCancelled, ActivityScheduled
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageRequest
from sme_kit.timers import Timer

from .fakes import real
from .world import HEAD, NOW, Factory, clock_of, district_officer, last_code, operator, station, world_with, wrong


def schedule(capacity: int = 2, co_organisers: list[str] | None = None) -> use_cases.ScheduleActivity:
    return use_cases.ScheduleActivity(
        activity_type=ActivityType.SALON,
        title="知识产权质押融资政策沙龙",
        description="",
        theme_month_id=None,
        co_organiser_station_ids=co_organisers or [],
        institutions=[],
        starts_at=NOW + timedelta(days=3),
        ends_at=NOW + timedelta(days=3, hours=2),
        venue="服务站活动室",
        online_link=None,
        capacity=capacity,
    )


def registrant(uscc: str = "91440106MA59C1XE2H") -> use_cases.Registrant:
    return use_cases.Registrant("广州某智能科技有限公司", uscc, "李小明", "13800138000")


async def scheduled(uow_factory: Factory, capacity: int = 2) -> str:
    activity = await use_cases.schedule_activity(
        uow_factory=real(uow_factory), principal=operator("st-1"), command=schedule(capacity, ["st-2"])
    )
    return activity.id


async def registered(uow_factory: Factory, activity_id: str, uscc: str = "91440106MA59C1XE2H") -> str:
    """Register and confirm with the code sent; returns the registration id."""
    state = await use_cases.register(
        uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant(uscc)
    )
    reference = state.registration.id
    await use_cases.confirm_registration(
        uow_factory=real(uow_factory),
        activity_id=activity_id,
        registration_id=reference,
        code=last_code(uow_factory, reference),
    )
    return reference


async def test_a_station_schedules_an_activity_for_itself_and_it_is_published() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))

    activity = await use_cases.schedule_activity(
        uow_factory=real(uow_factory), principal=operator("st-1"), command=schedule(co_organisers=["st-2"])
    )

    assert (activity.organiser_station_id, activity.organiser_district_code) == ("st-1", "440106")
    [event] = uow_factory.world.events_of(ActivityScheduled)
    assert (event.activity_id, event.co_organiser_station_ids, event.capacity) == (activity.id, ["st-2"], 2)


async def test_a_co_organiser_that_is_not_active_or_an_unknown_theme_month_is_refused() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2", status=StationStatus.REVOKED))

    with pytest.raises(StationNotActive) as refused:
        await use_cases.schedule_activity(
            uow_factory=real(uow_factory), principal=operator("st-1"), command=schedule(co_organisers=["st-2"])
        )
    assert refused.value.kind == "conflict"

    command = schedule()
    unknown_month = use_cases.ScheduleActivity(**{**command.__dict__, "theme_month_id": "tm-2027-03"})
    with pytest.raises(DomainError) as unknown:
        await use_cases.schedule_activity(uow_factory=real(uow_factory), principal=HEAD, command=unknown_month)
    assert unknown.value.kind == "invalid"
    assert uow_factory.world.published == []


async def test_a_registration_takes_a_place_only_once_its_code_is_entered_and_the_expiry_timer_goes() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))
    activity_id = await scheduled(uow_factory)

    state = await use_cases.register(uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant())
    reference = state.registration.id
    assert state.registration.status is RegistrationStatus.PENDING_CONFIRMATION
    assert (confirmations.EXPIRY_TIMER, reference) in uow_factory.world.timers
    assert (await use_cases.get_activity(uow_factory=real(uow_factory), activity_id=activity_id)).registered_count == 0

    code = last_code(uow_factory, reference)
    confirmed = await use_cases.confirm_registration(
        uow_factory=real(uow_factory), activity_id=activity_id, registration_id=reference, code=code
    )

    assert confirmed.registration.status is RegistrationStatus.REGISTERED
    assert (await use_cases.get_activity(uow_factory=real(uow_factory), activity_id=activity_id)).registered_count == 1
    assert (confirmations.EXPIRY_TIMER, reference) not in uow_factory.world.timers
    again = await use_cases.confirm_registration(
        uow_factory=real(uow_factory), activity_id=activity_id, registration_id=reference, code=code
    )
    assert again.registration.status is RegistrationStatus.REGISTERED  # confirmed before: nothing changes
    assert (await use_cases.get_activity(uow_factory=real(uow_factory), activity_id=activity_id)).registered_count == 1


async def test_capacity_holds_when_codes_are_entered_and_an_enterprise_registers_once() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))
    activity_id = await scheduled(uow_factory, capacity=1)
    first = await use_cases.register(uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant())
    second = await use_cases.register(
        uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant("91440101MA5CXXXX1A")
    )
    await use_cases.confirm_registration(
        uow_factory=real(uow_factory),
        activity_id=activity_id,
        registration_id=first.registration.id,
        code=last_code(uow_factory, first.registration.id),
    )

    with pytest.raises(CapacityReached):
        await use_cases.confirm_registration(
            uow_factory=real(uow_factory),
            activity_id=activity_id,
            registration_id=second.registration.id,
            code=last_code(uow_factory, second.registration.id),
        )
    with pytest.raises(AlreadyRegistered):
        await use_cases.register(uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant())


async def test_a_wrong_code_says_how_many_are_left_and_the_fifth_voids_the_registration() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))
    activity_id = await scheduled(uow_factory)
    state = await use_cases.register(uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant())
    reference = state.registration.id
    bad = wrong(last_code(uow_factory, reference))

    for left in (4, 3, 2, 1):
        with pytest.raises(WrongCode) as refused:
            await use_cases.confirm_registration(
                uow_factory=real(uow_factory), activity_id=activity_id, registration_id=reference, code=bad
            )
        assert refused.value.attempts_left == left
    with pytest.raises(ConfirmationGone):
        await use_cases.confirm_registration(
            uow_factory=real(uow_factory), activity_id=activity_id, registration_id=reference, code=bad
        )

    async with uow_factory() as uow:
        voided = await uow.activities.registration(reference)
    assert voided is not None
    assert voided.status is RegistrationStatus.VOID
    assert (confirmations.EXPIRY_TIMER, reference) not in uow_factory.world.timers


async def test_a_new_code_is_refused_within_60_seconds_and_a_form_never_confirmed_is_voided_by_its_timer() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))
    activity_id = await scheduled(uow_factory)
    state = await use_cases.register(uow_factory=real(uow_factory), activity_id=activity_id, registrant=registrant())
    reference = state.registration.id

    with pytest.raises(ResendTooSoon) as too_soon:
        await use_cases.resend_registration_code(
            uow_factory=real(uow_factory), activity_id=activity_id, registration_id=reference
        )
    assert too_soon.value.retry_after is not None
    assert 0 < too_soon.value.retry_after <= 60

    timer = uow_factory.world.timers[(confirmations.EXPIRY_TIMER, reference)]
    clock_of(uow_factory).set(timer.due_at + timedelta(seconds=1))
    async with uow_factory() as uow:
        fired = Timer(confirmations.EXPIRY_TIMER, reference, timer.due_at, timer.payload)
        await confirmations.void_unconfirmed(timer=fired, uow=real(uow))
        await uow.commit()
    async with uow_factory() as uow:
        voided = await uow.activities.registration(reference)
    assert voided is not None
    assert voided.status is RegistrationStatus.VOID


async def test_only_the_organiser_cancels_and_only_the_organising_side_sees_registrations() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"), station("st-3"))
    activity_id = await scheduled(uow_factory)
    await registered(uow_factory, activity_id)

    assert [
        r.uscc
        for r in (
            await use_cases.registrations(
                uow_factory=real(uow_factory), principal=operator("st-2"), activity_id=activity_id, page=PageRequest()
            )
        ).items
    ] == ["91440106MA59C1XE2H"]
    for outsider in (operator("st-3"), district_officer("440106")):
        with pytest.raises(Forbidden):
            await use_cases.registrations(
                uow_factory=real(uow_factory), principal=outsider, activity_id=activity_id, page=PageRequest()
            )
    with pytest.raises(Forbidden):
        await use_cases.cancel_activity(
            uow_factory=real(uow_factory), principal=operator("st-2"), activity_id=activity_id, reason="场地冲突"
        )

    cancelled = await use_cases.cancel_activity(
        uow_factory=real(uow_factory), principal=operator("st-1"), activity_id=activity_id, reason="场地冲突"
    )

    assert cancelled.status is ActivityStatus.CANCELLED
    [event] = uow_factory.world.events_of(ActivityCancelled)
    assert (event.activity_id, event.registered_count, event.reason) == (activity_id, 1, "场地冲突")


async def test_an_unknown_activity_is_not_found() -> None:
    uow_factory = await world_with()
    with pytest.raises(NotFound):
        await use_cases.get_activity(uow_factory=real(uow_factory), activity_id="nope")
    with pytest.raises(NotFound):
        await use_cases.register(uow_factory=real(uow_factory), activity_id="nope", registrant=registrant())
