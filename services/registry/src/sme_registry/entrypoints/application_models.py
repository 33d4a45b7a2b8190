"""Request and response models of applications: the form of the guideline with Chinese examples."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sme_contracts.common import OperatorType, ServiceCategory
from sme_kit.vocabulary import district_name, is_guangzhou_district, normalise_uscc
from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus, Decision
from sme_registry.domain.forms import ApplicationForm
from sme_registry.entrypoints.people import ContactModel, ResidentInstitutionModel, StaffMemberModel
from sme_registry.service_layer.applications import FillInForm, StatusCounts

FORM_EXAMPLE: dict[str, Any] = {
    "uscc": "91440106MA59C1XE2H",
    "entity_name": "广州市天河区创新企业服务有限公司",
    "district_code": "440106",
    "kind": "new",
    "legal_representative": "张伟",
    "registered_address": "广州市天河区天河路 100 号 801 室",
    "station_name": "广州市民营和中小企业服务站（天河创新园）",
    "station_address": "广州市天河区天河路 100 号 1 楼服务大厅",
    "station_district_code": "440106",
    "operator_type": "sme_service_centre",
    "office_area_sqm": 260,
    "services": ["information", "legal", "financing"],
    "personalised_services": "跨境电商企业出海合规辅导",
    "industries": ["新一代信息技术", "跨境电商"],
    "service_area": "天河区珠江新城、天河北片区",
    "service_experience": "近三年为辖区 300 余家中小企业提供政策咨询与融资对接服务",
    "management_system": "已建立服务站工作制度、服务台账制度和服务质量回访制度，设站长 1 名、服务专员 2 名",
    "resident_institutions": [{"name": "广州某律师事务所", "services": "法律咨询、合同审查"}],
    "contact": {"name": "王芳", "phone": "020-38881234", "email": "contact@example.cn"},
    "staff": [
        {"name": "李明", "role": "服务站站长", "phone": "13800138000"},
        {"name": "陈静", "role": "服务专员", "phone": "13900139000"},
    ],
}


class ApplicationFormModel(BaseModel):
    """《广州市民营和中小企业服务站申请表》. A draft needs only the applicant's identity; the rest is
    checked on submission (§4.1.2)."""

    model_config = ConfigDict(str_strip_whitespace=True, json_schema_extra={"examples": [FORM_EXAMPLE]})

    uscc: str = Field(
        min_length=18, max_length=18, pattern=r"^[0-9A-Za-z]{18}$", description="申请单位统一社会信用代码"
    )
    entity_name: str = Field(min_length=2, max_length=200, description="单位名称（与营业执照一致）")
    district_code: str = Field(pattern=r"^\d{6}$", description="注册地所在区（6 位行政区划代码），由该区主管部门初审")
    kind: ApplicationKind = Field(default=ApplicationKind.NEW, description="new 新申请；re_review 三年期满复核")
    station_id: str | None = Field(default=None, max_length=36, description="复核申请：本单位已认定的服务站编号")
    legal_representative: str | None = Field(default=None, max_length=50, description="法定代表人")
    registered_address: str | None = Field(default=None, max_length=300, description="注册地址")
    station_name: str | None = Field(default=None, max_length=200, description="服务站名称（缺省为单位名称）")
    station_address: str | None = Field(default=None, max_length=300, description="服务站地址（固定办公场所）")
    station_district_code: str | None = Field(
        default=None, pattern=r"^\d{6}$", description="服务站所在区（缺省为注册地所在区）"
    )
    operator_type: OperatorType | None = Field(default=None, description="运营机构类型")
    office_area_sqm: float | None = Field(default=None, ge=0, le=1_000_000, description="办公场所面积（平方米）")
    services: list[ServiceCategory] = Field(default_factory=list, max_length=9, description="提供的共性服务")
    personalised_services: str = Field(default="", max_length=2000, description="个性化服务")
    industries: list[str] = Field(default_factory=list, max_length=30, description="服务的产业 / 行业")
    service_area: str = Field(default="", max_length=500, description="服务区域")
    service_experience: str = Field(default="", max_length=5000, description="民营和中小企业服务经验")
    management_system: str = Field(default="", max_length=5000, description="服务管理制度和服务架构")
    resident_institutions: list[ResidentInstitutionModel] = Field(
        default_factory=list, max_length=50, description="入驻服务机构"
    )
    contact: ContactModel | None = Field(default=None, description="联系人")
    staff: list[StaffMemberModel] = Field(
        default_factory=list, max_length=100, description="专职工作人员（不少于 2 名）"
    )

    @field_validator("district_code")
    @classmethod
    def _one_of_guangzhou(cls, code: str) -> str:
        if not is_guangzhou_district(code):
            raise ValueError(f"{code} 不是广州市的行政区 (not one of Guangzhou's 11 districts)")
        return code

    @field_validator("uscc")
    @classmethod
    def _upper(cls, code: str) -> str:
        return normalise_uscc(code)

    def to_command(self) -> FillInForm:
        form = ApplicationForm(
            uscc=self.uscc,
            entity_name=self.entity_name,
            district_code=self.district_code,
            legal_representative=self.legal_representative or None,
            registered_address=self.registered_address or None,
            station_name=self.station_name or None,
            station_address=self.station_address or None,
            station_district_code=self.station_district_code,
            operator_type=self.operator_type,
            office_area_sqm=self.office_area_sqm,
            services=tuple(dict.fromkeys(self.services)),
            personalised_services=self.personalised_services,
            industries=tuple(self.industries),
            service_area=self.service_area,
            service_experience=self.service_experience,
            management_system=self.management_system,
            resident_institutions=tuple(i.to_domain() for i in self.resident_institutions),
            contact=self.contact.to_domain() if self.contact else None,
            staff=tuple(member.to_domain() for member in self.staff),
        )
        return FillInForm(form=form, kind=self.kind, station_id=self.station_id)


class DistrictDecisionView(BaseModel):
    decision: Decision
    reasons: list[str]
    opinion: str
    district_code: str
    decided_at: datetime


class ApplicationSummary(BaseModel):
    """An application in a list: who applied, where, and how far it got (no personal data)."""

    id: str
    uscc: str
    entity_name: str
    district_code: str
    district_name: str | None
    kind: ApplicationKind
    station_id: str | None
    round_year: int
    status: ApplicationStatus
    created_at: datetime
    submitted_at: datetime | None
    forwarded_at: datetime | None

    @classmethod
    def of(cls, application: Application) -> ApplicationSummary:
        return cls(
            id=application.id,
            uscc=application.uscc,
            entity_name=application.entity_name,
            district_code=application.district_code,
            district_name=district_name(application.district_code),
            kind=application.kind,
            station_id=application.station_id,
            round_year=application.round_year,
            status=application.status,
            created_at=application.created_at,
            submitted_at=application.submitted_at,
            forwarded_at=application.forwarded_at,
        )


class StatusCount(BaseModel):
    status: ApplicationStatus
    count: int


class ApplicationCounts(BaseModel):
    """How many applications are in each status the caller may see (0 included), and in all."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "by_status": [
                        {"status": "submitted", "count": 3},
                        {"status": "returned", "count": 1},
                        {"status": "rejected", "count": 0},
                        {"status": "forwarded", "count": 5},
                        {"status": "recognised", "count": 0},
                        {"status": "declined", "count": 0},
                    ],
                    "total": 9,
                }
            ]
        }
    )

    by_status: list[StatusCount] = Field(description="In the order of the life cycle.")
    total: int

    @classmethod
    def of(cls, counts: StatusCounts) -> ApplicationCounts:
        return cls(
            by_status=[StatusCount(status=status, count=count) for status, count in counts.by_status.items()],
            total=counts.total,
        )


class ApplicationView(ApplicationSummary):
    """The whole application, for the applicant, its district, the bureau and the head station."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **FORM_EXAMPLE,
                    "id": "a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11",
                    "district_name": "天河区",
                    "station_id": None,
                    "round_year": 2026,
                    "status": "returned",
                    "created_at": "2026-03-02T09:30:00+08:00",
                    "updated_at": "2026-03-05T15:00:00+08:00",
                    "submitted_at": "2026-03-03T10:00:00+08:00",
                    "forwarded_at": None,
                    "closed_at": None,
                    "submissions": 1,
                    "outcome_reason": None,
                    "district_decisions": [
                        {
                            "decision": "return",
                            "reasons": ["请补充专职人员劳动合同"],
                            "opinion": "",
                            "district_code": "440106",
                            "decided_at": "2026-03-05T15:00:00+08:00",
                        }
                    ],
                }
            ]
        }
    )

    legal_representative: str | None
    registered_address: str | None
    station_name: str | None
    station_address: str | None
    station_district_code: str
    operator_type: OperatorType | None
    office_area_sqm: float | None
    services: list[ServiceCategory]
    personalised_services: str
    industries: list[str]
    service_area: str
    service_experience: str
    management_system: str
    resident_institutions: list[ResidentInstitutionModel]
    contact: ContactModel | None
    staff: list[StaffMemberModel]
    updated_at: datetime
    closed_at: datetime | None
    submissions: int = Field(description="How many times it was submitted (more than 1 after a return).")
    outcome_reason: str | None = Field(description="Why it was rejected or declined.")
    district_decisions: list[DistrictDecisionView]

    @classmethod
    def of(cls, application: Application) -> ApplicationView:
        form = application.form
        return cls(
            **ApplicationSummary.of(application).model_dump(),
            legal_representative=form.legal_representative,
            registered_address=form.registered_address,
            station_name=form.station_name,
            station_address=form.station_address,
            station_district_code=form.station_district,
            operator_type=form.operator_type,
            office_area_sqm=form.office_area_sqm,
            services=list(form.services),
            personalised_services=form.personalised_services,
            industries=list(form.industries),
            service_area=form.service_area,
            service_experience=form.service_experience,
            management_system=form.management_system,
            resident_institutions=[ResidentInstitutionModel.of(i) for i in form.resident_institutions],
            contact=ContactModel.of(form.contact),
            staff=[StaffMemberModel.of(member) for member in form.staff],
            updated_at=application.updated_at,
            closed_at=application.closed_at,
            submissions=application.submissions,
            outcome_reason=application.outcome_reason,
            district_decisions=[
                DistrictDecisionView(
                    decision=d.decision,
                    reasons=list(d.reasons),
                    opinion=d.opinion,
                    district_code=d.district_code,
                    decided_at=d.decided_at,
                )
                for d in application.decisions
            ],
        )


class ForwardRequest(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"opinion": "材料齐全，符合申报条件，同意推荐"}]},
    )

    opinion: str = Field(default="", max_length=2000, description="区级初审意见")


class ReasonsRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": ["请补充专职人员劳动合同", "场地证明需加盖公章"]}]},
    )

    reasons: list[str] = Field(default_factory=list, max_length=30, description="理由（至少一条）")
