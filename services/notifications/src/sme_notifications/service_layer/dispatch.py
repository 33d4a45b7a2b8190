"""Sending what is due: claim, send outside any transaction, record the outcome.

A claim leases deliveries (status ``sending``) in one short transaction; each send happens with no
transaction open; its outcome is written in another, with the attempt, and — when final — the
DeliverySucceeded / DeliveryFailed event through the outbox.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sme_kit.uow import Actor
from sme_notifications.adapters.publisher import delivery_failed, delivery_succeeded
from sme_notifications.adapters.unit_of_work import NotificationsUowFactory
from sme_notifications.domain.channels import FailureKind, OutgoingMessage, Sender, SendFailed
from sme_notifications.domain.deliveries import Delivery, DeliveryStatus, RetryPolicy

log = logging.getLogger(__name__)
DISPATCHER = Actor.system("dispatcher")


@dataclass(frozen=True)
class DispatchPolicy:
    retry: RetryPolicy
    lease: timedelta
    batch_size: int


Claimed = tuple[Delivery, str | None]


async def claim_due(*, uow_factory: NotificationsUowFactory, policy: DispatchPolicy) -> list[Claimed]:
    """Lease the deliveries due now, each with its address: the one its event carried, else the one the
    directory holds for its recipient now."""
    async with uow_factory(DISPATCHER) as uow:
        now = uow.clock.now()
        claimed = await uow.deliveries.claim_due(now=now, lease_until=now + policy.lease, limit=policy.batch_size)
        addressed = [
            (delivery, delivery.address or await uow.directory.address_of(delivery.recipient, delivery.channel))
            for delivery in claimed
        ]
        await uow.commit()
    return addressed


async def send_one(
    *,
    delivery: Delivery,
    address: str | None,
    sender: Sender,
    uow_factory: NotificationsUowFactory,
    retry: RetryPolicy,
) -> Delivery:
    """Send one leased delivery and record what happened."""
    failure: SendFailed | None = None
    if address is None:
        failure = SendFailed(FailureKind.NO_ADDRESS, "通讯录中已无该渠道的地址 (the directory holds no address for it)")
    else:
        try:
            await sender.send(OutgoingMessage(delivery.delivery_id, address, delivery.subject, delivery.body))
        except SendFailed as exc:
            failure = exc
        except Exception as exc:  # a sender's bug must not stop the dispatcher; the try is recorded
            failure = SendFailed(FailureKind.ERROR, type(exc).__name__)
    return await record_outcome(delivery=delivery, failure=failure, uow_factory=uow_factory, retry=retry)


async def record_outcome(
    *, delivery: Delivery, failure: SendFailed | None, uow_factory: NotificationsUowFactory, retry: RetryPolicy
) -> Delivery:
    async with uow_factory(DISPATCHER) as uow:
        now = uow.clock.now()
        if failure is None:
            after, attempt = delivery.delivered(now)
        else:
            after, attempt = delivery.failed_attempt(now, failure.kind, failure.detail, retry)
        if not await uow.deliveries.save_outcome(delivery, after):
            log.warning("delivery %s was taken over by another dispatcher; outcome dropped", delivery.delivery_id)
            return after
        await uow.deliveries.add_attempt(after.delivery_id, attempt)
        if after.status is DeliveryStatus.DELIVERED:
            uow.publish(delivery_succeeded(after, now))
            uow.audit("deliver", "delivery", after.delivery_id, channel=after.channel.value, attempts=after.attempts)
        elif after.status is DeliveryStatus.FAILED:
            uow.publish(delivery_failed(after, now))
            uow.audit("fail", "delivery", after.delivery_id, channel=after.channel.value, error_code=after.error_code)
        await uow.commit()
    if failure is not None:
        log.warning(
            "delivery %s over %s failed (attempt %d/%d, %s)%s",
            after.delivery_id,
            after.channel.value,
            after.attempts,
            retry.max_attempts,
            failure.kind.value,
            "" if after.status is DeliveryStatus.PENDING else ": final",
        )
    return after


async def next_due_at(*, uow_factory: NotificationsUowFactory) -> timedelta | None:
    """How long until the earliest waiting delivery falls due (None when nothing waits)."""
    async with uow_factory(DISPATCHER) as uow:
        due = await uow.deliveries.next_due_at()
        return None if due is None else due - uow.clock.now()
