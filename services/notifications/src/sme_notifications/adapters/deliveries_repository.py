"""Saving, claiming and searching deliveries and their attempts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_ignore
from sme_notifications.adapters.orm import deliveries, delivery_attempts
from sme_notifications.domain.channels import OUTBOUND_CHANNELS, Channel
from sme_notifications.domain.deliveries import (
    Attempt,
    AttemptOutcome,
    Delivery,
    DeliveryFilter,
    DeliveryStatus,
    TemplateRef,
)
from sme_notifications.domain.recipients import Recipient

_DUE = (DeliveryStatus.PENDING.value, DeliveryStatus.SENDING.value)


def _row(delivery: Delivery) -> dict[str, Any]:
    return {
        "delivery_id": delivery.delivery_id,
        "event_id": delivery.event_id,
        "event_type": delivery.event_type,
        "recipient": str(delivery.recipient),
        "audience": str(delivery.audience),
        "channel": delivery.channel.value,
        "template_id": delivery.template.id,
        "template_version": delivery.template.version,
        "subject": delivery.subject,
        "body": delivery.body,
        "mandatory": delivery.mandatory,
        "status": delivery.status.value,
        "attempts": delivery.attempts,
        "next_attempt_at": delivery.next_attempt_at,
        "last_error": delivery.last_error,
        "error_code": delivery.error_code,
        "created_at": delivery.created_at,
        "updated_at": delivery.updated_at,
        "delivered_at": delivery.delivered_at,
        "address": delivery.address,
        "secret": delivery.secret,
    }


def delivery_of(row: RowMapping) -> Delivery:
    return Delivery(
        delivery_id=row["delivery_id"],
        event_id=row["event_id"],
        event_type=row["event_type"],
        recipient=Recipient.parse(row["recipient"]),
        audience=Recipient.parse(row["audience"]),
        channel=Channel(row["channel"]),
        template=TemplateRef(row["template_id"], row["template_version"]),
        subject=row["subject"],
        body=row["body"],
        mandatory=row["mandatory"],
        status=DeliveryStatus(row["status"]),
        attempts=row["attempts"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        next_attempt_at=row["next_attempt_at"],
        delivered_at=row["delivered_at"],
        last_error=row["last_error"],
        error_code=row["error_code"],
        address=row["address"],
        secret=row["secret"],
    )


class DeliveryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_if_new(self, delivery: Delivery) -> bool:
        """Store a delivery unless one exists for its (event, recipient, channel); True when stored."""
        return await insert_or_ignore(self._session, deliveries, _row(delivery))

    async def add_attempt(self, delivery_id: str, attempt: Attempt) -> None:
        await self._session.execute(
            delivery_attempts.insert().values(
                delivery_id=delivery_id,
                number=attempt.number,
                at=attempt.at,
                outcome=attempt.outcome.value,
                error_code=attempt.error_code,
                error=attempt.error,
            )
        )

    async def get(self, delivery_id: str) -> Delivery | None:
        row = (
            (await self._session.execute(select(deliveries).where(deliveries.c.delivery_id == delivery_id)))
            .mappings()
            .first()
        )
        return delivery_of(row) if row else None

    async def attempts_of(self, delivery_id: str) -> list[Attempt]:
        query = (
            select(delivery_attempts)
            .where(delivery_attempts.c.delivery_id == delivery_id)
            .order_by(delivery_attempts.c.number)
        )
        return [
            Attempt(row["number"], row["at"], AttemptOutcome(row["outcome"]), row["error_code"], row["error"])
            for row in (await self._session.execute(query)).mappings()
        ]

    async def claim_due(self, *, now: datetime, lease_until: datetime, limit: int) -> list[Delivery]:
        """Take outbound deliveries due now (or whose sender's lease ran out) and lease them for sending.

        On PostgreSQL rows another dispatcher holds are skipped, so replicas share the work.
        """
        query = (
            select(deliveries)
            .where(
                deliveries.c.status.in_(_DUE),
                deliveries.c.next_attempt_at <= now,
                deliveries.c.channel.in_([channel.value for channel in OUTBOUND_CHANNELS]),
            )
            .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
            .limit(limit)
        )
        if self._session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        claimed = [delivery_of(row) for row in (await self._session.execute(query)).mappings()]
        if claimed:
            await self._session.execute(
                update(deliveries)
                .where(deliveries.c.delivery_id.in_([d.delivery_id for d in claimed]))
                .values(status=DeliveryStatus.SENDING.value, next_attempt_at=lease_until, updated_at=now)
            )
        return claimed

    async def save_outcome(self, before: Delivery, after: Delivery) -> bool:
        """Write a send's outcome, unless another dispatcher took the delivery over meanwhile."""
        result = await self._session.execute(
            update(deliveries)
            .where(
                deliveries.c.delivery_id == before.delivery_id,
                deliveries.c.status == DeliveryStatus.SENDING.value,
                deliveries.c.attempts == before.attempts,
            )
            .values(**_changes(after))
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def save(self, delivery: Delivery) -> None:
        await self._session.execute(
            update(deliveries).where(deliveries.c.delivery_id == delivery.delivery_id).values(**_changes(delivery))
        )

    async def next_due_at(self) -> datetime | None:
        """When the earliest waiting outbound delivery falls due."""
        query = select(func.min(deliveries.c.next_attempt_at)).where(
            deliveries.c.status.in_(_DUE),
            deliveries.c.channel.in_([channel.value for channel in OUTBOUND_CHANNELS]),
        )
        found: datetime | None = (await self._session.execute(query)).scalar()
        return found

    async def search(self, where: DeliveryFilter, page: PageRequest) -> PageOf[Delivery]:
        """One page of the deliveries that match, newest first, and how many match in all."""
        query = select(deliveries).order_by(deliveries.c.id.desc())
        conditions = {
            deliveries.c.event_type: where.event_type,
            deliveries.c.event_id: where.event_id,
            deliveries.c.recipient: where.recipient,
            deliveries.c.audience: where.audience,
            deliveries.c.channel: where.channel.value if where.channel else None,
            deliveries.c.status: where.status.value if where.status else None,
        }
        for column, value in conditions.items():
            if value is not None:
                query = query.where(column == value)
        if where.created_from is not None:
            query = query.where(deliveries.c.created_at >= where.created_from)
        if where.created_to is not None:
            query = query.where(deliveries.c.created_at < where.created_to)
        return (await fetch_page(self._session, query, page)).map(delivery_of)

    async def of_event(self, event_id: str) -> Sequence[Delivery]:
        query = select(deliveries).where(deliveries.c.event_id == event_id).order_by(deliveries.c.id)
        return [delivery_of(row) for row in (await self._session.execute(query)).mappings()]


def _changes(delivery: Delivery) -> dict[str, Any]:
    row = _row(delivery)
    return {
        key: row[key]
        for key in (
            "status",
            "attempts",
            "next_attempt_at",
            "last_error",
            "error_code",
            "updated_at",
            "delivered_at",
            "address",
            "body",
        )
    }
