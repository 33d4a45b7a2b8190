"""Information changes of a recognised station (§4.4).

The operator reports a change of name, address, legal representative, contact or staff with the
date the change was completed. The register is updated at once and the change kept in the
history. A report more than 30 calendar days after completion is accepted but recorded as late
(day 30 is on time, day 31 is late); late reports count against the station in assessment.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sme_contracts.common import StationStatus
from sme_kit.vocabulary import is_guangzhou_district
from sme_registry.domain.eligibility import MIN_FULL_TIME_STAFF
from sme_registry.domain.errors import InvalidTransition, RuleViolation
from sme_registry.domain.forms import ContactPerson, StaffMember
from sme_registry.domain.stations import Station

REPORT_WITHIN_DAYS = 30


class ChangeKind(StrEnum):
    NAME = "name"  # 名称
    ADDRESS = "address"  # 地址
    LEGAL_REPRESENTATIVE = "legal_representative"  # 法定代表人
    CONTACT = "contact"  # 联系人
    STAFF = "staff"  # 专职工作人员


@dataclass(frozen=True)
class NameChange:
    entity_name: str
    station_name: str | None = None


@dataclass(frozen=True)
class AddressChange:
    station_address: str | None = None
    district_code: str | None = None
    registered_address: str | None = None


@dataclass(frozen=True)
class ChangeReport:
    """What the operator reports: the new values of each kind that changed."""

    completed_on: date
    name: NameChange | None = None
    address: AddressChange | None = None
    legal_representative: str | None = None
    contact: ContactPerson | None = None
    staff: tuple[StaffMember, ...] | None = None

    @property
    def kinds(self) -> tuple[ChangeKind, ...]:
        present = {
            ChangeKind.NAME: self.name,
            ChangeKind.ADDRESS: self.address,
            ChangeKind.LEGAL_REPRESENTATIVE: self.legal_representative,
            ChangeKind.CONTACT: self.contact,
            ChangeKind.STAFF: self.staff,
        }
        return tuple(kind for kind, value in present.items() if value is not None)


@dataclass(frozen=True)
class InfoChange:
    """A reported change as kept in the history: what was there before and what is there now."""

    id: str
    station_id: str
    kinds: tuple[ChangeKind, ...]
    completed_on: date
    reported_on: date
    late: bool
    before: dict[str, Any]
    after: dict[str, Any]
    reported_at: datetime
    reported_by: str


def is_late(completed_on: date, reported_on: date) -> bool:
    """More than 30 calendar days between completion and report (§4.4)."""
    return (reported_on - completed_on).days > REPORT_WITHIN_DAYS


def report_violations(report: ChangeReport, *, today: date) -> list[RuleViolation]:
    """Every reason the report cannot be accepted (being late is not one of them)."""
    violations = []
    if not report.kinds:
        violations.append(RuleViolation("kinds", "请至少填报一项变更内容 (report at least one change)", "required"))
    if report.completed_on > today:
        violations.append(
            RuleViolation(
                "completed_on",
                "变更完成日期不能晚于今天：请在变更完成后报送 (report a change once it is completed)",
                "in_future",
            )
        )
    if report.staff is not None and len(report.staff) < MIN_FULL_TIME_STAFF:
        violations.append(
            RuleViolation(
                "staff",
                f"变更后专职工作人员不得少于{MIN_FULL_TIME_STAFF}名 (at least {MIN_FULL_TIME_STAFF} full-time staff)",
                "too_few_staff",
            )
        )
    district = report.address.district_code if report.address else None
    if district is not None and not is_guangzhou_district(district):
        violations.append(
            RuleViolation(
                "address.district_code",
                f"{district} 不是广州市的行政区 (not one of Guangzhou's 11 districts)",
                "district_not_guangzhou",
            )
        )
    return violations


def apply_change(
    station: Station, report: ChangeReport, *, change_id: str, today: date, now: datetime, reported_by: str
) -> InfoChange:
    """Put the reported values on the register and return the history entry."""
    if station.status is StationStatus.REVOKED:
        raise InvalidTransition(f"服务站 {station.station_number} 已撤销，不再办理信息变更 (the station was revoked)")
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    if report.name is not None:
        before["name"] = {"entity_name": station.entity_name, "station_name": station.name}
        follows_entity = station.name == station.entity_name
        station.entity_name = report.name.entity_name
        station.name = report.name.station_name or (report.name.entity_name if follows_entity else station.name)
        after["name"] = {"entity_name": station.entity_name, "station_name": station.name}
    if report.address is not None:
        before["address"] = _address(station)
        station.address = report.address.station_address or station.address
        station.district_code = report.address.district_code or station.district_code
        station.registered_address = report.address.registered_address or station.registered_address
        after["address"] = _address(station)
    if report.legal_representative is not None:
        before["legal_representative"] = station.legal_representative
        station.legal_representative = report.legal_representative
        after["legal_representative"] = station.legal_representative
    if report.contact is not None:
        before["contact"] = asdict(station.contact) if station.contact else None
        station.contact = report.contact
        after["contact"] = asdict(report.contact)
    if report.staff is not None:
        before["staff"] = [asdict(member) for member in station.staff]
        station.staff = report.staff
        after["staff"] = [asdict(member) for member in report.staff]
    station.updated_at = now
    return InfoChange(
        id=change_id,
        station_id=station.id,
        kinds=report.kinds,
        completed_on=report.completed_on,
        reported_on=today,
        late=is_late(report.completed_on, today),
        before=before,
        after=after,
        reported_at=now,
        reported_by=reported_by,
    )


def _address(station: Station) -> dict[str, str]:
    return {
        "station_address": station.address,
        "district_code": station.district_code,
        "registered_address": station.registered_address,
    }
