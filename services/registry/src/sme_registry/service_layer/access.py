"""Who may see which application or station. For everything else the answer is 404, never the data."""

from __future__ import annotations

from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_registry.domain.applications import Application, ApplicationStatus
from sme_registry.domain.stations import Station

# City-wide roles that work with applications and the register (the platform team does not).
CITY_WIDE = (Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF)


def may_read_application(principal: Principal, application: Application) -> bool:
    """The applicant always; officials once it is submitted: the bureau and head station, and the
    officer of the district it was filed with."""
    if principal.owns_org(application.uscc):
        return True
    if application.status is ApplicationStatus.DRAFT:
        return False  # a draft is the applicant's own work until it is submitted
    if principal.is_role(*CITY_WIDE):
        return True
    return principal.is_role(Role.DISTRICT_OFFICER) and principal.district == application.district_code


def may_read_station(principal: Principal, station: Station) -> bool:
    """The full record: the bureau, the head station, the station's district, and its operator."""
    if principal.is_role(*CITY_WIDE):
        return True
    if principal.is_role(Role.DISTRICT_OFFICER):
        return principal.district == station.district_code
    return principal.owns_station(station.id) or principal.owns_org(station.uscc)


def may_operate_station(principal: Principal, station: Station) -> bool:
    """Reports changes and signs the convention: the operator of that station only."""
    return principal.owns_station(station.id) or principal.owns_org(station.uscc)


def application_not_found(application_id: str) -> NotFound:
    return NotFound(f"没有编号为 {application_id} 的申请 (no such application)")


def station_not_found(station_id: str) -> NotFound:
    return NotFound(f"没有编号为 {station_id} 的服务站 (no such station)")
