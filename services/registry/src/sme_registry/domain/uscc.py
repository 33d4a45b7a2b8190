"""The unified social credit code (统一社会信用代码, GB 32100-2015) and what it tells about the applicant.

Characters 1–2 are the entity type (``92`` is an individual business, 个体工商户, which has no
legal-person status); characters 3–8 are the division code of the registration authority
(Guangzhou's start with ``4401``); character 18 is the check digit.
"""

from __future__ import annotations

from sme_kit.vocabulary import (
    GUANGZHOU_DIVISION_PREFIX,
    INDIVIDUAL_BUSINESS_PREFIX,
    is_valid_uscc,
    normalise_uscc,
)
from sme_registry.domain.errors import RuleViolation


def uscc_violations(code: str, *, field: str = "uscc") -> list[RuleViolation]:
    """Every eligibility rule (§4.1.2(1)) the code breaks: check digit, Guangzhou, legal person.

    The code is read in the programme's one normal form (``sme_kit.vocabulary``), so what passes
    here is what every other service keys the organisation by.
    """
    code = normalise_uscc(code)
    violations: list[RuleViolation] = []
    if not is_valid_uscc(code):
        violations.append(
            RuleViolation(
                field,
                "统一社会信用代码校验位不正确，请核对营业执照 (the check digit of the USCC is wrong)",
                "uscc_check_digit",
            )
        )
    return violations + entity_violations(code, field=field)


def entity_violations(code: str, *, field: str = "uscc") -> list[RuleViolation]:
    """What the code says excludes the entity from applying at all (§4.1.2(1)): registered outside
    Guangzhou, or an individual business, which has no legal-person status."""
    code = normalise_uscc(code)
    violations: list[RuleViolation] = []
    if len(code) >= 8 and not code[2:8].startswith(GUANGZHOU_DIVISION_PREFIX):
        violations.append(
            RuleViolation(
                field,
                f"申请单位须在广州注册：登记管理机关行政区划码 {code[2:8]} 不属于广州市 "
                "(the applicant must be registered in Guangzhou)",
                "uscc_not_guangzhou",
            )
        )
    if code.startswith(INDIVIDUAL_BUSINESS_PREFIX):
        violations.append(
            RuleViolation(
                field,
                "个体工商户不具备法人资格，不能申请认定服务站 (an individual business is not a legal person)",
                "individual_business",
            )
        )
    return violations
