"""What the use-case tests share: a world at a fixed moment, stations in it, callers, and the last code sent."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sme_activities.domain.stations import Station, StationStatus
from sme_contracts.activities import ContactConfirmationRequested
from sme_contracts.common import ServiceCategory
from sme_kit.auth import Principal, Role
from sme_kit.clock import MovableClock
from sme_kit.testing.fakes import FakeUnitOfWorkFactory

from .fakes import FakeActivitiesUnitOfWork, fake_factory

NOW = datetime.fromisoformat("2026-11-27T10:00:00+08:00")  # a Friday
HEAD = Principal("head-1", Role.HEAD_STATION_STAFF)
BUREAU = Principal("bureau-1", Role.BUREAU_ADMIN)

Factory = FakeUnitOfWorkFactory[FakeActivitiesUnitOfWork]


def operator(station_id: str) -> Principal:
    return Principal(f"op-{station_id}", Role.STATION_OPERATOR, org="91440106MA59C1XE2H", station_id=station_id)


def district_officer(district: str) -> Principal:
    return Principal(f"do-{district}", Role.DISTRICT_OFFICER, district=district)


def station(station_id: str, district: str = "440106", status: StationStatus = StationStatus.ACTIVE) -> Station:
    return Station(
        id=station_id,
        uscc="91440106MA59C1XE2H",
        name=f"服务站（{station_id}）",
        district_code=district,
        services=[ServiceCategory.FINANCING, ServiceCategory.LEGAL],
        status=status,
        valid_until=date(2029, 5, 31),
        updated_at=NOW - timedelta(days=30),
    )


async def world_with(*stations: Station) -> Factory:
    """A fresh world at NOW with these stations in its read model."""
    uow_factory = fake_factory(NOW)
    async with uow_factory() as uow:
        for each in stations:
            await uow.stations.save(each)
        await uow.commit()
    return uow_factory


def clock_of(uow_factory: Factory) -> MovableClock:
    """The world's clock, which the tests move (`fake_factory` makes it a movable one)."""
    clock = uow_factory.world.clock
    assert isinstance(clock, MovableClock)
    return clock


def last_code(uow_factory: Factory, reference: str) -> str:
    """The code most recently sent for the form ``reference`` (the event carries it to the notifier)."""
    sent = [
        event for event in uow_factory.world.events_of(ContactConfirmationRequested) if event.reference == reference
    ]
    return sent[-1].code


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"
