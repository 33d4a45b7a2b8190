"""A delivery: one message to one recipient over one channel, for one event — and its life.

pending ──send──▶ delivered
   │  ▲
 fail └─ retry after an exponential back-off, while tries remain and the failure is retryable
   ▼
 failed (final: the last try spent, or refused for good)

A delivery is claimed for sending by moving it to ``sending`` with a lease (``next_attempt_at``);
a dispatcher that dies mid-send leaves the lease to expire, and the delivery is sent again.

Once final, a delivery forgets what it no longer needs: an address its event carried (someone
outside the directory) and, for a message carrying a one-time secret, the body itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from sme_notifications.domain.channels import Channel, FailureKind
from sme_notifications.domain.errors import DeliveryNotFailed, NotSentAgain
from sme_notifications.domain.recipients import Recipient, RecipientKind

ERASED_BODY = "（本消息含一次性验证码，发送后已清除 / it carried a one-time code, erased once sent）"


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # 待发送（或等待重试）
    SENDING = "sending"  # 发送中
    DELIVERED = "delivered"  # 已送达渠道
    FAILED = "failed"  # 最终失败


class AttemptOutcome(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"  # failed, will be tried again
    FAILED = "failed"  # failed, final


@dataclass(frozen=True)
class TemplateRef:
    """The template a message was rendered from: id and version."""

    id: str
    version: int


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failing channel is tried again."""

    max_attempts: int
    base_delay: timedelta
    max_delay: timedelta

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("at least one attempt")

    def delay_after(self, attempts: int) -> timedelta:
        """The wait after the ``attempts``-th failed try: base, 2×base, 4×base, … capped."""
        factor: int = 2 ** max(0, attempts - 1)
        return min(self.base_delay * factor, self.max_delay)


@dataclass(frozen=True)
class Attempt:
    """One try and how it ended (``error`` already masked of addresses)."""

    number: int
    at: datetime
    outcome: AttemptOutcome
    error_code: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class DeliveryFilter:
    """What the delivery record can be searched by; every part optional (a search criterion the
    entry points build and the repositories read, so it belongs to neither)."""

    event_type: str | None = None
    event_id: str | None = None
    recipient: str | None = None
    audience: str | None = None
    channel: Channel | None = None
    status: DeliveryStatus | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


@dataclass(frozen=True)
class Delivery:
    delivery_id: str
    event_id: str
    event_type: str
    recipient: Recipient
    audience: Recipient
    channel: Channel
    template: TemplateRef
    subject: str
    body: str
    mandatory: bool
    status: DeliveryStatus
    attempts: int
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None = None
    delivered_at: datetime | None = None
    last_error: str | None = None
    error_code: str | None = None
    address: str | None = None  # carried by the event, for a recipient outside the directory
    secret: bool = False  # the body carries a one-time secret

    @property
    def final(self) -> bool:
        return self.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)

    def _settled(self) -> Delivery:
        """Final: the address it carried and a secret body are no longer kept."""
        return replace(self, address=None, body=ERASED_BODY if self.secret else self.body)

    def delivered(self, now: datetime) -> tuple[Delivery, Attempt]:
        """The channel took the message."""
        attempts = self.attempts + 1
        done = replace(
            self,
            status=DeliveryStatus.DELIVERED,
            attempts=attempts,
            delivered_at=now,
            next_attempt_at=None,
            updated_at=now,
        )._settled()
        return done, Attempt(attempts, now, AttemptOutcome.DELIVERED)

    def failed_attempt(
        self, now: datetime, kind: FailureKind, error: str, policy: RetryPolicy
    ) -> tuple[Delivery, Attempt]:
        """A try failed: wait and try again, or give up when no try is left or retrying cannot help."""
        attempts = self.attempts + 1
        final = attempts >= policy.max_attempts or not kind.retryable
        changed = replace(
            self,
            status=DeliveryStatus.FAILED if final else DeliveryStatus.PENDING,
            attempts=attempts,
            next_attempt_at=None if final else now + policy.delay_after(attempts),
            last_error=error,
            error_code=kind.value,
            updated_at=now,
        )
        if final:
            changed = changed._settled()
        outcome = AttemptOutcome.FAILED if final else AttemptOutcome.RETRY
        return changed, Attempt(attempts, now, outcome, kind.value, error)

    def requeued(self, now: datetime) -> Delivery:
        """A failed delivery sent again on an operator's request, with a fresh set of tries."""
        if self.status is not DeliveryStatus.FAILED:
            raise DeliveryNotFailed(self.status.value)
        if self.channel is Channel.IN_APP:
            raise DeliveryNotFailed(self.status.value)
        if self.secret or self.recipient.kind is RecipientKind.CONTACT:  # its address was forgotten
            raise NotSentAgain()
        return replace(self, status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=now, updated_at=now)


_DELIVERY_IDS = uuid.UUID("6b0c6a53-3f0e-4c55-9a57-0c1d6e2f7a10")


def delivery_id_for(event_id: str, recipient: Recipient, channel: Channel) -> str:
    """The same (event, recipient, channel) always gets the same id: a re-routed event finds its delivery."""
    return str(uuid.uuid5(_DELIVERY_IDS, f"{event_id}|{recipient}|{channel.value}"))


def new_delivery(
    *,
    event_id: str,
    event_type: str,
    recipient: Recipient,
    audience: Recipient,
    channel: Channel,
    template: TemplateRef,
    subject: str,
    body: str,
    mandatory: bool,
    now: datetime,
    address: str | None = None,
    secret: bool = False,
) -> tuple[Delivery, Attempt | None]:
    """A new delivery. In-app messages are delivered at once: the inbox is this service's own table,
    written in the event's transaction. E-mail and SMS wait for the dispatcher, after the commit."""
    in_app = channel is Channel.IN_APP
    delivery = Delivery(
        delivery_id=delivery_id_for(event_id, recipient, channel),
        event_id=event_id,
        event_type=event_type,
        recipient=recipient,
        audience=audience,
        channel=channel,
        template=template,
        subject=subject,
        body=body,
        mandatory=mandatory,
        status=DeliveryStatus.DELIVERED if in_app else DeliveryStatus.PENDING,
        attempts=1 if in_app else 0,
        created_at=now,
        updated_at=now,
        next_attempt_at=None if in_app else now,
        delivered_at=now if in_app else None,
        address=address,
        secret=secret,
    )
    return delivery, Attempt(1, now, AttemptOutcome.DELIVERED) if in_app else None


# An in-app message as one reader sees it: the delivery, and when that reader read it (None: unread).
InboxItem = tuple[Delivery, datetime | None]
