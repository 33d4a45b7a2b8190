"""Turns a delivery's outcome into the contract events: ids and codes, never a body or an address."""

from __future__ import annotations

from datetime import datetime

from sme_contracts import notifications as contract
from sme_notifications.domain.deliveries import Delivery


def delivery_succeeded(delivery: Delivery, now: datetime) -> contract.DeliverySucceeded:
    return contract.DeliverySucceeded(
        delivery_id=delivery.delivery_id,
        source_event_id=delivery.event_id,
        source_event_type=delivery.event_type,
        recipient_kind=contract.RecipientKind(delivery.recipient.kind.value),
        recipient_id=delivery.recipient.id,
        channel=contract.DeliveryChannel(delivery.channel.value),
        template_id=delivery.template.id,
        template_version=delivery.template.version,
        mandatory=delivery.mandatory,
        attempts=max(1, delivery.attempts),
        delivered_at=delivery.delivered_at or now,
    )


def delivery_failed(delivery: Delivery, now: datetime) -> contract.DeliveryFailed:
    return contract.DeliveryFailed(
        delivery_id=delivery.delivery_id,
        source_event_id=delivery.event_id,
        source_event_type=delivery.event_type,
        recipient_kind=contract.RecipientKind(delivery.recipient.kind.value),
        recipient_id=delivery.recipient.id,
        channel=contract.DeliveryChannel(delivery.channel.value),
        template_id=delivery.template.id,
        template_version=delivery.template.version,
        mandatory=delivery.mandatory,
        attempts=max(1, delivery.attempts),
        error_code=delivery.error_code or "error",
        failed_at=now,
    )
