"""Request and response models of the people on a form: staff, contact person (personal data)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sme_registry.domain.forms import ContactPerson, ResidentInstitution, StaffMember

# Mobile (optionally +86) or landline with area code and optional extension.
PHONE_PATTERN = r"^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$"


class StaffMemberModel(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"name": "李明", "role": "服务站站长", "phone": "13800138000"}]},
    )

    name: str = Field(min_length=1, max_length=50, description="姓名")
    role: str = Field(min_length=1, max_length=50, description="岗位 / 职务")
    phone: str = Field(pattern=PHONE_PATTERN, description="联系电话（手机或带区号的固定电话）")

    def to_domain(self) -> StaffMember:
        return StaffMember(self.name, self.role, self.phone)

    @classmethod
    def of(cls, member: StaffMember) -> StaffMemberModel:
        return cls(name=member.name, role=member.role, phone=member.phone)


class ContactModel(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"name": "王芳", "phone": "020-38881234", "email": "contact@example.cn"}]},
    )

    name: str = Field(min_length=1, max_length=50, description="联系人姓名")
    phone: str = Field(pattern=PHONE_PATTERN, description="联系电话")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="电子邮箱")

    def to_domain(self) -> ContactPerson:
        return ContactPerson(self.name, self.phone, self.email)

    @classmethod
    def of(cls, contact: ContactPerson | None) -> ContactModel | None:
        return cls(name=contact.name, phone=contact.phone, email=contact.email) if contact else None


class ResidentInstitutionModel(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"name": "广州某律师事务所", "services": "法律咨询、合同审查"}]},
    )

    name: str = Field(min_length=1, max_length=200, description="入驻服务机构名称")
    services: str = Field(default="", max_length=500, description="提供的服务")

    def to_domain(self) -> ResidentInstitution:
        return ResidentInstitution(self.name, self.services)

    @classmethod
    def of(cls, institution: ResidentInstitution) -> ResidentInstitutionModel:
        return cls(name=institution.name, services=institution.services)
