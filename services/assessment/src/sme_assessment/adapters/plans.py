"""Deadlines, work plans and summaries, and lapse records in the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_assessment.adapters.orm import work_deadlines, work_documents, work_lapses
from sme_assessment.adapters.rows import row_of
from sme_assessment.domain.plans import Deadlines, DocumentKind, Lapse, LapseStatus, WorkDocument
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update


class DeadlineRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, year: int) -> Deadlines | None:
        query = select(work_deadlines).where(work_deadlines.c.year == year)
        row = (await self._session.execute(query)).mappings().first()
        return Deadlines(**row) if row else None

    async def all(self) -> list[Deadlines]:
        rows = (await self._session.execute(select(work_deadlines).order_by(work_deadlines.c.year))).mappings()
        return [Deadlines(**row) for row in rows]

    async def page(self, request: PageRequest) -> PageOf[Deadlines]:
        """A page of every year's deadlines, by year."""
        found = await fetch_page(self._session, select(work_deadlines).order_by(work_deadlines.c.year), request)
        return found.map(lambda row: Deadlines(**row))

    async def save(self, deadlines: Deadlines) -> None:
        await insert_or_update(self._session, work_deadlines, row_of(deadlines), keys=["year"])


class WorkDocumentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, document_id: str) -> WorkDocument | None:
        query = select(work_documents).where(work_documents.c.id == document_id)
        row = (await self._session.execute(query)).mappings().first()
        return _document(row) if row else None

    async def of_station(self, station_id: str, kind: DocumentKind, year: int) -> WorkDocument | None:
        query = select(work_documents).where(
            work_documents.c.station_id == station_id,
            work_documents.c.kind == kind.value,
            work_documents.c.year == year,
        )
        row = (await self._session.execute(query)).mappings().first()
        return _document(row) if row else None

    async def search(
        self,
        *,
        year: int | None = None,
        kind: DocumentKind | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
    ) -> list[WorkDocument]:
        query = _documents(year=year, kind=kind, station_id=station_id, district_code=district_code)
        return [_document(row) for row in (await self._session.execute(query)).mappings()]

    async def page(
        self,
        request: PageRequest,
        *,
        year: int | None = None,
        kind: DocumentKind | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
    ) -> PageOf[WorkDocument]:
        """A page of the matching documents, by year, station and kind."""
        query = _documents(year=year, kind=kind, station_id=station_id, district_code=district_code)
        return (await fetch_page(self._session, query, request)).map(_document)

    async def save(self, document: WorkDocument) -> None:
        await insert_or_update(self._session, work_documents, row_of(document), keys=["id"])


class LapseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, station_id: str, kind: DocumentKind, year: int) -> Lapse | None:
        query = select(work_lapses).where(
            work_lapses.c.station_id == station_id, work_lapses.c.kind == kind.value, work_lapses.c.year == year
        )
        row = (await self._session.execute(query)).mappings().first()
        return _lapse(row) if row else None

    async def of_year(self, year: int, *, district_code: str | None = None) -> list[Lapse]:
        query = _lapses(year, district_code)
        return [_lapse(row) for row in (await self._session.execute(query)).mappings()]

    async def page_of_year(self, year: int, request: PageRequest, *, district_code: str | None = None) -> PageOf[Lapse]:
        """A page of the year's lapses, by station and kind."""
        return (await fetch_page(self._session, _lapses(year, district_code), request)).map(_lapse)

    async def save(self, lapse: Lapse) -> None:
        await insert_or_update(self._session, work_lapses, row_of(lapse), keys=["station_id", "kind", "year"])


def _documents(
    *, year: int | None, kind: DocumentKind | None, station_id: str | None, district_code: str | None
) -> Select[Any]:
    query = select(work_documents).order_by(
        work_documents.c.year, work_documents.c.station_id, work_documents.c.kind, work_documents.c.id
    )
    if year is not None:
        query = query.where(work_documents.c.year == year)
    if kind is not None:
        query = query.where(work_documents.c.kind == kind.value)
    if station_id is not None:
        query = query.where(work_documents.c.station_id == station_id)
    if district_code is not None:
        query = query.where(work_documents.c.district_code == district_code)
    return query


def _lapses(year: int, district_code: str | None) -> Select[Any]:
    query = select(work_lapses).where(work_lapses.c.year == year).order_by(work_lapses.c.station_id, work_lapses.c.kind)
    if district_code is not None:
        query = query.where(work_lapses.c.district_code == district_code)
    return query


def _document(row: Any) -> WorkDocument:
    return WorkDocument(**{**row, "kind": DocumentKind(row["kind"])})


def _lapse(row: Any) -> Lapse:
    return Lapse(**{**row, "kind": DocumentKind(row["kind"]), "status": LapseStatus(row["status"])})
