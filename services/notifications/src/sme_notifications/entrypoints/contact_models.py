"""Request and response bodies of the directory and of /me (contacts and preferences)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from sme_notifications.domain.preferences import Preferences
from sme_notifications.domain.recipients import Contact, Official, OfficialRole, Organisation

EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
MOBILE = r"^1[3-9][0-9]{9}$"


class ContactIn(BaseModel):
    """Who receives an organisation's notices by e-mail and SMS; leave a part null to not use it."""

    contact_name: str | None = Field(default=None, min_length=1, max_length=50, examples=["王芳"])
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL, examples=["wangfang@example.com"])
    mobile: str | None = Field(default=None, pattern=MOBILE, examples=["13800138000"])

    def contact(self) -> Contact:
        return Contact(name=self.contact_name, email=self.email, mobile=self.mobile)


class OrganisationView(BaseModel):
    uscc: str = Field(examples=["91440106MA59C1XE2H"])
    name: str | None = Field(examples=["广州市天河区创新企业服务有限公司"], description="Registered name, from events.")
    contact_name: str | None = Field(examples=["王芳"])
    email: str | None = Field(examples=["wangfang@example.com"])
    mobile: str | None = Field(examples=["13800138000"])

    @classmethod
    def of(cls, organisation: Organisation) -> OrganisationView:
        return cls(
            uscc=organisation.uscc,
            name=organisation.name,
            contact_name=organisation.contact.name,
            email=organisation.contact.email,
            mobile=organisation.contact.mobile,
        )


class OfficialIn(BaseModel):
    """An official who receives notices for their role; ``subject`` (in the path) is their token's ``sub``."""

    name: str = Field(min_length=1, max_length=50, examples=["李明"])
    role: OfficialRole = Field(examples=["district_officer"])
    district_code: str | None = Field(
        default=None, pattern=r"^[0-9]{6}$", examples=["440106"], description="District officers only."
    )
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL, examples=["liming@th.gov.example"])
    mobile: str | None = Field(default=None, pattern=MOBILE, examples=["13900139000"])

    def official(self, subject: str) -> Official:
        return Official(
            subject=subject,
            name=self.name,
            role=self.role,
            district_code=self.district_code,
            email=self.email,
            mobile=self.mobile,
        )


class OfficialView(OfficialIn):
    subject: str = Field(examples=["do-th-liming"])

    @classmethod
    def of(cls, official: Official) -> OfficialView:
        return cls(
            subject=official.subject,
            name=official.name,
            role=official.role,
            district_code=official.district_code,
            email=official.email,
            mobile=official.mobile,
        )


class PreferencesBody(BaseModel):
    """Which outbound channels to receive. Mandatory notices (退回、不予通过、认定、整改、撤销、到期提醒…)
    are sent whatever is chosen here; the in-app inbox always receives everything."""

    email: bool = Field(default=True, examples=[True])
    sms: bool = Field(default=True, examples=[False])

    def preferences(self) -> Preferences:
        return Preferences(email=self.email, sms=self.sms)

    @classmethod
    def of(cls, chosen: Preferences) -> PreferencesBody:
        return cls(email=chosen.email, sms=chosen.sms)
