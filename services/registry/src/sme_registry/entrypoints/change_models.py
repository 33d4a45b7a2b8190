"""Request models of information changes (§4.4) and of signing the convention (§4.1.4)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from sme_registry.domain.changes import AddressChange, ChangeReport, NameChange
from sme_registry.entrypoints.people import ContactModel, StaffMemberModel


class NameChangeModel(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    entity_name: str = Field(min_length=2, max_length=200, description="变更后的单位名称")
    station_name: str | None = Field(default=None, max_length=200, description="变更后的服务站名称（可选）")


class AddressChangeModel(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    station_address: str | None = Field(default=None, max_length=300, description="变更后的服务站地址")
    district_code: str | None = Field(default=None, pattern=r"^\d{6}$", description="变更后服务站所在区")
    registered_address: str | None = Field(default=None, max_length=300, description="变更后的注册地址")


class ChangeReportRequest(BaseModel):
    """Only the kinds of information that changed are sent, each with its new values."""

    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "completed_on": "2026-11-20",
                    "name": {"entity_name": "广州市天河区创新企业服务集团有限公司"},
                    "legal_representative": "赵磊",
                }
            ]
        },
    )

    completed_on: date = Field(description="变更完成日期（如营业执照换发日期）")
    name: NameChangeModel | None = None
    address: AddressChangeModel | None = None
    legal_representative: str | None = Field(default=None, min_length=1, max_length=50, description="新的法定代表人")
    contact: ContactModel | None = None
    staff: list[StaffMemberModel] | None = Field(default=None, max_length=100, description="变更后的全部专职人员")

    def to_domain(self) -> ChangeReport:
        return ChangeReport(
            completed_on=self.completed_on,
            name=NameChange(self.name.entity_name, self.name.station_name or None) if self.name else None,
            address=(
                AddressChange(
                    self.address.station_address or None,
                    self.address.district_code,
                    self.address.registered_address or None,
                )
                if self.address
                else None
            ),
            legal_representative=self.legal_representative,
            contact=self.contact.to_domain() if self.contact else None,
            staff=tuple(member.to_domain() for member in self.staff) if self.staff is not None else None,
        )


class SignConventionRequest(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"signatory_name": "张伟", "signatory_title": "法定代表人"}]},
    )

    signatory_name: str = Field(min_length=1, max_length=50, description="签署人姓名")
    signatory_title: str = Field(default="", max_length=50, description="签署人职务")
