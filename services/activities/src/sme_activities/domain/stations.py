"""The local read model of the station register, kept from registry's events, and the rule that
picks a station for a service request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_activities.domain.errors import StationNotActive
from sme_contracts.common import ServiceCategory


class StationStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass
class Station:
    """What this service knows of a station: enough to check rights, route requests and aggregate."""

    id: str
    uscc: str
    name: str
    district_code: str
    services: list[ServiceCategory]
    status: StationStatus
    valid_until: date | None
    updated_at: datetime
    name_may_be_outdated: bool = False

    @property
    def active(self) -> bool:
        return self.status is StationStatus.ACTIVE

    def offers(self, category: ServiceCategory | None) -> bool:
        """A personalised need (no category) can go to any station; a common service only to one offering it."""
        return category is None or category in self.services


def require_active(station: Station | None, station_id: str, *, as_what: str) -> Station:
    """The station, if its title is active; otherwise the command is refused."""
    if station is None or not station.active:
        raise StationNotActive(
            f"服务站 {station_id} 当前不是有效服务站，不能{as_what} (station {station_id} is not an active station)"
        )
    return station


@dataclass(frozen=True)
class Candidate:
    station: Station
    open_requests: int


def pick_station(
    candidates: Sequence[Candidate], *, district_code: str, category: ServiceCategory | None
) -> Station | None:
    """The station of the SME's district that is to accept a request nobody chose a station for.

    Among the active stations of the district offering the category (any station for a
    personalised need), the one with the fewest open requests, so that work spreads evenly; ties go
    to the smallest station id, so the choice is reproducible. None: the head station takes it.
    """
    eligible = [
        candidate
        for candidate in candidates
        if candidate.station.active
        and candidate.station.district_code == district_code
        and candidate.station.offers(category)
    ]
    if not eligible:
        return None
    return min(eligible, key=lambda candidate: (candidate.open_requests, candidate.station.id)).station
