"""An application to run a service station, and its life cycle (§4.1.3(1)).

This first cut carries the minimal form; the full form and eligibility rules of §4.1.2 come
with the registry's own issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sme_registry.domain.errors import InvalidTransition


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class ApplicationKind(StrEnum):
    NEW = "new"
    RE_REVIEW = "re_review"


@dataclass(frozen=True)
class ApplicationSubmitted:
    """Domain event: the applicant handed its application to its district."""

    application_id: str
    round_year: int
    kind: ApplicationKind
    uscc: str
    entity_name: str
    district_code: str
    submitted_at: datetime


@dataclass
class Application:
    id: str
    uscc: str
    entity_name: str
    district_code: str
    kind: ApplicationKind
    round_year: int
    status: ApplicationStatus
    created_at: datetime
    submitted_at: datetime | None = None

    def submit(self, now: datetime) -> ApplicationSubmitted:
        """Hand the application to the district; only a draft can be submitted."""
        if self.status is not ApplicationStatus.DRAFT:
            raise InvalidTransition(f"application {self.id} is {self.status.value}, only a draft can be submitted")
        self.status = ApplicationStatus.SUBMITTED
        self.submitted_at = now
        return ApplicationSubmitted(
            application_id=self.id,
            round_year=self.round_year,
            kind=self.kind,
            uscc=self.uscc,
            entity_name=self.entity_name,
            district_code=self.district_code,
            submitted_at=now,
        )
