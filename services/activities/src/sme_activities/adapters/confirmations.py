"""The one-time codes of anonymous forms in the database (digests only)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import contact_confirmations
from sme_activities.domain.confirmations import (
    ConfirmationPurpose,
    ConfirmationStatus,
    ContactChannel,
    ContactConfirmation,
    VoidReason,
)


class ContactConfirmationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, confirmation: ContactConfirmation) -> None:
        await self._session.execute(insert(contact_confirmations).values(**_row(confirmation)))

    async def get(self, reference: str, *, for_update: bool = False) -> ContactConfirmation | None:
        query = select(contact_confirmations).where(contact_confirmations.c.reference == reference)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _confirmation(row) if row else None

    async def save(self, confirmation: ContactConfirmation) -> None:
        await self._session.execute(
            update(contact_confirmations)
            .where(contact_confirmations.c.reference == confirmation.reference)
            .values(**_row(confirmation))
        )


def _row(confirmation: ContactConfirmation) -> dict[str, Any]:
    row = asdict(confirmation)
    for name in ("purpose", "channel", "status", "void_reason"):
        value = getattr(confirmation, name)
        row[name] = value.value if value is not None else None
    return row


def _confirmation(row: Any) -> ContactConfirmation:
    values = dict(row)
    values["purpose"] = ConfirmationPurpose(values["purpose"])
    values["channel"] = ContactChannel(values["channel"])
    values["status"] = ConfirmationStatus(values["status"])
    values["void_reason"] = VoidReason(values["void_reason"]) if values["void_reason"] else None
    return ContactConfirmation(**values)
