"""Reading in-app messages: the in-app deliveries of a user's inboxes, with that user's read marks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, Select, and_, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_ignore
from sme_notifications.adapters.deliveries_repository import delivery_of
from sme_notifications.adapters.orm import deliveries, inbox_reads
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.deliveries import DeliveryStatus, InboxItem
from sme_notifications.domain.recipients import Recipient


class InboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def _query(self, inboxes: Sequence[Recipient], reader: str) -> Select[Any]:
        joined = deliveries.outerjoin(
            inbox_reads,
            and_(inbox_reads.c.delivery_id == deliveries.c.delivery_id, inbox_reads.c.reader == reader),
        )
        return (
            select(deliveries, inbox_reads.c.read_at)
            .select_from(joined)
            .where(
                deliveries.c.channel == Channel.IN_APP.value,
                deliveries.c.status == DeliveryStatus.DELIVERED.value,
                deliveries.c.recipient.in_([str(inbox) for inbox in inboxes]),
            )
        )

    async def messages(
        self, inboxes: Sequence[Recipient], reader: str, *, unread_only: bool, page: PageRequest
    ) -> PageOf[InboxItem]:
        """One page of the messages, newest first, and how many there are in all."""
        if not inboxes:
            return PageOf.of([], 0, page)
        query = self._query(inboxes, reader).order_by(deliveries.c.id.desc())
        if unread_only:
            query = query.where(inbox_reads.c.read_at.is_(None))
        return (await fetch_page(self._session, query, page)).map(_item)

    async def unread_count(self, inboxes: Sequence[Recipient], reader: str) -> int:
        if not inboxes:
            return 0
        unread = self._query(inboxes, reader).where(inbox_reads.c.read_at.is_(None)).subquery()
        return int((await self._session.execute(select(func.count()).select_from(unread))).scalar_one())

    async def message(self, delivery_id: str, inboxes: Sequence[Recipient], reader: str) -> InboxItem | None:
        """The message, only if it is in one of these inboxes."""
        if not inboxes:
            return None
        query = self._query(inboxes, reader).where(deliveries.c.delivery_id == delivery_id)
        row = (await self._session.execute(query)).mappings().first()
        return (delivery_of(row), row["read_at"]) if row else None

    async def mark_read(self, delivery_id: str, reader: str, now: datetime) -> None:
        row = {"delivery_id": delivery_id, "reader": reader, "read_at": now}
        await insert_or_ignore(self._session, inbox_reads, row)

    async def mark_unread(self, delivery_id: str, reader: str) -> None:
        await self._session.execute(
            delete(inbox_reads).where(inbox_reads.c.delivery_id == delivery_id, inbox_reads.c.reader == reader)
        )


def _item(row: RowMapping) -> InboxItem:
    return delivery_of(row), row["read_at"]
