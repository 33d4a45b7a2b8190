"""HTTP routes of the delivery record (bureau and platform operators)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_kit.vocabulary import SHANGHAI
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.deliveries import Attempt, Delivery, DeliveryFilter, DeliveryStatus
from sme_notifications.entrypoints.state import StateDep
from sme_notifications.service_layer import deliveries as use_cases

router = APIRouter(prefix="/deliveries", tags=["投递记录 Deliveries"])


class DeliveryView(BaseModel):
    """One delivery as the record shows it: who, which channel, which template, how it went (no body)."""

    delivery_id: str = Field(examples=["5d0f3a52-8c1e-4d7b-a0f2-9e6b1c3d4e5f"])
    event_id: str
    event_type: str = Field(examples=["gz.sme.registry.application.returned.v1"])
    recipient: str = Field(examples=["org:91440106MA59C1XE2H"], description="Who it went to (kind:id).")
    audience: str = Field(
        examples=["district:440106"], description="Whom the routing rule named (an office, for personal e-mails)."
    )
    channel: Channel
    template_id: str = Field(examples=["application_returned"])
    template_version: int = Field(examples=[1])
    subject: str = Field(examples=["服务站认定申请被退回补正"])
    mandatory: bool
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When the next try is due (pending only).")
    error_code: str | None = Field(examples=["unreachable"])
    last_error: str | None = Field(description="The last failure, addresses masked.")
    created_at: datetime
    delivered_at: datetime | None

    @classmethod
    def of(cls, delivery: Delivery) -> DeliveryView:
        return cls(
            delivery_id=delivery.delivery_id,
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            recipient=str(delivery.recipient),
            audience=str(delivery.audience),
            channel=delivery.channel,
            template_id=delivery.template.id,
            template_version=delivery.template.version,
            subject=delivery.subject,
            mandatory=delivery.mandatory,
            status=delivery.status,
            attempts=delivery.attempts,
            next_attempt_at=delivery.next_attempt_at if delivery.status is DeliveryStatus.PENDING else None,
            error_code=delivery.error_code,
            last_error=delivery.last_error,
            created_at=delivery.created_at,
            delivered_at=delivery.delivered_at,
        )


class AttemptView(BaseModel):
    number: int = Field(examples=[1])
    at: datetime
    outcome: str = Field(examples=["retry"], description="delivered, retry (failed, tried again) or failed (final).")
    error_code: str | None = Field(examples=["unreachable"])
    error: str | None = Field(examples=["ConnectionRefusedError: [Errno 111] Connection refused"])

    @classmethod
    def of(cls, attempt: Attempt) -> AttemptView:
        return cls(
            number=attempt.number,
            at=attempt.at,
            outcome=attempt.outcome.value,
            error_code=attempt.error_code,
            error=attempt.error,
        )


class DeliveryDetail(DeliveryView):
    history: list[AttemptView] = Field(description="Every try, oldest first.")


class Resend(BaseModel):
    reason: str = Field(min_length=2, max_length=500, examples=["邮件服务器故障已排除，重新发送"])


def _aware(moment: datetime | None) -> datetime | None:
    # A time without offset is read as Beijing time, as users mean it.
    return moment.replace(tzinfo=SHANGHAI) if moment is not None and moment.tzinfo is None else moment


@router.get(
    "",
    summary="Search the delivery record, newest first (bureau, platform operators)",
    responses=problem_responses(401, 403),
)
async def search_deliveries(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    paging: Paging,
    event_type: str | None = Query(default=None, examples=["gz.sme.registry.application.submitted.v1"]),
    event_id: str | None = Query(default=None, description="CloudEvents id of the source event."),
    recipient: str | None = Query(default=None, examples=["org:91440106MA59C1XE2H"]),
    audience: str | None = Query(default=None, examples=["district:440106"]),
    channel: Annotated[Channel | None, Query()] = None,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    created_from: Annotated[
        datetime | None, Query(description="Created at or after (Beijing time if no offset).")
    ] = None,
    created_to: Annotated[datetime | None, Query(description="Created before.")] = None,
) -> Page[DeliveryView]:
    where = DeliveryFilter(
        event_type=event_type,
        event_id=event_id,
        recipient=recipient,
        audience=audience,
        channel=channel,
        status=status,
        created_from=_aware(created_from),
        created_to=_aware(created_to),
    )
    found = await use_cases.search_deliveries(uow_factory=uow, principal=principal, where=where, page=paging)
    return Page.of(found, DeliveryView.of)


@router.get(
    "/{delivery_id}",
    summary="One delivery with every try (bureau, platform operators)",
    responses=problem_responses(401, 403, 404),
)
async def read_delivery(delivery_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> DeliveryDetail:
    delivery, attempts = await use_cases.read_delivery(uow_factory=uow, principal=principal, delivery_id=delivery_id)
    return DeliveryDetail(
        **DeliveryView.of(delivery).model_dump(), history=[AttemptView.of(attempt) for attempt in attempts]
    )


@router.post(
    "/{delivery_id}/resend",
    summary="Send a finally failed e-mail or SMS again, with a fresh set of tries (bureau, platform operators)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def resend(
    delivery_id: str, body: Resend, principal: CurrentPrincipal, uow: UowFactoryDep, state: StateDep
) -> DeliveryView:
    requeued = await use_cases.resend_failed(
        uow_factory=uow,
        principal=principal,
        delivery_id=delivery_id,
        reason=body.reason,
        wake_dispatcher=state.doorbell.ring,
    )
    return DeliveryView.of(requeued)
