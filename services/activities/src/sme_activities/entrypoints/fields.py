"""Input checks several routers share: USCC, Guangzhou districts, the contact a code is sent to, role aliases."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo

from sme_activities.domain.confirmations import mobile_number
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS, is_valid_uscc, normalise_uscc


def _valid_uscc(value: str) -> str:
    """The code in its one written form (the kit's vocabulary), refused unless its check digit is right."""
    if not is_valid_uscc(value):
        raise ValueError("统一社会信用代码无效（校验位不符） (not a valid unified social credit code)")
    return normalise_uscc(value)


def _guangzhou_district(code: str) -> str:
    if code not in GUANGZHOU_DISTRICTS:
        raise ValueError(f"{code} 不是广州市的行政区 (not one of Guangzhou's 11 districts)")
    return code


Uscc = Annotated[
    str,
    Field(
        min_length=18, max_length=20, description="统一社会信用代码 (GB 32100-2015).", examples=["91440106MA59C1XE2H"]
    ),
    AfterValidator(_valid_uscc),
]
DistrictCode = Annotated[
    str,
    Field(description="6-digit division code of a Guangzhou district.", examples=["440106"]),
    AfterValidator(_guangzhou_district),
]

ContactPhone = Annotated[
    str,
    Field(
        pattern=r"^[0-9+\-() ]{7,20}$",
        description="A mainland mobile number receives the confirmation code by SMS; with a landline, give "
        "contact_email too.",
        examples=["13800138000"],
    ),
]
EmailAddress = Annotated[
    str, StringConstraints(max_length=254, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
]
ContactEmail = Annotated[
    EmailAddress | None,
    BeforeValidator(lambda value: value or None),  # an empty answer is no answer
    Field(
        default=None,
        validate_default=True,
        description="Where the confirmation code goes when contact_phone is not a mobile number.",
        examples=["li.xiaoming@example.com"],
    ),
]


def code_goes_somewhere(email: str | None, info: ValidationInfo) -> str | None:
    """A form filed without signing in needs a mobile number or an e-mail address for its code
    (a ``field_validator("contact_email")`` of such forms)."""
    phone = info.data.get("contact_phone")
    if email is None and phone is not None and mobile_number(phone) is None:
        raise ValueError(
            "联系电话不是手机号码时，须填写电子邮箱以接收验证码 "
            "(give an e-mail address for the confirmation code when the phone is not a mobile number)"
        )
    return email
