"""The application form (《广州市民营和中小企业服务站申请表》) as the applicant fills it in.

A draft may be incomplete; completeness is checked when it is submitted (see eligibility).
Legal representative, contact person and staff are personal data: they stay in registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sme_contracts.common import OperatorType, ServiceCategory


@dataclass(frozen=True)
class StaffMember:
    """A full-time staff member of the station (§4.1.2(5)); personal data."""

    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class ContactPerson:
    """Who the district and the bureau call about the application; personal data."""

    name: str
    phone: str
    email: str | None = None


@dataclass(frozen=True)
class ResidentInstitution:
    """A service institution working from the station (入驻服务机构): an organisation, not a person."""

    name: str
    services: str = ""


@dataclass(frozen=True)
class ApplicationForm:
    """Everything the applicant declares. Only the identity of the applicant is required in a draft."""

    uscc: str
    entity_name: str
    district_code: str  # the district of registration, which reviews the application
    legal_representative: str | None = None
    registered_address: str | None = None
    station_name: str | None = None
    station_address: str | None = None
    station_district_code: str | None = None  # where the station serves; defaults to district_code
    operator_type: OperatorType | None = None
    office_area_sqm: float | None = None
    services: tuple[ServiceCategory, ...] = ()
    personalised_services: str = ""
    industries: tuple[str, ...] = ()
    service_area: str = ""
    service_experience: str = ""
    management_system: str = ""
    resident_institutions: tuple[ResidentInstitution, ...] = ()
    contact: ContactPerson | None = None
    staff: tuple[StaffMember, ...] = ()

    @property
    def station_district(self) -> str:
        """The district the station serves in (and is supervised by)."""
        return self.station_district_code or self.district_code

    @property
    def name_on_register(self) -> str:
        """The station's name on the register: the declared station name, else the entity's."""
        return self.station_name or self.entity_name


class AttachmentKind(StrEnum):
    """The materials the application carries (§4.1.2, §4.1.3(1))."""

    BUSINESS_LICENCE = "business_licence"  # 营业执照
    PREMISES_PROOF = "premises_proof"  # 场地证明
    MANAGEMENT_SYSTEM = "management_system"  # 管理制度
    STAFF_PROOF = "staff_proof"  # 专职人员证明（劳动合同、社保缴纳证明）
    OTHER = "other"  # 其他证明材料


ATTACHMENT_NAMES: dict[AttachmentKind, str] = {
    AttachmentKind.BUSINESS_LICENCE: "营业执照",
    AttachmentKind.PREMISES_PROOF: "场地证明",
    AttachmentKind.MANAGEMENT_SYSTEM: "管理制度",
    AttachmentKind.STAFF_PROOF: "专职人员证明（劳动合同或社保缴纳证明）",
    AttachmentKind.OTHER: "其他证明材料",
}

REQUIRED_ATTACHMENTS: tuple[AttachmentKind, ...] = (
    AttachmentKind.BUSINESS_LICENCE,
    AttachmentKind.PREMISES_PROOF,
    AttachmentKind.MANAGEMENT_SYSTEM,
    AttachmentKind.STAFF_PROOF,
)
