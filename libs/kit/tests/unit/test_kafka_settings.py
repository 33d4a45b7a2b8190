"""Kafka client settings that are easy to get wrong (aiokafka's defaults are acks=1, no idempotence)."""

from sme_kit.kafka import new_producer
from sme_kit.settings import ServiceSettings


async def test_the_producer_waits_for_all_replicas_and_is_idempotent() -> None:
    settings = ServiceSettings(service_name="x", database_url="sqlite+aiosqlite://", auth_dev_secret="x" * 40)
    producer = new_producer(settings)
    assert producer._sender._acks == -1  # "all"
    assert producer._txn_manager is not None  # idempotence keeps order across retries and de-duplicates them
