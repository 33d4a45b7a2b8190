"""Loading and saving stations, their status history, services and information changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import RowMapping, Select, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_contracts.common import OperatorType, RevocationGround, ServiceCategory, StationStatus
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_ignore
from sme_registry.adapters.orm import (
    station_changes,
    station_number_counters,
    station_services,
    station_status_history,
    stations,
)
from sme_registry.adapters.serialization import as_json, contact_from_json, institutions_from_json, staff_from_json
from sme_registry.domain.changes import ChangeKind, InfoChange
from sme_registry.domain.stations import ConventionSignature, Station, StatusChange


@dataclass(frozen=True)
class StationFilter:
    """Which stations a list shows; `district_code` / `uscc` also narrow it to what the caller may see."""

    district_code: str | None = None
    uscc: str | None = None
    statuses: tuple[StationStatus, ...] = ()
    service: ServiceCategory | None = None
    name_contains: str | None = None
    # With `convention_version`: True = signed that version, False = not signed it.
    convention_signed: bool | None = None
    convention_version: str | None = None


class StationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, station: Station) -> None:
        await self._session.execute(insert(stations).values(**_row(station)))
        await self._write_services(station)
        await self._append_history(station)

    async def save(self, station: Station) -> None:
        await self._session.execute(update(stations).where(stations.c.id == station.id).values(**_row(station)))
        await self._append_history(station)

    async def get(self, station_id: str, *, for_update: bool = False) -> Station | None:
        query = select(stations).where(stations.c.id == station_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return await self._station(row) if row else None

    async def of_application(self, application_id: str) -> Station | None:
        row = (
            (await self._session.execute(select(stations).where(stations.c.application_id == application_id)))
            .mappings()
            .first()
        )
        return await self._station(row) if row else None

    async def search(self, where: StationFilter, *, limit: int, offset: int) -> tuple[list[Station], int]:
        """One page of matching stations by station number, and how many match in all."""
        total = await self._session.scalar(_filtered(select(func.count()).select_from(stations), where))
        page = _filtered(select(stations), where).order_by(stations.c.station_number).limit(limit).offset(offset)
        rows = (await self._session.execute(page)).mappings().all()
        services = await self._services_of([row["id"] for row in rows])
        return [_station(row, services.get(row["id"], ())) for row in rows], int(total or 0)

    async def history(self, station_id: str, page: PageRequest) -> PageOf[StatusChange]:
        """One page of the station's status history, oldest first."""
        query = (
            select(station_status_history)
            .where(station_status_history.c.station_id == station_id)
            .order_by(station_status_history.c.id)
        )
        return (await fetch_page(self._session, query, page)).map(_status_change)

    async def next_number(self, year: int) -> int:
        """The next station sequence number of `year`; the counter row serialises concurrent callers."""
        await insert_or_ignore(self._session, station_number_counters, {"year": year, "last_number": 0}, keys=["year"])
        number = await self._session.scalar(
            update(station_number_counters)
            .where(station_number_counters.c.year == year)
            .values(last_number=station_number_counters.c.last_number + 1)
            .returning(station_number_counters.c.last_number)
        )
        return int(number or 0)

    async def add_change(self, change: InfoChange) -> None:
        await self._session.execute(
            insert(station_changes).values(
                id=change.id,
                station_id=change.station_id,
                kinds=[kind.value for kind in change.kinds],
                completed_on=change.completed_on,
                reported_on=change.reported_on,
                late=change.late,
                before=change.before,
                after=change.after,
                reported_at=change.reported_at,
                reported_by=change.reported_by,
            )
        )

    async def changes(self, station_id: str, page: PageRequest) -> PageOf[InfoChange]:
        """One page of the information changes the operator reported, newest first."""
        query = (
            select(station_changes)
            .where(station_changes.c.station_id == station_id)
            .order_by(station_changes.c.reported_at.desc(), station_changes.c.id)
        )
        return (await fetch_page(self._session, query, page)).map(_info_change)

    async def _write_services(self, station: Station) -> None:
        await self._session.execute(delete(station_services).where(station_services.c.station_id == station.id))
        if station.services:
            await self._session.execute(
                insert(station_services),
                [{"station_id": station.id, "category": service.value} for service in station.services],
            )

    async def _append_history(self, station: Station) -> None:
        if station.new_history:
            await self._session.execute(
                insert(station_status_history),
                [
                    {
                        "station_id": station.id,
                        "status": change.status.value,
                        "previous_status": change.previous_status.value if change.previous_status else None,
                        "reason": change.reason,
                        "revocation_ground": int(change.revocation_ground) if change.revocation_ground else None,
                        "effective_on": change.effective_on,
                        "changed_at": change.changed_at,
                    }
                    for change in station.new_history
                ],
            )
            station.new_history.clear()

    async def _station(self, row: RowMapping) -> Station:
        services = await self._services_of([row["id"]])
        return _station(row, services.get(row["id"], ()))

    async def _services_of(self, station_ids: list[str]) -> dict[str, tuple[ServiceCategory, ...]]:
        """The services of each station, in the guideline's order of the nine common services."""
        if not station_ids:
            return {}
        query = select(station_services).where(station_services.c.station_id.in_(station_ids))
        found: dict[str, list[ServiceCategory]] = {}
        for row in (await self._session.execute(query)).mappings():
            found.setdefault(row["station_id"], []).append(ServiceCategory(row["category"]))
        order = list(ServiceCategory)
        return {station_id: tuple(sorted(services, key=order.index)) for station_id, services in found.items()}


def _filtered(query: Select[Any], where: StationFilter) -> Select[Any]:
    if where.district_code is not None:
        query = query.where(stations.c.district_code == where.district_code)
    if where.uscc is not None:
        query = query.where(stations.c.uscc == where.uscc)
    if where.statuses:
        query = query.where(stations.c.status.in_([status.value for status in where.statuses]))
    if where.service is not None:
        offering = select(station_services.c.station_id).where(station_services.c.category == where.service.value)
        query = query.where(stations.c.id.in_(offering))
    if where.name_contains:
        query = query.where(
            or_(
                stations.c.name.contains(where.name_contains, autoescape=True),
                stations.c.entity_name.contains(where.name_contains, autoescape=True),
            )
        )
    if where.convention_signed is not None and where.convention_version is not None:
        signed = stations.c.convention_version == where.convention_version
        query = query.where(
            signed if where.convention_signed else or_(stations.c.convention_version.is_(None), ~signed)
        )
    return query


def _row(station: Station) -> dict[str, Any]:
    signature = station.convention
    return {
        "id": station.id,
        "station_number": station.station_number,
        "plaque_number": station.plaque_number,
        "application_id": station.application_id,
        "uscc": station.uscc,
        "entity_name": station.entity_name,
        "name": station.name,
        "district_code": station.district_code,
        "address": station.address,
        "registered_address": station.registered_address,
        "operator_type": station.operator_type.value,
        "personalised_services": station.personalised_services,
        "industries": list(station.industries),
        "service_area": station.service_area,
        "resident_institutions": as_json(station.resident_institutions),
        "legal_representative": station.legal_representative,
        "contact": as_json(station.contact),
        "staff": as_json(station.staff),
        "valid_from": station.valid_from,
        "valid_until": station.valid_until,
        "status": station.status.value,
        "revocation_ground": int(station.revocation_ground) if station.revocation_ground else None,
        "revocation_reason": station.revocation_reason,
        "revoked_on": station.revoked_on,
        "registered_at": station.registered_at,
        "updated_at": station.updated_at,
        "convention_version": signature.version if signature else None,
        "convention_signed_at": signature.signed_at if signature else None,
        "convention_signed_by": signature.signed_by if signature else None,
        "convention_signatory": (
            {"name": signature.signatory_name, "title": signature.signatory_title} if signature else None
        ),
    }


def _station(row: RowMapping, services: tuple[ServiceCategory, ...]) -> Station:
    signatory = row["convention_signatory"] or {}
    convention = (
        ConventionSignature(
            version=row["convention_version"],
            signed_at=row["convention_signed_at"],
            signed_by=row["convention_signed_by"],
            signatory_name=signatory.get("name", ""),
            signatory_title=signatory.get("title", ""),
        )
        if row["convention_version"]
        else None
    )
    return Station(
        id=row["id"],
        station_number=row["station_number"],
        plaque_number=row["plaque_number"],
        application_id=row["application_id"],
        uscc=row["uscc"],
        entity_name=row["entity_name"],
        name=row["name"],
        district_code=row["district_code"],
        address=row["address"],
        registered_address=row["registered_address"],
        operator_type=OperatorType(row["operator_type"]),
        services=services,
        personalised_services=row["personalised_services"],
        industries=tuple(row["industries"]),
        service_area=row["service_area"],
        resident_institutions=institutions_from_json(row["resident_institutions"]),
        legal_representative=row["legal_representative"],
        contact=contact_from_json(row["contact"]),
        staff=staff_from_json(row["staff"]),
        valid_from=row["valid_from"],
        valid_until=row["valid_until"],
        status=StationStatus(row["status"]),
        registered_at=row["registered_at"],
        updated_at=row["updated_at"],
        revocation_ground=RevocationGround(row["revocation_ground"]) if row["revocation_ground"] else None,
        revocation_reason=row["revocation_reason"],
        revoked_on=row["revoked_on"],
        convention=convention,
    )


def _status_change(row: RowMapping) -> StatusChange:
    return StatusChange(
        status=StationStatus(row["status"]),
        previous_status=StationStatus(row["previous_status"]) if row["previous_status"] else None,
        reason=row["reason"],
        effective_on=row["effective_on"],
        changed_at=row["changed_at"],
        revocation_ground=RevocationGround(row["revocation_ground"]) if row["revocation_ground"] else None,
    )


def _info_change(row: RowMapping) -> InfoChange:
    return InfoChange(
        id=row["id"],
        station_id=row["station_id"],
        kinds=tuple(ChangeKind(kind) for kind in row["kinds"]),
        completed_on=row["completed_on"],
        reported_on=row["reported_on"],
        late=row["late"],
        before=row["before"],
        after=row["after"],
        reported_at=row["reported_at"],
        reported_by=row["reported_by"],
    )
