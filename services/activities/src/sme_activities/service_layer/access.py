"""Who may see and do what: the object-level checks every use case of this service shares."""

from __future__ import annotations

from sme_activities.domain.stations import Station
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden
from sme_kit.uow import Actor

PUBLIC = Actor(subject="public", role="public")
CITY_WIDE = (Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF)


def own_station_id(principal: Principal) -> str:
    """The station an operator acts for; an operator without a recognised station acts for none."""
    if principal.role is not Role.STATION_OPERATOR or not principal.station_id:
        raise Forbidden("仅已认定服务站的运营机构可以办理 (only the operator of a recognised station may do this)")
    return principal.station_id


def sees_station(principal: Principal, station_id: str, district_code: str | None) -> bool:
    """Bureau and head station see every station; a district its own district's; an operator its own."""
    if principal.is_role(*CITY_WIDE):
        return True
    if principal.is_role(Role.DISTRICT_OFFICER):
        return district_code is not None and principal.district == district_code
    return principal.owns_station(station_id)


def sees(principal: Principal, station: Station | None, station_id: str) -> bool:
    return sees_station(principal, station_id, station.district_code if station else None)
