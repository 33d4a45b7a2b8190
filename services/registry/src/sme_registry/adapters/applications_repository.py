"""Loading and saving applications, their district decisions and their attachments."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, Select, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_registry.adapters.orm import application_attachments, application_decisions, applications
from sme_registry.adapters.serialization import form_from_json, form_to_json
from sme_registry.domain.applications import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    Decision,
    DistrictDecision,
)
from sme_registry.domain.forms import ApplicationForm, AttachmentKind


@dataclass(frozen=True)
class ApplicationFilter:
    """Which applications a list shows; `district_code` / `uscc` narrow it to what the caller may see.

    `text`: part of the entity's name or of its USCC, in any case ("天河", "ma59c1")."""

    district_code: str | None = None
    uscc: str | None = None
    status: ApplicationStatus | None = None
    round_year: int | None = None
    kind: ApplicationKind | None = None
    text: str | None = None
    exclude_drafts: bool = False


@dataclass(frozen=True)
class Attachment:
    file_id: str
    application_id: str
    kind: AttachmentKind
    attached_at: datetime


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
        decisions = await self._decisions(application_id)
        return _application(row, decisions)

    async def save(self, application: Application) -> None:
        await self._session.execute(
            update(applications).where(applications.c.id == application.id).values(**_row(application))
        )

    async def add_decision(self, application_id: str, decision: DistrictDecision) -> None:
        await self._session.execute(
            insert(application_decisions).values(
                application_id=application_id,
                decision=decision.decision.value,
                reasons=list(decision.reasons),
                opinion=decision.opinion,
                officer=decision.officer,
                district_code=decision.district_code,
                decided_at=decision.decided_at,
            )
        )

    async def search(self, where: ApplicationFilter, *, limit: int, offset: int) -> tuple[list[Application], int]:
        """One page of matching applications, newest first, and how many match in all."""
        query = _filtered(select(applications), where)
        total = await self._session.scalar(_filtered(select(func.count()).select_from(applications), where))
        page = query.order_by(applications.c.created_at.desc(), applications.c.id).limit(limit).offset(offset)
        rows = (await self._session.execute(page)).mappings().all()
        return [_application(row, []) for row in rows], int(total or 0)

    async def count_by_status(self, where: ApplicationFilter) -> dict[ApplicationStatus, int]:
        """How many matching applications are in each status (statuses with none are left out)."""
        query = _filtered(select(applications.c.status, func.count()).select_from(applications), where)
        rows = (await self._session.execute(query.group_by(applications.c.status))).all()
        return {ApplicationStatus(status): int(count) for status, count in rows}

    async def lock_open_of(self, uscc: str, round_year: int, statuses: Collection[ApplicationStatus]) -> list[str]:
        """Ids of the entity's applications in the round with one of `statuses`, locked so that two
        submissions of the same entity run one after the other."""
        locked = (
            select(applications.c.id, applications.c.status)
            .where(applications.c.uscc == uscc, applications.c.round_year == round_year)
            .with_for_update()
        )
        rows = (await self._session.execute(locked)).all()
        wanted = {status.value for status in statuses}
        return [row.id for row in rows if row.status in wanted]

    async def re_review_applied(
        self, station_id: str, round_year: int, statuses: Collection[ApplicationStatus]
    ) -> bool:
        """Whether a re-review application for the station is in the round with one of `statuses`."""
        count = await self._session.scalar(
            select(func.count())
            .select_from(applications)
            .where(
                applications.c.station_id == station_id,
                applications.c.kind == ApplicationKind.RE_REVIEW.value,
                applications.c.round_year == round_year,
                applications.c.status.in_([status.value for status in statuses]),
            )
        )
        return bool(count)

    async def _decisions(self, application_id: str) -> list[DistrictDecision]:
        query = (
            select(application_decisions)
            .where(application_decisions.c.application_id == application_id)
            .order_by(application_decisions.c.id)
        )
        return [
            DistrictDecision(
                decision=Decision(row["decision"]),
                reasons=tuple(row["reasons"]),
                opinion=row["opinion"],
                officer=row["officer"],
                district_code=row["district_code"],
                decided_at=row["decided_at"],
            )
            for row in (await self._session.execute(query)).mappings()
        ]


class AttachmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def attach(self, attachment: Attachment) -> None:
        await self._session.execute(
            insert(application_attachments).values(
                file_id=attachment.file_id,
                application_id=attachment.application_id,
                kind=attachment.kind.value,
                attached_at=attachment.attached_at,
            )
        )

    async def current(self, application_id: str) -> list[Attachment]:
        """The attachments the application carries now (removed ones are kept but not listed)."""
        query = (
            select(application_attachments)
            .where(
                application_attachments.c.application_id == application_id,
                application_attachments.c.removed_at.is_(None),
            )
            .order_by(application_attachments.c.attached_at, application_attachments.c.file_id)
        )
        return [_attachment(row) for row in (await self._session.execute(query)).mappings()]

    async def get(self, application_id: str, file_id: str) -> Attachment | None:
        query = select(application_attachments).where(
            application_attachments.c.application_id == application_id,
            application_attachments.c.file_id == file_id,
            application_attachments.c.removed_at.is_(None),
        )
        row = (await self._session.execute(query)).mappings().first()
        return _attachment(row) if row else None

    async def remove(self, file_id: str, now: datetime) -> None:
        await self._session.execute(
            update(application_attachments).where(application_attachments.c.file_id == file_id).values(removed_at=now)
        )


def _filtered(query: Select[Any], where: ApplicationFilter) -> Select[Any]:
    conditions = {
        applications.c.district_code: where.district_code,
        applications.c.uscc: where.uscc,
        applications.c.status: where.status.value if where.status else None,
        applications.c.round_year: where.round_year,
        applications.c.kind: where.kind.value if where.kind else None,
    }
    for column, value in conditions.items():
        if value is not None:
            query = query.where(column == value)
    if where.text:
        # Names are Chinese (no case); a USCC's letters may be typed in either case.
        wanted = where.text.upper()
        query = query.where(
            or_(
                func.upper(applications.c.entity_name).contains(wanted, autoescape=True),
                func.upper(applications.c.uscc).contains(wanted, autoescape=True),
            )
        )
    if where.exclude_drafts:
        query = query.where(applications.c.status != ApplicationStatus.DRAFT.value)
    return query


def _row(application: Application) -> dict[str, Any]:
    return {
        "id": application.id,
        "uscc": application.uscc,
        "entity_name": application.entity_name,
        "district_code": application.district_code,
        "kind": application.kind.value,
        "round_year": application.round_year,
        "status": application.status.value,
        "created_at": application.created_at,
        "submitted_at": application.submitted_at,
        "station_id": application.station_id,
        "form": form_to_json(application.form),
        "updated_at": application.updated_at,
        "submissions": application.submissions,
        "forwarded_at": application.forwarded_at,
        "closed_at": application.closed_at,
        "outcome_reason": application.outcome_reason,
    }


def _application(row: RowMapping, decisions: list[DistrictDecision]) -> Application:
    # Rows written before the full form existed (revision 0001) carry only the minimal form.
    form = (
        form_from_json(row["form"])
        if row["form"]
        else ApplicationForm(uscc=row["uscc"], entity_name=row["entity_name"], district_code=row["district_code"])
    )
    return Application(
        id=row["id"],
        kind=ApplicationKind(row["kind"]),
        round_year=row["round_year"],
        status=ApplicationStatus(row["status"]),
        form=form,
        created_at=row["created_at"],
        updated_at=row["updated_at"] or row["created_at"],
        station_id=row["station_id"],
        submitted_at=row["submitted_at"],
        submissions=row["submissions"],
        forwarded_at=row["forwarded_at"],
        closed_at=row["closed_at"],
        outcome_reason=row["outcome_reason"],
        decisions=decisions,
    )


def _attachment(row: RowMapping) -> Attachment:
    return Attachment(
        file_id=row["file_id"],
        application_id=row["application_id"],
        kind=AttachmentKind(row["kind"]),
        attached_at=row["attached_at"],
    )
