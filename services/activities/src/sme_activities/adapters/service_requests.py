"""Service requests in the database."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import service_requests
from sme_activities.domain.service_requests import Assignment, Handling, Outcome, RequestStatus, ServiceRequest
from sme_contracts.common import ServiceCategory
from sme_kit.paging import PageOf, PageRequest, fetch_page

_NOT_COUNTED = (RequestStatus.PENDING_CONFIRMATION.value, RequestStatus.VOID.value)


class ServiceRequestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, request: ServiceRequest) -> None:
        await self._session.execute(insert(service_requests).values(**_row(request)))

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None:
        query = select(service_requests).where(service_requests.c.id == request_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _request(row) if row else None

    async def save(self, request: ServiceRequest) -> None:
        await self._session.execute(
            update(service_requests).where(service_requests.c.id == request.id).values(**_row(request))
        )

    async def waiting_for_calendar(self, year: int) -> list[ServiceRequest]:
        """Requests still to be accepted whose deadline waits for ``year``'s holiday schedule, locked."""
        query = (
            select(service_requests)
            .where(
                service_requests.c.acceptance_due_waits_for_year == year,
                service_requests.c.status == RequestStatus.RECEIVED.value,
            )
            .order_by(service_requests.c.received_at)
            .with_for_update()
        )
        return [_request(row) for row in (await self._session.execute(query)).mappings()]

    async def search(
        self,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RequestStatus | None = None,
        escalated: bool | None = None,
        limit: int = 200,
    ) -> list[ServiceRequest]:
        """Requests that count (never one awaiting its contact's confirmation, nor a void one), newest first."""
        query = _counted(station_id, district_code, status, escalated).limit(limit)
        return [_request(row) for row in (await self._session.execute(query)).mappings()]

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
        """One page of the requests that count, newest first; ``with_station_only`` leaves out those no
        station was chosen for (the head station's own)."""
        query = _counted(station_id, district_code, status, escalated)
        if with_station_only:
            query = query.where(service_requests.c.station_id.isnot(None))
        return (await fetch_page(self._session, query, page)).map(_request)


def _counted(
    station_id: str | None, district_code: str | None, status: RequestStatus | None, escalated: bool | None
) -> Select[Any]:
    query = (
        select(service_requests)
        .where(service_requests.c.status.notin_(_NOT_COUNTED))
        .order_by(service_requests.c.received_at.desc(), service_requests.c.id)
    )
    if station_id is not None:
        query = query.where(service_requests.c.station_id == station_id)
    if district_code is not None:
        query = query.where(service_requests.c.district_code == district_code)
    if status is not None:
        query = query.where(service_requests.c.status == status.value)
    if escalated is not None:
        column = service_requests.c.escalated_at
        query = query.where(column.isnot(None) if escalated else column.is_(None))
    return query


def _row(request: ServiceRequest) -> dict[str, Any]:
    row = asdict(request)
    for name in ("category", "assignment", "status", "handling", "outcome"):
        value = getattr(request, name)
        row[name] = value.value if value is not None else None
    return row


def _request(row: Any) -> ServiceRequest:
    values = dict(row)
    values["category"] = ServiceCategory(values["category"]) if values["category"] else None
    values["assignment"] = Assignment(values["assignment"]) if values["assignment"] else None
    values["status"] = RequestStatus(values["status"])
    values["handling"] = Handling(values["handling"]) if values["handling"] else None
    values["outcome"] = Outcome(values["outcome"]) if values["outcome"] else None
    values["accepted_late"] = bool(values["accepted_late"])
    values["by_head_station"] = bool(values["by_head_station"])
    return ServiceRequest(**values)
