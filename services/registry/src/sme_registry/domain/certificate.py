"""The plaque certificate (认定证书) of a recognised station (§4.1.3(5)): what it states, and when one is issued.

A certificate states a recognition in force, so one is issued only while the station is active: an
expired or revoked station has none (409), though its record stays readable. It carries the
organisation's facts the public register shows, never a person's (no legal representative, contact
or staff).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sme_contracts.common import ServiceCategory, StationStatus
from sme_registry.domain.errors import InvalidTransition
from sme_registry.domain.stations import Station

_NOT_IN_FORCE = {StationStatus.EXPIRED: "有效期已届满", StationStatus.REVOKED: "已被撤销"}


class NoCertificate(InvalidTransition):
    """The station's recognition is not in force: no certificate states it (409)."""


@dataclass(frozen=True)
class Certificate:
    station_id: str
    station_name: str
    entity_name: str
    district_code: str
    address: str
    station_number: str
    plaque_number: str
    services: tuple[ServiceCategory, ...]
    valid_from: date
    valid_until: date


def certificate_of(station: Station) -> Certificate:
    """The certificate of an active station; `NoCertificate` for one whose recognition ended."""
    if station.status is not StationStatus.ACTIVE:
        why = _NOT_IN_FORCE.get(station.status, "不在有效期内")
        raise NoCertificate(
            f"服务站 {station.station_number} {why}，不出具认定证书 (the station is {station.status.value}: "
            "no certificate is issued)"
        )
    return Certificate(
        station_id=station.id,
        station_name=station.name,
        entity_name=station.entity_name,
        district_code=station.district_code,
        address=station.address,
        station_number=station.station_number,
        plaque_number=station.plaque_number,
        services=station.services,
        valid_from=station.valid_from,
        valid_until=station.valid_until,
    )
