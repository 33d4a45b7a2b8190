"""HTTP routes of the in-app inbox: every user reads its own messages only."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_paging import Page, Paging
from sme_kit.paging import PageOf
from sme_kit.problems import problem_responses
from sme_notifications.domain.deliveries import InboxItem
from sme_notifications.service_layer import inbox as use_cases

router = APIRouter(prefix="/inbox", tags=["站内信 Inbox"])


class InboxMessage(BaseModel):
    id: str = Field(examples=["5d0f3a52-8c1e-4d7b-a0f2-9e6b1c3d4e5f"])
    inbox: str = Field(
        examples=["district:440106"],
        description="Which of the caller's inboxes holds it: its organisation's, its office's, or its own.",
    )
    event_type: str = Field(examples=["gz.sme.registry.application.submitted.v1"])
    title: str = Field(examples=["有新的服务站认定申请待初审"])
    body: str = Field(examples=["广州市天河区创新企业服务有限公司提交了2026年度服务站认定申请，请及时进行初审。"])
    mandatory: bool = Field(description="A notice the guideline requires.")
    created_at: datetime
    read: bool
    read_at: datetime | None

    @classmethod
    def of(cls, item: InboxItem) -> InboxMessage:
        delivery, read_at = item
        return cls(
            id=delivery.delivery_id,
            inbox=str(delivery.recipient),
            event_type=delivery.event_type,
            title=delivery.subject,
            body=delivery.body,
            mandatory=delivery.mandatory,
            created_at=delivery.created_at,
            read=read_at is not None,
            read_at=read_at,
        )


class InboxPage(Page[InboxMessage]):
    """One page of the caller's messages, and how many of all its messages it has not read."""

    unread_count: int = Field(examples=[3], description="Unread messages in all of the caller's inboxes.")

    @classmethod
    def of_inbox(cls, found: PageOf[InboxItem], unread_count: int) -> InboxPage:
        return cls(
            items=[InboxMessage.of(item) for item in found.items],
            total=found.total,
            limit=found.limit,
            offset=found.offset,
            unread_count=unread_count,
        )


@router.get("", summary="My messages, newest first", responses=problem_responses(401))
async def list_inbox(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    paging: Paging,
    unread_only: bool = Query(default=False),
) -> InboxPage:
    found, unread = await use_cases.list_inbox(
        uow_factory=uow, principal=principal, unread_only=unread_only, page=paging
    )
    return InboxPage.of_inbox(found, unread)


class UnreadCount(BaseModel):
    unread_count: int = Field(examples=[3], description="Unread messages in all of the caller's inboxes.")


# Before /{message_id}, which would otherwise take "unread-count" for a message id.
@router.get("/unread-count", summary="How many of my messages I have not read", responses=problem_responses(401))
async def unread_count(principal: CurrentPrincipal, uow: UowFactoryDep) -> UnreadCount:
    return UnreadCount(unread_count=await use_cases.unread_count(uow_factory=uow, principal=principal))


@router.get("/{message_id}", summary="One of my messages", responses=problem_responses(401, 404))
async def read_message(message_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> InboxMessage:
    return InboxMessage.of(await use_cases.read_message(uow_factory=uow, principal=principal, delivery_id=message_id))


@router.post("/{message_id}/read", summary="Mark one of my messages read", responses=problem_responses(401, 404))
async def mark_read(message_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> InboxMessage:
    return InboxMessage.of(
        await use_cases.mark(uow_factory=uow, principal=principal, delivery_id=message_id, read=True)
    )


@router.post("/{message_id}/unread", summary="Mark one of my messages unread", responses=problem_responses(401, 404))
async def mark_unread(message_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> InboxMessage:
    return InboxMessage.of(
        await use_cases.mark(uow_factory=uow, principal=principal, delivery_id=message_id, read=False)
    )
