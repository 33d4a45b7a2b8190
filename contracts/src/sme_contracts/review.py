"""Events published by the review service: outcomes of expert review, notice and objections.

The review issue adds the events of its own workflow (expert assignments, notices, objections)
here; the outcomes below are what registry and assessment act on.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from sme_contracts.base import Event
from sme_contracts.topics import topic

REVIEW_OUTCOME = topic(
    "gz.sme.review.outcome",
    "review",
    "Outcomes of a round per application: recognised (final list), declined, "
    "re-review passed or failed (§4.1.3(5), §4.2).",
)


class DeclineReason(StrEnum):
    NOT_RECOMMENDED = "not_recommended"  # 专家评审未推荐 / 未入围
    OBJECTION_UPHELD = "objection_upheld"  # 公示期异议经调查属实


class StationRecognised(Event):
    """The applicant is on the bureau's final list: registry registers the station, valid 3 years."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.station_recognised.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str = Field(description="Registry's id of the application.")
    round_year: int
    uscc: str = Field(examples=["91440106MA59C1XE2T"])
    entity_name: str
    district_code: str = Field(examples=["440106"])
    plaque_number: str = Field(
        description="Number on the plaque the bureau issues.", examples=["穗中小服站〔2026〕001号"]
    )
    final_list_id: str
    final_list_published_on: date = Field(
        description="Publication date of the final list: validity starts here (§4.2)."
    )
    recognised_at: datetime


class ApplicationDeclined(Event):
    """The application ends without recognition: not recommended, or an objection was upheld."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.application_declined.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str
    round_year: int
    uscc: str
    entity_name: str
    district_code: str
    reason_code: DeclineReason
    reason: str = Field(description="The reason as the applicant reads it.")
    declined_at: datetime


class ReReviewPassed(Event):
    """The station passed its re-review (§4.2): confirmed, validity renewed."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.re_review_passed.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str
    station_id: str
    round_year: int
    uscc: str
    district_code: str
    confirmed_on: date = Field(description="Publication date of the result: the renewed 3 years start here.")
    decided_at: datetime


class ReReviewFailed(Event):
    """The station failed its re-review (§4.2): assessment revokes it on ground 5."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.re_review_failed.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str
    station_id: str
    round_year: int
    uscc: str
    district_code: str
    reason: str
    decided_on: date
    decided_at: datetime
