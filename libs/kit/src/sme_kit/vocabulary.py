"""The programme's shared vocabulary: the words every service and domain means the same way by.

The unified social credit code (统一社会信用代码, GB 32100-2015) and how it is normalised and
checked, Guangzhou's districts, and the programme's time zone. Pure (standard library and
``python-stdnum``, no I/O): domains may import this module, and nothing else of the kit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from stdnum.cn import uscc as _uscc

__all__ = [
    "GUANGZHOU_DISTRICTS",
    "GUANGZHOU_DIVISION_PREFIX",
    "INDIVIDUAL_BUSINESS_PREFIX",
    "SHANGHAI",
    "district_name",
    "is_guangzhou_district",
    "is_valid_uscc",
    "normalise_uscc",
    "registration_division",
    "shanghai_day",
]

# The programme's clock: deadlines, notice periods and "today" are days in China Standard Time.
SHANGHAI: Final = ZoneInfo("Asia/Shanghai")

# Division codes of Guangzhou's eleven districts (GB/T 2260). 440101 (former 东山) no longer exists.
GUANGZHOU_DISTRICTS: Final[dict[str, str]] = {
    "440103": "荔湾区",
    "440104": "越秀区",
    "440105": "海珠区",
    "440106": "天河区",
    "440111": "白云区",
    "440112": "黄埔区",
    "440113": "番禺区",
    "440114": "花都区",
    "440115": "南沙区",
    "440117": "从化区",
    "440118": "增城区",
}

# USCC characters 3–8 are the registration authority's division; Guangzhou's start with 4401.
GUANGZHOU_DIVISION_PREFIX: Final = "4401"
# USCC characters 1–2 "92": an individual business (个体工商户), which is not a legal person.
INDIVIDUAL_BUSINESS_PREFIX: Final = "92"


def normalise_uscc(code: str | None) -> str:
    """The code as the standard writes it: upper case, no spaces anywhere (people paste it either way).

    Every service keys organisations by this form, so a token's ``org`` and an application's
    USCC that a person typed differently still name the same legal entity.
    """
    return "".join((code or "").split()).upper()


def is_valid_uscc(code: str | None) -> bool:
    """True when the (normalised) code has 18 characters of the standard's alphabet and a right check digit."""
    return bool(_uscc.is_valid(normalise_uscc(code)))


def registration_division(code: str) -> str:
    """The registration authority's division code (characters 3–8) of a normalised USCC."""
    return normalise_uscc(code)[2:8]


def is_guangzhou_district(district_code: str | None) -> bool:
    """True for one of Guangzhou's eleven district codes."""
    return (district_code or "") in GUANGZHOU_DISTRICTS


def district_name(district_code: str | None) -> str | None:
    """The district's Chinese name (``440106`` → 天河区), None for a code outside Guangzhou."""
    return GUANGZHOU_DISTRICTS.get(district_code or "")


def shanghai_day(moment: datetime) -> date:
    """The calendar day an aware moment falls on in China Standard Time."""
    return moment.astimezone(SHANGHAI).date()
