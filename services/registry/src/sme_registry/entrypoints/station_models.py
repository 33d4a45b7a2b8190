"""Response models of the register: the public view (no personal data) and the full record."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sme_contracts.common import SERVICE_CATEGORY_NAMES, OperatorType, ServiceCategory, StationStatus
from sme_kit.vocabulary import district_name
from sme_registry.domain.changes import ChangeKind, InfoChange
from sme_registry.domain.stations import Station, StatusChange
from sme_registry.entrypoints.people import ContactModel, ResidentInstitutionModel, StaffMemberModel

PUBLIC_EXAMPLE: dict[str, Any] = {
    "id": "5b0f3c1e-7d2a-4e8b-9c61-3f2a1d0e9b77",
    "station_number": "GZSME-2026-0001",
    "plaque_number": "穗中小服站〔2026〕001号",
    "name": "广州市民营和中小企业服务站（天河创新园）",
    "entity_name": "广州市天河区创新企业服务有限公司",
    "district_code": "440106",
    "district_name": "天河区",
    "address": "广州市天河区天河路 100 号 1 楼服务大厅",
    "operator_type": "sme_service_centre",
    "services": ["information", "legal", "financing"],
    "service_names": ["信息服务", "法律服务", "融资服务"],
    "personalised_services": "跨境电商企业出海合规辅导",
    "industries": ["新一代信息技术", "跨境电商"],
    "service_area": "天河区珠江新城、天河北片区",
    "resident_institutions": [{"name": "广州某律师事务所", "services": "法律咨询、合同审查"}],
    "valid_from": "2026-12-01",
    "valid_until": "2029-11-30",
}


class PublicStationView(BaseModel):
    """A station as the public register shows it: name, place, services, validity — no personal data."""

    model_config = ConfigDict(json_schema_extra={"examples": [PUBLIC_EXAMPLE]})

    id: str
    station_number: str
    plaque_number: str
    name: str
    entity_name: str = Field(description="运营单位")
    district_code: str
    district_name: str | None
    address: str
    operator_type: OperatorType
    services: list[ServiceCategory]
    service_names: list[str]
    personalised_services: str
    industries: list[str]
    service_area: str
    resident_institutions: list[ResidentInstitutionModel]
    valid_from: date
    valid_until: date

    @classmethod
    def public_fields(cls, station: Station) -> dict[str, Any]:
        return {
            "id": station.id,
            "station_number": station.station_number,
            "plaque_number": station.plaque_number,
            "name": station.name,
            "entity_name": station.entity_name,
            "district_code": station.district_code,
            "district_name": district_name(station.district_code),
            "address": station.address,
            "operator_type": station.operator_type,
            "services": list(station.services),
            "service_names": [SERVICE_CATEGORY_NAMES[s] for s in station.services],
            "personalised_services": station.personalised_services,
            "industries": list(station.industries),
            "service_area": station.service_area,
            "resident_institutions": [ResidentInstitutionModel.of(i) for i in station.resident_institutions],
            "valid_from": station.valid_from,
            "valid_until": station.valid_until,
        }

    @classmethod
    def of(cls, station: Station) -> PublicStationView:
        return cls(**cls.public_fields(station))


class ConventionView(BaseModel):
    version: str
    signed_at: datetime
    signatory_name: str
    signatory_title: str


class StationView(PublicStationView):
    """The full record: for the bureau, the head station, the station's district and its operator."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **PUBLIC_EXAMPLE,
                    "uscc": "91440106MA59C1XE2H",
                    "application_id": "a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11",
                    "registered_address": "广州市天河区天河路 100 号 801 室",
                    "legal_representative": "张伟",
                    "contact": {"name": "王芳", "phone": "020-38881234", "email": "contact@example.cn"},
                    "staff": [{"name": "李明", "role": "服务站站长", "phone": "13800138000"}],
                    "status": "active",
                    "revocation_ground": None,
                    "revocation_reason": None,
                    "revoked_on": None,
                    "registered_at": "2026-12-01T10:00:00+08:00",
                    "updated_at": "2026-12-01T10:00:00+08:00",
                    "convention": None,
                    "convention_signed": False,
                }
            ]
        }
    )

    uscc: str
    application_id: str
    registered_address: str
    legal_representative: str
    contact: ContactModel | None
    staff: list[StaffMemberModel]
    status: StationStatus
    revocation_ground: int | None
    revocation_reason: str | None
    revoked_on: date | None
    registered_at: datetime
    updated_at: datetime
    convention: ConventionView | None
    convention_signed: bool = Field(description="Whether the current version of the convention is signed.")

    @classmethod
    def full(cls, station: Station, *, convention_version: str) -> StationView:
        signature = station.convention
        return cls(
            **cls.public_fields(station),
            uscc=station.uscc,
            application_id=station.application_id,
            registered_address=station.registered_address,
            legal_representative=station.legal_representative,
            contact=ContactModel.of(station.contact),
            staff=[StaffMemberModel.of(member) for member in station.staff],
            status=station.status,
            revocation_ground=int(station.revocation_ground) if station.revocation_ground else None,
            revocation_reason=station.revocation_reason,
            revoked_on=station.revoked_on,
            registered_at=station.registered_at,
            updated_at=station.updated_at,
            convention=(
                ConventionView(
                    version=signature.version,
                    signed_at=signature.signed_at,
                    signatory_name=signature.signatory_name,
                    signatory_title=signature.signatory_title,
                )
                if signature
                else None
            ),
            convention_signed=station.has_signed(convention_version),
        )


class StatusChangeView(BaseModel):
    status: StationStatus
    previous_status: StationStatus | None
    reason: str
    revocation_ground: int | None
    effective_on: date
    changed_at: datetime

    @classmethod
    def of(cls, change: StatusChange) -> StatusChangeView:
        return cls(
            status=change.status,
            previous_status=change.previous_status,
            reason=change.reason,
            revocation_ground=int(change.revocation_ground) if change.revocation_ground else None,
            effective_on=change.effective_on,
            changed_at=change.changed_at,
        )


class ChangeView(BaseModel):
    """A reported information change: which kinds, when completed and reported, late or not."""

    id: str
    kinds: list[ChangeKind]
    completed_on: date
    reported_on: date
    late: bool = Field(description="Reported more than 30 calendar days after completion (§4.4).")
    before: dict[str, Any]
    after: dict[str, Any]
    reported_at: datetime

    @classmethod
    def of(cls, change: InfoChange) -> ChangeView:
        return cls(
            id=change.id,
            kinds=list(change.kinds),
            completed_on=change.completed_on,
            reported_on=change.reported_on,
            late=change.late,
            before=change.before,
            after=change.after,
            reported_at=change.reported_at,
        )
