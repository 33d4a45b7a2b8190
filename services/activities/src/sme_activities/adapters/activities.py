"""Activities and their registrations in the database."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import activities, activity_registrations
from sme_activities.domain.activities import Activity, ActivityStatus, ActivityType, CancelReason
from sme_activities.domain.registrations import Registration, RegistrationStatus
from sme_kit.paging import PageOf, PageRequest, fetch_page


class ActivityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, activity: Activity) -> None:
        await self._session.execute(insert(activities).values(**_row(activity)))

    async def get(self, activity_id: str, *, for_update: bool = False) -> Activity | None:
        query = select(activities).where(activities.c.id == activity_id)
        if for_update:
            # Serialises registrations of one activity, so capacity holds under concurrent requests.
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _activity(row) if row else None

    async def save(self, activity: Activity) -> None:
        await self._session.execute(update(activities).where(activities.c.id == activity.id).values(**_row(activity)))

    async def search(
        self,
        *,
        status: ActivityStatus | None = None,
        theme_month_id: str | None = None,
        station_id: str | None = None,
        starts_after: datetime | None = None,
        page: PageRequest,
    ) -> PageOf[Activity]:
        """Activities matching the filters, earliest first (the id breaks ties, so pages never overlap)."""
        query = select(activities).order_by(activities.c.starts_at, activities.c.id)
        if status is not None:
            query = query.where(activities.c.status == status.value)
        if theme_month_id is not None:
            query = query.where(activities.c.theme_month_id == theme_month_id)
        if starts_after is not None:
            query = query.where(activities.c.starts_at > starts_after)
        if station_id is not None:
            # Co-organisers live in a JSON list of strings: its text holds the id in quotes, on
            # PostgreSQL and SQLite alike, so the database counts and slices the station's activities.
            co_organisers = cast(activities.c.co_organiser_station_ids, String)
            query = query.where(
                or_(
                    activities.c.organiser_station_id == station_id,
                    co_organisers.contains(json.dumps(station_id), autoescape=True),
                )
            )
        return (await fetch_page(self._session, query, page)).map(_activity)

    async def future_of_station(self, station_id: str, now: datetime) -> list[Activity]:
        """Scheduled activities not yet started that the station organises or co-organises."""
        query = (
            select(activities)
            .where(activities.c.status == ActivityStatus.SCHEDULED.value, activities.c.starts_at > now)
            .order_by(activities.c.starts_at)
            .with_for_update()
        )
        found = [_activity(row) for row in (await self._session.execute(query)).mappings()]
        return [activity for activity in found if activity.involves(station_id)]

    async def is_registered(self, activity_id: str, uscc: str) -> bool:
        """Whether the enterprise holds a (confirmed) registration for the activity."""
        query = select(activity_registrations.c.id).where(
            activity_registrations.c.activity_id == activity_id,
            activity_registrations.c.uscc == uscc,
            activity_registrations.c.status == RegistrationStatus.REGISTERED.value,
        )
        return (await self._session.execute(query)).first() is not None

    async def add_registration(self, registration: Registration) -> None:
        await self._session.execute(insert(activity_registrations).values(**_registration_row(registration)))

    async def registration(self, registration_id: str, *, for_update: bool = False) -> Registration | None:
        query = select(activity_registrations).where(activity_registrations.c.id == registration_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _registration(row) if row else None

    async def save_registration(self, registration: Registration) -> None:
        await self._session.execute(
            update(activity_registrations)
            .where(activity_registrations.c.id == registration.id)
            .values(**_registration_row(registration))
        )

    async def registrations(self, activity_id: str, page: PageRequest) -> PageOf[Registration]:
        """The registered enterprises, in the order they were registered (pending and void ones never)."""
        query = (
            select(activity_registrations)
            .where(
                activity_registrations.c.activity_id == activity_id,
                activity_registrations.c.status == RegistrationStatus.REGISTERED.value,
            )
            .order_by(activity_registrations.c.registered_at, activity_registrations.c.id)
        )
        return (await fetch_page(self._session, query, page)).map(_registration)


def _registration(row: Any) -> Registration:
    values = dict(row)
    values["status"] = RegistrationStatus(values["status"])
    return Registration(**values)


def _registration_row(registration: Registration) -> dict[str, Any]:
    row = asdict(registration)
    row["status"] = registration.status.value
    return row


def _activity(row: Any) -> Activity:
    values = dict(row)
    values["activity_type"] = ActivityType(values["activity_type"])
    values["status"] = ActivityStatus(values["status"])
    code = values["cancel_reason_code"]
    values["cancel_reason_code"] = CancelReason(code) if code else None
    for name in ("co_organiser_station_ids", "withdrawn_co_organiser_ids", "institutions"):
        values[name] = list(values[name])
    return Activity(**values)


def _row(activity: Activity) -> dict[str, Any]:
    row = asdict(activity)
    row["activity_type"] = activity.activity_type.value
    row["status"] = activity.status.value
    row["cancel_reason_code"] = activity.cancel_reason_code.value if activity.cancel_reason_code else None
    return row
