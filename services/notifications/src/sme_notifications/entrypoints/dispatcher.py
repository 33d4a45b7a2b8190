"""The dispatcher: a background loop that sends due e-mails and SMS, one channel beside the other.

It wakes when a commit leaves deliveries pending (the doorbell), when a retry falls due, and at
least every ``poll_interval_s``. All its state is in the database, so a restart loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping

from sme_kit.aio import run_loop
from sme_notifications.domain.channels import Channel, ChannelOff, Sender
from sme_notifications.domain.deliveries import Delivery, DeliveryStatus
from sme_notifications.service_layer import dispatch
from sme_notifications.service_layer.dispatch import Claimed, DispatchPolicy
from sme_notifications.service_layer.unit_of_work import NotificationsUowFactory

log = logging.getLogger(__name__)


class Doorbell:
    """Rings the dispatcher once it runs; before that (and in processes without one) it rings nobody."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def attach(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def ring(self) -> None:
        for listener in self._listeners:
            listener()


class Dispatcher:
    def __init__(
        self,
        uow_factory: NotificationsUowFactory,
        senders: Mapping[Channel, Sender],
        policy: DispatchPolicy,
        *,
        poll_interval_s: float,
    ) -> None:
        self._uow = uow_factory
        self._senders = dict(senders)
        self._policy = policy
        self._poll_interval_s = poll_interval_s
        self._wake = asyncio.Event()
        self.delivered = 0
        self.failed = 0
        self.retried = 0

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Send what is due until cancelled (the kit's loop: a pass, then a wait the doorbell cuts short)."""
        await run_loop(self._pass, wake=self._wake, idle_s=self._poll_interval_s, name="dispatcher")

    async def _pass(self) -> float | None:
        """One round of sending; how long the loop may wait: at once after a full batch, else until the next retry."""
        if await self.dispatch_due() >= self._policy.batch_size:
            return 0.0
        return await self._until_next_due()

    async def dispatch_due(self) -> int:
        """Send everything due now; returns how many deliveries were tried."""
        claimed = await dispatch.claim_due(uow_factory=self._uow, policy=self._policy)
        by_channel: dict[Channel, list[Claimed]] = defaultdict(list)
        for item in claimed:
            by_channel[item[0].channel].append(item)
        await asyncio.gather(*(self._send_all(channel, items) for channel, items in by_channel.items()))
        return len(claimed)

    async def _send_all(self, channel: Channel, items: list[Claimed]) -> None:
        sender = self._senders.get(channel) or ChannelOff(channel)
        for delivery, address in items:
            outcome = await dispatch.send_one(
                delivery=delivery, address=address, sender=sender, uow_factory=self._uow, retry=self._policy.retry
            )
            self._count(outcome)

    def _count(self, outcome: Delivery) -> None:
        if outcome.status is DeliveryStatus.DELIVERED:
            self.delivered += 1
        elif outcome.status is DeliveryStatus.FAILED:
            self.failed += 1
        else:
            self.retried += 1

    async def _until_next_due(self) -> float | None:
        wait = await dispatch.next_due_at(uow_factory=self._uow)
        return None if wait is None else max(0.0, wait.total_seconds())
