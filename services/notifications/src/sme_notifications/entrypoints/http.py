"""HTTP routes of the delivery record."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.problems import problem_responses
from sme_notifications.domain.deliveries import Delivery
from sme_notifications.service_layer import deliveries as use_cases

router = APIRouter(prefix="/deliveries", tags=["投递记录 Deliveries"])


class DeliveryView(BaseModel):
    event_id: str
    event_type: str
    recipient: str
    channel: str
    subject: str
    status: str
    created_at: datetime

    @classmethod
    def of(cls, delivery: Delivery) -> DeliveryView:
        return cls(
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            recipient=str(delivery.recipient),
            channel=delivery.channel.value,
            subject=delivery.subject,
            status=delivery.status.value,
            created_at=delivery.created_at,
        )


@router.get(
    "", summary="Search the delivery record (bureau, platform operators)", responses=problem_responses(401, 403)
)
async def search_deliveries(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    event_type: str | None = Query(default=None, description="e.g. gz.sme.registry.application.submitted.v1"),
    recipient: str | None = Query(default=None, description="e.g. org:91440106MA59C1XE2T or district:440106"),
    limit: int = Query(default=100, ge=1, le=1000),
) -> list[DeliveryView]:
    found = await use_cases.search_deliveries(uow, principal, event_type=event_type, recipient=recipient, limit=limit)
    return [DeliveryView.of(d) for d in found]
