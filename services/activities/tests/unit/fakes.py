"""In-memory repositories and unit of work of the activities service, for use-case tests.

Each repository keeps its objects in a dict by id and hands out copies, so a test (or a use case
that forgets to save) cannot change stored state by holding on to an object; only ``add``/``save``
do. Locks (``for_update``) mean nothing in memory and are accepted and ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TypeVar, cast, overload

from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork, ActivitiesUoWFactory
from sme_activities.domain.activities import Activity, ActivityStatus
from sme_activities.domain.confirmations import ContactConfirmation
from sme_activities.domain.demand_reports import DemandReport
from sme_activities.domain.promotion import PromotionSession
from sme_activities.domain.registrations import Registration, RegistrationStatus
from sme_activities.domain.service_requests import RequestStatus, ServiceRequest
from sme_activities.domain.stations import Candidate, Station, StationStatus
from sme_activities.domain.theme_months import ThemeMonth
from sme_activities.domain.trainings import Training
from sme_kit.clock import MovableClock
from sme_kit.paging import PageOf, PageRequest
from sme_kit.testing.fakes import FakeUnitOfWork, FakeUnitOfWorkFactory, World, copied, copied_page
from sme_kit.uow import Actor

T = TypeVar("T")


class InMemoryStations:
    def __init__(self) -> None:
        self.items: dict[str, Station] = {}
        self.open_requests: dict[str, int] = {}  # what the database counts from service_requests

    async def get(self, station_id: str) -> Station | None:
        found = self.items.get(station_id)
        return copied(found) if found else None

    async def many(self, station_ids: Iterable[str]) -> dict[str, Station]:
        return {sid: copied(self.items[sid]) for sid in set(station_ids) if sid in self.items}

    async def all(self, *, district_code: str | None = None, active_only: bool = False) -> list[Station]:
        return [
            copied(station)
            for _, station in sorted(self.items.items())
            if (district_code is None or station.district_code == district_code)
            and (not active_only or station.status is StationStatus.ACTIVE)
        ]

    async def find(
        self, *, district_code: str | None = None, active_only: bool = False, page: PageRequest
    ) -> PageOf[Station]:
        return copied_page(await self.all(district_code=district_code, active_only=active_only), page)

    async def save(self, station: Station) -> None:
        self.items[station.id] = copied(station)

    async def candidates(self, district_code: str) -> list[Candidate]:
        return [
            Candidate(station, self.open_requests.get(station.id, 0))
            for station in await self.all(district_code=district_code, active_only=True)
        ]


class InMemoryThemeMonths:
    def __init__(self) -> None:
        self.items: dict[str, ThemeMonth] = {}

    async def get(self, theme_month_id: str) -> ThemeMonth | None:
        found = self.items.get(theme_month_id)
        return copied(found) if found else None

    async def of_year(self, year: int) -> list[ThemeMonth]:
        return [copied(m) for m in sorted(self.items.values(), key=lambda m: m.month) if m.year == year]

    async def save(self, month: ThemeMonth) -> None:
        self.items[month.id] = copied(month)


class InMemoryActivities:
    def __init__(self) -> None:
        self.items: dict[str, Activity] = {}
        self.registration_items: dict[str, Registration] = {}

    async def add(self, activity: Activity) -> None:
        assert activity.id not in self.items, "duplicate activity id"
        self.items[activity.id] = copied(activity)

    async def get(self, activity_id: str, *, for_update: bool = False) -> Activity | None:
        found = self.items.get(activity_id)
        return copied(found) if found else None

    async def save(self, activity: Activity) -> None:
        assert activity.id in self.items, "saving an activity never added"
        self.items[activity.id] = copied(activity)

    async def search(
        self,
        *,
        status: ActivityStatus | None = None,
        theme_month_id: str | None = None,
        station_id: str | None = None,
        starts_after: datetime | None = None,
        page: PageRequest,
    ) -> PageOf[Activity]:
        return copied_page(self._matching(status, theme_month_id, station_id, starts_after), page)

    def _matching(
        self,
        status: ActivityStatus | None,
        theme_month_id: str | None,
        station_id: str | None,
        starts_after: datetime | None,
    ) -> list[Activity]:
        return [
            a
            for a in sorted(self.items.values(), key=lambda a: (a.starts_at, a.id))
            if (status is None or a.status is status)
            and (theme_month_id is None or a.theme_month_id == theme_month_id)
            and (starts_after is None or a.starts_at > starts_after)
            and (station_id is None or a.involves(station_id))
        ]

    async def future_of_station(self, station_id: str, now: datetime) -> list[Activity]:
        return [copied(a) for a in self._matching(ActivityStatus.SCHEDULED, None, station_id, now)]

    async def is_registered(self, activity_id: str, uscc: str) -> bool:
        return any(
            r.activity_id == activity_id and r.uscc == uscc and r.status is RegistrationStatus.REGISTERED
            for r in self.registration_items.values()
        )

    async def add_registration(self, registration: Registration) -> None:
        self.registration_items[registration.id] = copied(registration)

    async def registration(self, registration_id: str, *, for_update: bool = False) -> Registration | None:
        found = self.registration_items.get(registration_id)
        return copied(found) if found else None

    async def save_registration(self, registration: Registration) -> None:
        self.registration_items[registration.id] = copied(registration)

    async def registrations(self, activity_id: str, page: PageRequest) -> PageOf[Registration]:
        found = [
            r
            for r in self.registration_items.values()
            if r.activity_id == activity_id and r.status is RegistrationStatus.REGISTERED
        ]
        return copied_page(sorted(found, key=lambda r: (r.registered_at or r.submitted_at, r.id)), page)


class InMemoryConfirmations:
    def __init__(self) -> None:
        self.items: dict[str, ContactConfirmation] = {}

    async def add(self, confirmation: ContactConfirmation) -> None:
        self.items[confirmation.reference] = copied(confirmation)

    async def get(self, reference: str, *, for_update: bool = False) -> ContactConfirmation | None:
        found = self.items.get(reference)
        return copied(found) if found else None

    async def save(self, confirmation: ContactConfirmation) -> None:
        self.items[confirmation.reference] = copied(confirmation)


class InMemoryTrainings:
    def __init__(self) -> None:
        self.items: dict[str, Training] = {}
        self.stations = InMemoryStations()  # the world's, set by the unit of work: districts of attendees

    async def add(self, training: Training) -> None:
        self.items[training.id] = copied(training)

    async def get(self, training_id: str) -> Training | None:
        found = self.items.get(training_id)
        return copied(found) if found else None

    async def search(
        self,
        *,
        year: int | None = None,
        attended_by_station: str | None = None,
        attended_from_district: str | None = None,
        page: PageRequest,
    ) -> PageOf[Training]:
        def attended(training: Training) -> bool:
            station_ids = {a.station_id for a in training.attendees}
            if attended_by_station is not None and attended_by_station not in station_ids:
                return False
            if attended_from_district is not None:
                districts = {self.stations.items[s].district_code for s in station_ids if s in self.stations.items}
                return attended_from_district in districts
            return True

        by_date = sorted(sorted(self.items.values(), key=lambda t: t.id), key=lambda t: t.held_on, reverse=True)
        return copied_page([t for t in by_date if (year is None or t.held_on.year == year) and attended(t)], page)


class InMemoryPromotion:
    def __init__(self) -> None:
        self.sessions: dict[str, PromotionSession] = {}
        self.warned: dict[tuple[str, date], dict[str, Any]] = {}

    async def add(self, session: PromotionSession) -> None:
        self.sessions[session.id] = copied(session)

    async def counts(self, year: int, station_ids: list[str] | None = None) -> dict[str, int]:
        found: dict[str, int] = {}
        for session in self.sessions.values():
            if session.year == year and (station_ids is None or session.station_id in station_ids):
                found[session.station_id] = found.get(session.station_id, 0) + 1
        return found

    async def of_station(self, station_id: str, year: int, page: PageRequest) -> PageOf[PromotionSession]:
        found = [s for s in self.sessions.values() if s.station_id == station_id and s.year == year]
        return copied_page(sorted(found, key=lambda s: (s.held_on, s.recorded_at, s.id)), page)

    async def warn_once(
        self, *, station_id: str, district_code: str, year: int, count: int, checked_on: date, now: datetime
    ) -> bool:
        if (station_id, checked_on) in self.warned:
            return False
        self.warned[(station_id, checked_on)] = {"year": year, "district_code": district_code, "count": count}
        return True

    async def warnings(self, year: int) -> dict[str, list[date]]:
        found: dict[str, list[date]] = {}
        for (station_id, checked_on), row in sorted(self.warned.items(), key=lambda item: item[0][1]):
            if row["year"] == year:
                found.setdefault(station_id, []).append(checked_on)
        return found


class InMemoryDemandReports:
    def __init__(self) -> None:
        self.items: dict[str, DemandReport] = {}
        self.revisions: dict[str, list[dict[str, Any]]] = {}

    async def get(self, report_id: str) -> DemandReport | None:
        found = self.items.get(report_id)
        return copied(found) if found else None

    async def of_period(
        self, station_id: str, year: int, quarter: int, *, for_update: bool = False
    ) -> DemandReport | None:
        for report in self.items.values():
            if (report.station_id, report.year, report.quarter) == (station_id, year, quarter):
                return copied(report)
        return None

    async def save(self, report: DemandReport, *, replaced: DemandReport | None) -> None:
        if replaced is not None:
            self.revisions.setdefault(replaced.id, []).append(
                {"report_id": replaced.id, "revision": replaced.revision, "submitted_at": replaced.submitted_at}
            )
        self.items[report.id] = copied(report)

    async def history(self, report_id: str) -> list[dict[str, Any]]:
        return [dict(row) for row in self.revisions.get(report_id, [])]

    async def search(
        self,
        *,
        year: int | None = None,
        quarter: int | None = None,
        district_code: str | None = None,
        station_id: str | None = None,
    ) -> list[DemandReport]:
        return [
            copied(r)
            for r in sorted(self.items.values(), key=lambda r: (r.year, r.quarter, r.station_id))
            if (year is None or r.year == year)
            and (quarter is None or r.quarter == quarter)
            and (district_code is None or r.district_code == district_code)
            and (station_id is None or r.station_id == station_id)
        ]

    async def find(
        self,
        *,
        year: int | None = None,
        quarter: int | None = None,
        district_code: str | None = None,
        station_id: str | None = None,
        page: PageRequest,
    ) -> PageOf[DemandReport]:
        found = await self.search(year=year, quarter=quarter, district_code=district_code, station_id=station_id)
        return copied_page(sorted(found, key=lambda r: (r.year, r.quarter, r.station_id, r.id)), page)


class InMemoryServiceRequests:
    def __init__(self) -> None:
        self.items: dict[str, ServiceRequest] = {}

    async def add(self, request: ServiceRequest) -> None:
        self.items[request.id] = copied(request)

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None:
        found = self.items.get(request_id)
        return copied(found) if found else None

    async def save(self, request: ServiceRequest) -> None:
        self.items[request.id] = copied(request)

    async def waiting_for_calendar(self, year: int) -> list[ServiceRequest]:
        found = [
            r
            for r in self.items.values()
            if r.acceptance_due_waits_for_year == year and r.status is RequestStatus.RECEIVED
        ]
        return [copied(r) for r in sorted(found, key=lambda r: r.received_at)]

    async def search(
        self,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RequestStatus | None = None,
        escalated: bool | None = None,
        limit: int = 200,
    ) -> list[ServiceRequest]:
        found = [
            copied(r)
            for r in sorted(self.items.values(), key=lambda r: r.received_at, reverse=True)
            if r.counts
            and (station_id is None or r.station_id == station_id)
            and (district_code is None or r.district_code == district_code)
            and (status is None or r.status is status)
            and (escalated is None or r.escalated == escalated)
        ]
        return found[:limit]

    async def find(
        self,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RequestStatus | None = None,
        escalated: bool | None = None,
        with_station_only: bool = False,
        page: PageRequest,
    ) -> PageOf[ServiceRequest]:
        found = [
            r
            for r in await self.search(
                station_id=station_id, district_code=district_code, status=status, escalated=escalated, limit=10_000
            )
            if not with_station_only or r.station_id is not None
        ]
        newest_first = sorted(sorted(found, key=lambda r: r.id), key=lambda r: r.received_at, reverse=True)
        return copied_page(newest_first, page)


class FakeActivitiesUnitOfWork(FakeUnitOfWork):
    """The activities unit of work in memory: the same repositories under the same names."""

    def __init__(self, world: World, actor: Actor) -> None:
        super().__init__(world, actor)
        self.stations = world.repository(InMemoryStations)
        self.theme_months = world.repository(InMemoryThemeMonths)
        self.activities = world.repository(InMemoryActivities)
        self.confirmations = world.repository(InMemoryConfirmations)
        self.trainings = world.repository(InMemoryTrainings)
        self.trainings.stations = self.stations
        self.promotion = world.repository(InMemoryPromotion)
        self.demand_reports = world.repository(InMemoryDemandReports)
        self.service_requests = world.repository(InMemoryServiceRequests)


def fake_factory(now: datetime) -> FakeUnitOfWorkFactory[FakeActivitiesUnitOfWork]:
    """A fresh in-memory world whose clock stands at ``now``."""
    return FakeUnitOfWorkFactory(FakeActivitiesUnitOfWork, clock=MovableClock.starting_at(now))


@overload
def real(fake: FakeUnitOfWorkFactory[FakeActivitiesUnitOfWork]) -> ActivitiesUoWFactory: ...


@overload
def real(fake: FakeActivitiesUnitOfWork) -> ActivitiesUnitOfWork: ...


def real(
    fake: FakeUnitOfWorkFactory[FakeActivitiesUnitOfWork] | FakeActivitiesUnitOfWork,
) -> ActivitiesUoWFactory | ActivitiesUnitOfWork:
    """The fake as the use cases and handlers take it: the same calls in memory, under the real type."""
    return cast("ActivitiesUoWFactory | ActivitiesUnitOfWork", fake)
