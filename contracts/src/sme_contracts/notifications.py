"""Events published by the notifications service: the outcome of each delivery.

One delivery is one message to one recipient over one channel for one source event. These events
tell the platform team (and any dashboard) what was delivered and what finally failed. They carry
ids and counts only: never the message itself, an e-mail address or a phone number (PIPL).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from sme_contracts.base import Event
from sme_contracts.topics import topic

NOTIFICATIONS_DELIVERY = topic(
    "gz.sme.notifications.delivery",
    "notifications",
    "Outcome of each delivery (one message, one recipient, one channel): delivered, or failed for good "
    "after its last retry.",
)

_DELIVERY_ID = Field(
    description="Notifications' id of the delivery.", examples=["5d0f3a52-8c1e-4d7b-a0f2-9e6b1c3d4e5f"]
)
_SOURCE_EVENT_ID = Field(
    description="CloudEvents id of the event the message is about.", examples=["e1b2c3d4-0000-4000-8000-000000000001"]
)
_SOURCE_EVENT_TYPE = Field(
    description="Type of the event the message is about.", examples=["gz.sme.registry.application.returned.v1"]
)
_RECIPIENT_ID = Field(
    description="Who was addressed: a USCC (org), a district code (district), head_station or bureau (group), "
    "the token subject of an official (official), or the masked address a form gave (contact).",
    examples=["91440106MA59C1XE2H"],
)
_TEMPLATE_ID = Field(description="The template the message was rendered from.", examples=["application_returned"])
_TEMPLATE_VERSION = Field(ge=1, description="Version of that template.", examples=[1])
_ATTEMPTS = Field(ge=1, description="Tries made, the last one included.", examples=[1])


class RecipientKind(StrEnum):
    """The kinds of addressee the routing rules reach."""

    ORG = "org"  # 申请单位/服务站运营机构（统一社会信用代码）
    DISTRICT = "district"  # 区民营和中小企业主管部门（共享收件箱）
    GROUP = "group"  # 服务总站或市工业和信息化局（共享收件箱）
    OFFICIAL = "official"  # 工作人员或专家本人
    CONTACT = "contact"  # 表单所留联系方式（recipient_id 为打码后的地址，如 138****0011）


class DeliveryChannel(StrEnum):
    IN_APP = "in_app"  # 站内信
    EMAIL = "email"  # 电子邮件
    SMS = "sms"  # 短信


class DeliverySucceeded(Event):
    """A message reached its channel: the inbox holds it, the SMTP server or SMS provider accepted it."""

    event_type: ClassVar[str] = "gz.sme.notifications.delivery.succeeded.v1"
    topic = NOTIFICATIONS_DELIVERY
    subject_field: ClassVar[str] = "delivery_id"

    delivery_id: str = _DELIVERY_ID
    source_event_id: str = _SOURCE_EVENT_ID
    source_event_type: str = _SOURCE_EVENT_TYPE
    recipient_kind: RecipientKind = Field(examples=["org"])
    recipient_id: str = _RECIPIENT_ID
    channel: DeliveryChannel = Field(examples=["email"])
    template_id: str = _TEMPLATE_ID
    template_version: int = _TEMPLATE_VERSION
    mandatory: bool = Field(description="A notice the guideline requires, sent whatever the recipient's preferences.")
    attempts: int = _ATTEMPTS
    delivered_at: datetime


class DeliveryFailed(Event):
    """A message could not be delivered and will not be tried again (last retry spent, or refused for good)."""

    event_type: ClassVar[str] = "gz.sme.notifications.delivery.failed.v1"
    topic = NOTIFICATIONS_DELIVERY
    subject_field: ClassVar[str] = "delivery_id"

    delivery_id: str = _DELIVERY_ID
    source_event_id: str = _SOURCE_EVENT_ID
    source_event_type: str = _SOURCE_EVENT_TYPE
    recipient_kind: RecipientKind = Field(examples=["org"])
    recipient_id: str = _RECIPIENT_ID
    channel: DeliveryChannel = Field(examples=["email"])
    template_id: str = _TEMPLATE_ID
    template_version: int = _TEMPLATE_VERSION
    mandatory: bool
    attempts: int = _ATTEMPTS
    error_code: str = Field(
        description="Why, as a stable code (never the server's text, which may quote an address): "
        "unreachable, timeout, error (retried until the last try), rejected, no_address, channel_off (final at once).",
        examples=["unreachable"],
    )
    failed_at: datetime


PUBLISHED_TOPICS = (NOTIFICATIONS_DELIVERY,)
