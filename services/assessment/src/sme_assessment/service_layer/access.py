"""Who may see and do what: the object-level checks every use case of this service shares.

Bureau and head station see every station; a district officer its own district's stations; an
operator its own station. What a caller may not see answers 404, as if it did not exist.
"""

from __future__ import annotations

from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageRequest

CITY_WIDE = (Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF)

# What a list answers unless asked for another page: the first, of the usual size.
FIRST_PAGE = PageRequest()


def sees_station(principal: Principal, station_id: str, district_code: str | None) -> bool:
    """Whether the caller may see this station's records at all."""
    if principal.is_role(*CITY_WIDE):
        return True
    if principal.is_role(Role.DISTRICT_OFFICER):
        return district_code is not None and principal.district == district_code
    return principal.owns_station(station_id)


def require_sees(principal: Principal, station_id: str, district_code: str | None, *, what: str) -> None:
    """The object-level check: what the caller may not see is answered 404."""
    if not sees_station(principal, station_id, district_code):
        raise NotFound(f"没有找到该{what} (no such {what})")


def district_scope(principal: Principal, requested: str | None) -> str | None:
    """The district a listing is limited to: a district officer's own, whatever it asked for."""
    if principal.is_role(Role.DISTRICT_OFFICER):
        return principal.district
    if principal.is_role(*CITY_WIDE):
        return requested
    raise Forbidden("您的角色无权查看此清单 (your role may not list these)")


def own_station_id(principal: Principal) -> str:
    """The station an operator acts for; an operator without a recognised station acts for none."""
    if principal.role is not Role.STATION_OPERATOR or not principal.station_id:
        raise Forbidden("仅已认定服务站的运营机构可以办理 (only the operator of a recognised station may do this)")
    return principal.station_id
