"""Input checks several routers share: USCC, Guangzhou districts, role aliases."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field
from stdnum.cn import uscc as uscc_number
from stdnum.exceptions import ValidationError as NumberInvalid

from sme_kit.auth import GUANGZHOU_DISTRICTS, Principal, Role
from sme_kit.http_auth import require_roles


def _valid_uscc(value: str) -> str:
    try:
        return str(uscc_number.validate(value))
    except NumberInvalid as exc:
        raise ValueError("统一社会信用代码无效（校验位不符） (not a valid unified social credit code)") from exc


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

HeadStation = Annotated[Principal, require_roles(Role.HEAD_STATION_STAFF)]
Operator = Annotated[Principal, require_roles(Role.STATION_OPERATOR)]
Organiser = Annotated[Principal, require_roles(Role.HEAD_STATION_STAFF, Role.STATION_OPERATOR)]
