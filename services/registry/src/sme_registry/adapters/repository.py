"""Loading and saving applications."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_registry.adapters.orm import applications
from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus


class ApplicationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, application: Application) -> None:
        await self._session.execute(insert(applications).values(**_row(application)))

    async def get(self, application_id: str, *, for_update: bool = False) -> Application | None:
        query = select(applications).where(applications.c.id == application_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        if row is None:
            return None
        return Application(**{**row, "kind": ApplicationKind(row["kind"]), "status": ApplicationStatus(row["status"])})

    async def save(self, application: Application) -> None:
        values = _row(application)
        await self._session.execute(update(applications).where(applications.c.id == application.id).values(**values))


def _row(application: Application) -> dict[str, object]:
    row = asdict(application)
    row["kind"] = application.kind.value
    row["status"] = application.status.value
    return row
