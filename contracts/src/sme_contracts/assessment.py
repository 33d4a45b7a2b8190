"""Events published by the assessment service. The revocation decision is what registry applies;
the assessment issue adds results, rectification and plans here."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from sme_contracts.base import Event
from sme_contracts.common import RevocationGround
from sme_contracts.topics import topic

ASSESSMENT_REVOCATION = topic(
    "gz.sme.assessment.revocation",
    "assessment",
    "Revocations of the station title decided by the bureau (§4.3).",
)


class StationRevoked(Event):
    """The bureau revoked a station's title on one of the eight grounds of §4.3."""

    event_type: ClassVar[str] = "gz.sme.assessment.revocation.station_revoked.v1"
    topic = ASSESSMENT_REVOCATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str
    revocation_id: str
    uscc: str
    district_code: str
    ground: RevocationGround = Field(description="The ground of §4.3, 1 to 8.", examples=[5])
    ground_text: str = Field(description="The ground in the guideline's words.")
    reason: str = Field(description="The bureau's explanation to the station.")
    decided_on: date
    effective_on: date
    decided_at: datetime
