"""Topics are created with the settings their contract declares: a short-lived topic keeps its records
for its own retention, not the broker's week."""

from __future__ import annotations

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from sme_contracts.activities import ACTIVITIES_CONTACT_CONFIRMATION
from sme_kit.kafka import ensure_topics
from sme_kit.settings import ServiceSettings

pytestmark = pytest.mark.integration


async def test_a_topic_with_a_short_retention_is_created_with_it(kafka_bootstrap: str, topic_prefix: str) -> None:
    settings = ServiceSettings(
        service_name="kittest",
        database_url="sqlite+aiosqlite://",
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
    )
    name = settings.topic(ACTIVITIES_CONTACT_CONFIRMATION.name)
    await ensure_topics(settings, [(name, 1)], {name: ACTIVITIES_CONTACT_CONFIRMATION.broker_configs()})
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)])
    finally:
        await admin.close()
    [(_, _, _, _, entries)] = response.resources
    configs = {entry[0]: entry[1] for entry in entries}
    assert (configs["retention.ms"], configs["segment.ms"]) == ("3600000", "3600000")
