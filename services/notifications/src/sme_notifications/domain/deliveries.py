"""Who is told about an event, over which channel: one delivery per (event, recipient, channel).

This first cut routes the application-submitted event to the in-app inbox of the applicant and
of the officers of its district. Routing as data, templates, email and SMS come with the
notifications service's own issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Channel(StrEnum):
    IN_APP = "in_app"


class DeliveryStatus(StrEnum):
    DELIVERED = "delivered"


@dataclass(frozen=True)
class Recipient:
    """An addressee as the routing rules name it: an organisation, or the officers of a district."""

    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Delivery:
    event_id: str
    event_type: str
    recipient: Recipient
    channel: Channel
    subject: str
    body: str
    status: DeliveryStatus
    created_at: datetime


def application_submitted_deliveries(
    *, event_id: str, event_type: str, entity_name: str, uscc: str, district_code: str, round_year: int, now: datetime
) -> list[Delivery]:
    """The applicant learns its application reached the district; the district learns it has one to review."""
    return [
        Delivery(
            event_id=event_id,
            event_type=event_type,
            recipient=Recipient("org", uscc),
            channel=Channel.IN_APP,
            subject="服务站申请已提交",
            body=f"{entity_name}：您的{round_year}年度服务站认定申请已提交至所在区民营和中小企业主管部门，请留意初审结果。",
            status=DeliveryStatus.DELIVERED,
            created_at=now,
        ),
        Delivery(
            event_id=event_id,
            event_type=event_type,
            recipient=Recipient("district", district_code),
            channel=Channel.IN_APP,
            subject="有新的服务站申请待初审",
            body=f"{entity_name}提交了{round_year}年度服务站认定申请，请进行初审。",
            status=DeliveryStatus.DELIVERED,
            created_at=now,
        ),
    ]
