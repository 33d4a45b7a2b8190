"""The local read model of the station register, kept from registry's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_assessment.domain.errors import AlreadyRevoked, StationNotActive


class StationStatus(StrEnum):
    ACTIVE = "active"  # 有效
    EXPIRED = "expired"  # 有效期满（待复核结果或撤销）
    REVOKED = "revoked"  # 已撤销


@dataclass
class Station:
    """What assessment knows of a station: who runs it, where, and whether its title is active."""

    id: str
    uscc: str
    name: str
    district_code: str
    status: StationStatus
    valid_from: date | None
    valid_until: date | None
    updated_at: datetime
    convention_signed_on: date | None = None

    @property
    def active(self) -> bool:
        return self.status is StationStatus.ACTIVE

    @property
    def revoked(self) -> bool:
        return self.status is StationStatus.REVOKED

    def served_in(self, year: int) -> bool:
        """True when the station held its title at some time of ``year`` (it is assessed for that year)."""
        return self.valid_from is None or self.valid_from.year <= year

    def existed_by(self, day: date) -> bool:
        return self.valid_from is None or self.valid_from <= day


def require_active(station: Station | None, station_id: str, *, to: str) -> Station:
    """The station, if its title is active; otherwise the command is refused (409)."""
    if station is None or not station.active:
        raise StationNotActive(f"服务站 {station_id} 当前不是有效服务站，不能{to} (station {station_id} is not active)")
    return station


def require_not_revoked_for(station: Station | None, station_id: str, *, to: str) -> Station:
    """The station, unless it was revoked: one whose 3 years ended still reports while its re-review runs."""
    if station is None or station.revoked:
        raise StationNotActive(
            f"服务站 {station_id} 已被撤销或不存在，不能{to} (station {station_id} is revoked or unknown)"
        )
    return station


def require_not_revoked(station: Station) -> None:
    """Refuse to propose or decide revocation of a station already revoked (409)."""
    if station.revoked:
        raise AlreadyRevoked(
            f"服务站 {station.id} 已被撤销服务站称号，不能重复撤销 (station {station.id} is already revoked)"
        )
