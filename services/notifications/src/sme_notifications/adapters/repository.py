"""Saving and searching deliveries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from sme_notifications.adapters.orm import deliveries
from sme_notifications.domain.deliveries import Channel, Delivery, DeliveryStatus, Recipient


class DeliveryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_once(self, items: Sequence[Delivery]) -> int:
        """Store deliveries; one that exists already for (event, recipient, channel) is kept as is."""
        if not items:
            return 0
        rows = [
            {
                "event_id": d.event_id,
                "event_type": d.event_type,
                "recipient": str(d.recipient),
                "channel": d.channel.value,
                "subject": d.subject,
                "body": d.body,
                "status": d.status.value,
                "created_at": d.created_at,
            }
            for d in items
        ]
        insert: Any = pg_insert if self._session.get_bind().dialect.name == "postgresql" else sqlite_insert
        result = await self._session.execute(insert(deliveries).values(rows).on_conflict_do_nothing())
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def search(
        self, *, event_type: str | None = None, recipient: str | None = None, limit: int = 100
    ) -> list[Delivery]:
        query = select(deliveries).order_by(deliveries.c.id.desc()).limit(limit)
        if event_type:
            query = query.where(deliveries.c.event_type == event_type)
        if recipient:
            query = query.where(deliveries.c.recipient == recipient)
        rows = (await self._session.execute(query)).mappings().all()
        return [
            Delivery(
                event_id=row["event_id"],
                event_type=row["event_type"],
                recipient=Recipient(*row["recipient"].split(":", 1)),
                channel=Channel(row["channel"]),
                subject=row["subject"],
                body=row["body"],
                status=DeliveryStatus(row["status"]),
                created_at=row["created_at"],
            )
            for row in rows
        ]
