"""A sender behind its channel's token bucket: sends wait their turn instead of flooding a provider."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from sme_notifications.domain.channels import OutgoingMessage, Sender
from sme_notifications.domain.rate_limit import TokenBucket


class ThrottledSender:
    def __init__(
        self,
        sender: Sender,
        bucket: TokenBucket,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._sender = sender
        self._bucket = bucket
        self._monotonic = monotonic
        self._sleep = sleep

    async def send(self, message: OutgoingMessage) -> None:
        wait = self._bucket.take(self._monotonic())
        if wait > 0:
            await self._sleep(wait)
        await self._sender.send(message)
