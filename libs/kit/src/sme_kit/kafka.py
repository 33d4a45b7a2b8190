"""The one place that builds Kafka clients: the idempotent producer, the admin client, topics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Mapping

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from sme_kit.settings import ServiceSettings

log = logging.getLogger(__name__)


def new_producer(settings: ServiceSettings) -> AIOKafkaProducer:
    """An idempotent producer that waits for all in-sync replicas.

    aiokafka defaults to acks=1 without idempotence: both are set explicitly. With idempotence
    the broker de-duplicates the producer's own retries, and per-partition order is kept.
    """
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=f"sme-{settings.service_name}",
        acks="all",
        enable_idempotence=True,
        linger_ms=2,
        max_batch_size=256 * 1024,
        request_timeout_ms=int(settings.kafka_request_timeout_s * 1000),
        retry_backoff_ms=200,
    )


async def stop_producer(producer: AIOKafkaProducer, timeout_s: float = 10.0) -> None:
    """Stop a producer without hanging when the broker is gone (a known aiokafka trap)."""
    try:
        async with asyncio.timeout(timeout_s):
            await producer.stop()
    except (TimeoutError, Exception):
        log.warning("kafka producer did not stop cleanly within %.0fs", timeout_s)


async def ensure_topics(
    settings: ServiceSettings,
    names: Iterable[tuple[str, int]],
    configs: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """Create the topics a service reads or writes, if missing (idempotent); ``configs`` gives a
    topic's own settings (e.g. a short retention) when it is created."""
    wanted = {name: partitions for name, partitions in names}
    if not wanted:
        return
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        request_timeout_ms=int(settings.kafka_request_timeout_s * 1000),
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(name, partitions, 1, topic_configs=dict((configs or {}).get(name, {})))
            for name, partitions in wanted.items()
            if name not in existing
        ]
        if missing:
            # Another replica or service may create them at the same moment.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(missing)
    finally:
        await admin.close()
