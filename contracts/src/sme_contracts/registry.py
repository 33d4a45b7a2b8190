"""Events published by the registry service: applications and the station register.

Events carry what their consumers need and no personal data: no staff names, phone numbers or
ID numbers. Contact details stay in registry; notifications asks for them through its own
directory, filled by the operator's consent, never from these events.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from sme_contracts.base import Event
from sme_contracts.common import OperatorType, ServiceCategory, StationStatus
from sme_contracts.topics import topic

REGISTRY_APPLICATION = topic(
    "gz.sme.registry.application",
    "registry",
    "Applications to run a service station: submitted, returned, rejected, forwarded (§4.1.3(1)).",
)
REGISTRY_STATION = topic(
    "gz.sme.registry.station",
    "registry",
    "The register of recognised stations: registered, information changed, convention signed, "
    "expiring, expired, status changed (§4.1.4, §4.2, §4.4).",
)

_APPLICATION_ID = Field(
    description="Registry's id of the application.", examples=["a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11"]
)
_STATION_ID = Field(description="Registry's id of the station.", examples=["st-2026-0001"])
_USCC = Field(description="Unified social credit code of the legal entity.", examples=["91440106MA59C1XE2T"])
_ENTITY = Field(description="Registered name of the legal entity.", examples=["广州市天河区中小企业服务中心有限公司"])
_DISTRICT = Field(description="6-digit division code of the station's district.", examples=["440106"])


class ApplicationKind(StrEnum):
    """A first application, or the re-review of a station whose 3 years end (§4.2)."""

    NEW = "new"
    RE_REVIEW = "re_review"


class ApplicationSubmitted(Event):
    """An applicant submitted (or resubmitted) its application to the district of its registration."""

    event_type: ClassVar[str] = "gz.sme.registry.application.submitted.v1"
    topic = REGISTRY_APPLICATION
    subject_field: ClassVar[str] = "application_id"

    application_id: str = _APPLICATION_ID
    round_year: int = Field(description="Year of the application round.", examples=[2026])
    kind: ApplicationKind = Field(description="New application or re-review.", examples=["new"])
    uscc: str = _USCC
    entity_name: str = _ENTITY
    district_code: str = Field(
        description="6-digit division code of the district that reviews it.", examples=["440106"]
    )
    submitted_at: datetime = Field(description="When it was submitted (Asia/Shanghai offset).")
    resubmission: bool = Field(default=False, description="True when resubmitted after the district returned it.")


class ApplicationReturned(Event):
    """The district returned the application for completion; the applicant edits and resubmits."""

    event_type: ClassVar[str] = "gz.sme.registry.application.returned.v1"
    topic = REGISTRY_APPLICATION
    subject_field: ClassVar[str] = "application_id"

    application_id: str = _APPLICATION_ID
    round_year: int
    uscc: str = _USCC
    entity_name: str = _ENTITY
    district_code: str = _DISTRICT
    reasons: list[str] = Field(
        description="What to complete or correct, as the district wrote it.", examples=[["请补充专职人员劳动合同"]]
    )
    returned_at: datetime


class ApplicationRejected(Event):
    """The district rejected the application in its preliminary review, with reasons."""

    event_type: ClassVar[str] = "gz.sme.registry.application.rejected.v1"
    topic = REGISTRY_APPLICATION
    subject_field: ClassVar[str] = "application_id"

    application_id: str = _APPLICATION_ID
    round_year: int
    uscc: str = _USCC
    entity_name: str = _ENTITY
    district_code: str = _DISTRICT
    reasons: list[str] = Field(description="Why, as the district wrote it.", examples=[["不具备固定办公场所"]])
    rejected_at: datetime


class ApplicationForwarded(Event):
    """The district passed its preliminary review and forwarded the application to the bureau.

    The review service opens a case from it: it carries what experts and the head station need
    to organise the review, never staff names or phone numbers.
    """

    event_type: ClassVar[str] = "gz.sme.registry.application.forwarded.v1"
    topic = REGISTRY_APPLICATION
    subject_field: ClassVar[str] = "application_id"

    application_id: str = _APPLICATION_ID
    round_year: int
    kind: ApplicationKind
    station_id: str | None = Field(default=None, description="For a re-review: the station concerned.")
    uscc: str = _USCC
    entity_name: str = _ENTITY
    district_code: str = _DISTRICT
    operator_type: OperatorType
    station_address: str = Field(description="Where the station serves (a place, not personal data).")
    services: list[ServiceCategory] = Field(description="Common services offered (§3.4(1)).")
    personalised_services: str = Field(default="", description="Personalised services, free text (§3.4(2)).")
    industries: list[str] = Field(default_factory=list, description="Industries served.")
    full_time_staff: int = Field(ge=0, description="Number of full-time staff (≥ 2 required by §4.1.2(5)).")
    district_opinion: str = Field(default="", description="The district's preliminary review opinion.")
    forwarded_at: datetime


class StationRegistered(Event):
    """A station entered the register after the final list (§4.1.3(5)); its plaque is issued."""

    event_type: ClassVar[str] = "gz.sme.registry.station.registered.v1"
    topic = REGISTRY_STATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    station_number: str = Field(description="Public station number.", examples=["GZSME-2026-0001"])
    plaque_number: str = Field(description="Number on the plaque.", examples=["穗中小服站〔2026〕001号"])
    application_id: str = _APPLICATION_ID
    uscc: str = _USCC
    name: str = Field(
        description="Station name as on the register.", examples=["广州市民营和中小企业服务站（天河创新园）"]
    )
    district_code: str = _DISTRICT
    address: str = Field(description="Station address.")
    operator_type: OperatorType
    services: list[ServiceCategory]
    valid_from: date
    valid_until: date = Field(description="Last day of the 3-year validity (§4.2).")
    registered_at: datetime


class StationInfoChanged(Event):
    """The operator reported a change of name, address, legal representative, contact or staff (§4.4)."""

    event_type: ClassVar[str] = "gz.sme.registry.station.info_changed.v1"
    topic = REGISTRY_STATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    change_id: str
    uscc: str = _USCC
    district_code: str = _DISTRICT
    fields_changed: list[str] = Field(description="Which kinds of information changed.", examples=[["name", "address"]])
    completed_on: date = Field(description="When the change itself was completed.")
    reported_on: date
    late: bool = Field(description="Reported more than 30 calendar days after completion (§4.4).")
    reported_at: datetime


class StationConventionSigned(Event):
    """The operator signed the service convention (§4.1.4)."""

    event_type: ClassVar[str] = "gz.sme.registry.station.convention_signed.v1"
    topic = REGISTRY_STATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    convention_version: str = Field(examples=["2026.1"])
    signed_at: datetime


class StationExpiring(Event):
    """The station's validity ends in 90 days: time to apply for re-review in this year's round."""

    event_type: ClassVar[str] = "gz.sme.registry.station.expiring.v1"
    topic = REGISTRY_STATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    uscc: str = _USCC
    name: str
    district_code: str = _DISTRICT
    valid_until: date
    days_left: int


class StationExpired(Event):
    """The station's 3 years ended. Without a re-review application in that year's round,
    assessment proposes revocation on ground 5."""

    event_type: ClassVar[str] = "gz.sme.registry.station.expired.v1"
    topic = REGISTRY_STATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    uscc: str = _USCC
    name: str
    district_code: str = _DISTRICT
    valid_until: date
    re_review_applied: bool = Field(description="Whether a re-review application exists in that year's round.")


class StationStatusChanged(Event):
    """The station's status on the register changed (registered, confirmed, expired, revoked)."""

    event_type: ClassVar[str] = "gz.sme.registry.station.status_changed.v1"
    topic = REGISTRY_STATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    uscc: str = _USCC
    name: str
    district_code: str = _DISTRICT
    status: StationStatus
    previous_status: StationStatus | None
    reason: str = Field(description="Why, in words the operator reads.")
    revocation_ground: int | None = Field(default=None, ge=1, le=8, description="For a revocation: the ground of §4.3.")
    valid_until: date
    effective_on: date
    changed_at: datetime
