"""Events published by the registry service (rounds, applications, the station register)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from sme_contracts.base import Event
from sme_contracts.topics import REGISTRY_APPLICATION


class ApplicationKind(StrEnum):
    """A first application, or the re-review of a station whose 3 years end (§4.2)."""

    NEW = "new"
    RE_REVIEW = "re_review"


class ApplicationSubmitted(Event):
    """An applicant submitted (or resubmitted) its application to the district of its registration."""

    event_type: ClassVar[str] = "gz.sme.registry.application.submitted.v1"
    topic = REGISTRY_APPLICATION
    subject_field: ClassVar[str] = "application_id"

    application_id: str = Field(
        description="Registry's id of the application.", examples=["a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11"]
    )
    round_year: int = Field(description="Year of the application round.", examples=[2026])
    kind: ApplicationKind = Field(description="New application or re-review.", examples=["new"])
    uscc: str = Field(
        description="Unified social credit code of the applying legal entity.", examples=["91440101MA5CXXXX0X"]
    )
    entity_name: str = Field(
        description="Registered name of the applying legal entity.", examples=["广州市天河区中小企业服务中心有限公司"]
    )
    district_code: str = Field(
        description="6-digit division code of the district that reviews it.", examples=["440106"]
    )
    submitted_at: datetime = Field(description="When it was submitted (Asia/Shanghai offset).")
    resubmission: bool = Field(default=False, description="True when resubmitted after the district returned it.")
