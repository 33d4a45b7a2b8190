"""What the directory learns from events: which organisation runs which station or application.

Events name stations and applications by id; to tell their operator, this service keeps the
link from the events that carry both (registry's, review's and assessment's), and the station's
status so that "every station on the register" can be told of a themed month or an assessment.
No contact data ever comes from events.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

STATION_STATUS_BY_EVENT = {
    "gz.sme.registry.station.registered.v1": "active",
    "gz.sme.review.outcome.re_review_passed.v1": "active",
    "gz.sme.assessment.revocation.station_revoked.v1": "revoked",
}
STATUS_CHANGED = "gz.sme.registry.station.status_changed.v1"


@dataclass(frozen=True)
class StationFact:
    station_id: str
    uscc: str
    district_code: str
    name: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class ApplicationFact:
    application_id: str
    uscc: str
    district_code: str
    entity_name: str | None = None


@dataclass(frozen=True)
class OrganisationFact:
    uscc: str
    name: str


@dataclass(frozen=True)
class Facts:
    organisations: list[OrganisationFact] = field(default_factory=list)
    stations: list[StationFact] = field(default_factory=list)
    applications: list[ApplicationFact] = field(default_factory=list)


def facts_of(event_type: str, data: Mapping[str, Any]) -> Facts:
    """The links an event carries (``data`` in its JSON form)."""
    facts = Facts()
    uscc, district = data.get("uscc"), data.get("district_code")
    if uscc and data.get("entity_name"):
        facts.organisations.append(OrganisationFact(uscc, data["entity_name"]))
    if data.get("target_uscc") and data.get("target_entity_name"):
        facts.organisations.append(OrganisationFact(data["target_uscc"], data["target_entity_name"]))
    if not uscc or not district:
        return facts
    if data.get("application_id"):
        facts.applications.append(ApplicationFact(data["application_id"], uscc, district, data.get("entity_name")))
    if data.get("station_id"):
        status = data.get("status") if event_type == STATUS_CHANGED else STATION_STATUS_BY_EVENT.get(event_type)
        station_name = data.get("name") if event_type.startswith("gz.sme.registry.station.") else None
        facts.stations.append(StationFact(data["station_id"], uscc, district, station_name, status))
    return facts
