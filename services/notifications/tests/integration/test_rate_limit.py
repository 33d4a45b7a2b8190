"""Each channel has its own rate limit: sends beyond the burst are spaced out, none is dropped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from sme_contracts import Event
from sme_kit.testing import wait_until

from .conftest import Publisher, Start

pytestmark = pytest.mark.integration


async def test_sms_beyond_the_burst_wait_for_the_rate_and_all_are_sent(
    start: Start, publish: Publisher, sample: Callable[..., Event]
) -> None:
    async with start(sms_rate_per_s=4.0, sms_burst=1) as service:
        await service.register_world()
        for _ in range(3):
            await publish.send(sample("gz.sme.registry.application.returned.v1"))

        async def three_sent() -> list[dict[str, Any]] | None:
            lines = service.spooled_sms()
            return lines if len(lines) == 3 else None

        lines = await wait_until(three_sent, what="three SMS")
        moments = sorted(datetime.fromisoformat(str(line["spooled_at"])) for line in lines)
        # One token at once, then one every 0.25 s: the third goes at least 0.5 s after the first.
        assert (moments[2] - moments[0]).total_seconds() >= 0.45

        async def all_recorded() -> bool:
            return len(await service.deliveries(channel="sms", status="delivered")) == 3

        await wait_until(all_recorded, what="three SMS recorded as delivered")
