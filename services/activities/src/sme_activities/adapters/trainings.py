"""Trainings and attendance in the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import stations, training_attendees, trainings
from sme_activities.domain.trainings import Attendee, Training
from sme_kit.paging import PageOf, PageRequest, fetch_page


class TrainingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, training: Training) -> None:
        await self._session.execute(
            insert(trainings).values(
                id=training.id,
                title=training.title,
                content=training.content,
                held_on=training.held_on,
                venue=training.venue,
                recorded_by=training.recorded_by,
                recorded_at=training.recorded_at,
            )
        )
        await self._session.execute(
            insert(training_attendees),
            [
                {
                    "training_id": training.id,
                    "position_no": number,
                    "station_id": attendee.station_id,
                    "staff_name": attendee.staff_name,
                    "position": attendee.position,
                    "attended": attendee.attended,
                }
                for number, attendee in enumerate(training.attendees, start=1)
            ],
        )

    async def get(self, training_id: str) -> Training | None:
        row = (await self._session.execute(select(trainings).where(trainings.c.id == training_id))).mappings().first()
        if row is None:
            return None
        return Training(**row, attendees=await self._attendees(training_id))

    async def search(
        self,
        *,
        year: int | None = None,
        attended_by_station: str | None = None,
        attended_from_district: str | None = None,
        page: PageRequest,
    ) -> PageOf[Training]:
        """Trainings, latest first: of a year, with staff of a station, or with staff of a district's stations."""
        query = select(trainings).order_by(trainings.c.held_on.desc(), trainings.c.id)
        if year is not None:
            query = query.where(trainings.c.held_on.between(date(year, 1, 1), date(year, 12, 31)))
        attendees = training_attendees.c
        if attended_by_station is not None:
            query = query.where(
                exists().where(attendees.training_id == trainings.c.id, attendees.station_id == attended_by_station)
            )
        if attended_from_district is not None:
            of_district = select(stations.c.id).where(stations.c.district_code == attended_from_district)
            query = query.where(
                exists().where(attendees.training_id == trainings.c.id, attendees.station_id.in_(of_district))
            )
        found = await fetch_page(self._session, query, page)
        return PageOf(
            [Training(**row, attendees=await self._attendees(row["id"])) for row in found.items],
            found.total,
            found.limit,
            found.offset,
        )

    async def _attendees(self, training_id: str) -> list[Attendee]:
        query = (
            select(training_attendees)
            .where(training_attendees.c.training_id == training_id)
            .order_by(training_attendees.c.position_no)
        )
        return [
            Attendee(row["station_id"], row["staff_name"], row["position"], bool(row["attended"]))
            for row in (await self._session.execute(query)).mappings()
        ]
