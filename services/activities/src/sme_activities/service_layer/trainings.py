"""Use cases of staff trainings (§3.3.2)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUoWFactory
from sme_activities.domain.trainings import Attendee, Training, attendance_by_station, check_training
from sme_activities.service_layer.access import CITY_WIDE, sees_station
from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor


@dataclass(frozen=True)
class RecordTraining:
    title: str
    content: str
    held_on: date
    venue: str | None
    attendees: list[Attendee]


async def record_training(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, command: RecordTraining
) -> Training:
    """The head station records a training it held and who of each station's staff attended."""
    async with uow_factory(Actor.of(principal)) as uow:
        stations = await uow.stations.many(a.station_id for a in command.attendees)
        now = uow.clock.now()
        check_training(
            held_on=command.held_on, today=now.date(), attendees=command.attendees, known_station_ids=set(stations)
        )
        training = Training(
            id=str(uuid.uuid4()),
            title=command.title,
            content=command.content,
            held_on=command.held_on,
            venue=command.venue,
            attendees=list(command.attendees),
            recorded_by=principal.subject,
            recorded_at=now,
        )
        counts = attendance_by_station(training.attendees, {sid: s.district_code for sid, s in stations.items()})
        await uow.trainings.add(training)
        uow.publish(publisher.training_held(training, counts))
        uow.audit("record", "training", training.id, stations=len(counts), attended=sum(c.attended for c in counts))
        await uow.commit()
    return training


async def _visible(
    uow_factory: ActivitiesUoWFactory, principal: Principal, trainings: list[Training]
) -> list[Training]:
    """Each training with the attendees the caller may see; trainings with none of them are left out."""
    if principal.is_role(*CITY_WIDE):
        return trainings
    async with uow_factory(Actor.of(principal)) as uow:
        stations = await uow.stations.many(a.station_id for t in trainings for a in t.attendees)
    visible = []
    for training in trainings:
        attendees = [
            a
            for a in training.attendees
            if sees_station(
                principal, a.station_id, stations[a.station_id].district_code if a.station_id in stations else None
            )
        ]
        if attendees:
            visible.append(replace(training, attendees=attendees))
    return visible


async def find_trainings(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, year: int | None, page: PageRequest
) -> PageOf[Training]:
    """Trainings: all for the head station and bureau; a district or station sees its own staff's attendance.

    The database picks the trainings the caller sees any attendee of, so pages and the total count
    only those; each is then cut down to the attendees the caller may see."""
    station_id = district_code = None
    if not principal.is_role(*CITY_WIDE):
        if principal.is_role(Role.DISTRICT_OFFICER) and principal.district:
            district_code = principal.district
        elif principal.is_role(Role.STATION_OPERATOR) and principal.station_id:
            station_id = principal.station_id
        else:
            return PageOf.of([], 0, page)
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.trainings.search(
            year=year, attended_by_station=station_id, attended_from_district=district_code, page=page
        )
    visible = await _visible(uow_factory, principal, list(found.items))
    return PageOf.of(visible, found.total, page)


async def get_training(*, uow_factory: ActivitiesUoWFactory, principal: Principal, training_id: str) -> Training:
    async with uow_factory(Actor.of(principal)) as uow:
        training = await uow.trainings.get(training_id)
    visible = await _visible(uow_factory, principal, [training] if training else [])
    if not visible:
        raise NotFound(f"没有编号为 {training_id} 的培训 (no such training)")
    return visible[0]
