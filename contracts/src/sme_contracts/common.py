"""Vocabulary several services' events share: the guideline's own categories."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ServiceCategory(StrEnum):
    """The nine common services of §3.4(1) (共性服务)."""

    INFORMATION = "information"  # 信息
    TECHNOLOGY = "technology"  # 技术
    TALENT = "talent"  # 人才
    INNOVATION_ENTREPRENEURSHIP = "innovation_entrepreneurship"  # 创新创业
    LEGAL = "legal"  # 法律
    BRAND_FINANCE = "brand_finance"  # 品牌金融
    TRAINING = "training"  # 培训
    FINANCING = "financing"  # 融资
    SUPPLY_CHAIN = "supply_chain"  # 产业链上下游对接


SERVICE_CATEGORY_NAMES: dict[ServiceCategory, str] = {
    ServiceCategory.INFORMATION: "信息服务",
    ServiceCategory.TECHNOLOGY: "技术服务",
    ServiceCategory.TALENT: "人才服务",
    ServiceCategory.INNOVATION_ENTREPRENEURSHIP: "创新创业服务",
    ServiceCategory.LEGAL: "法律服务",
    ServiceCategory.BRAND_FINANCE: "品牌金融服务",
    ServiceCategory.TRAINING: "培训服务",
    ServiceCategory.FINANCING: "融资服务",
    ServiceCategory.SUPPLY_CHAIN: "产业链上下游对接服务",
}


class OperatorType(StrEnum):
    """Who may build and run a station (§3.3(1), both drafts: banks and financial institutions included)."""

    DEMONSTRATION_PLATFORM = "demonstration_platform"  # 中小企业公共服务示范平台
    ENTREPRENEURSHIP_BASE = "entrepreneurship_base"  # 小型微型企业创业创新示范基地
    SME_SERVICE_CENTRE = "sme_service_centre"  # 市区两级中小企业服务中心
    ASSOCIATION = "association"  # 行业商协会
    FINANCIAL_INSTITUTION = "financial_institution"  # 银行金融机构
    PROPERTY_SERVICE_CENTRE = "property_service_centre"  # 物业服务中心（企业服务中心）
    INDUSTRIAL_PARK = "industrial_park"  # 产业园区
    OTHER = "other"  # 其他


class StationStatus(StrEnum):
    ACTIVE = "active"  # 有效
    EXPIRED = "expired"  # 有效期满（待复核结果或撤销）
    REVOKED = "revoked"  # 已撤销


class RevocationGround(IntEnum):
    """The eight grounds of §4.3, numbered as in the guideline."""

    VIOLATION_OR_FAILED_CREDIT = 1  # 存在违法违规行为，受到行政机关、司法机关处罚或信用评价不合格的
    FALSIFIED_MATERIALS = 2  # 申请资料弄虚作假的
    SERIOUS_CONVENTION_BREACH = 3  # 严重违反服务公约的
    NOT_SUPPORTING_DEPARTMENTS = 4  # 不支持市区两级主管部门的相关工作，无正当理由不参加组织的公共服务活动的
    NO_OR_FAILED_RE_REVIEW = 5  # 三年期满不申请复核或复核未通过的
    ASSESSMENT_SKIPPED_OR_FAILED = 6  # 无故不参加年度考核，或整改后年度考核结果仍为"不合格"的
    VOLUNTARY_WITHDRAWAL = 7  # 主动申请不再承担服务站工作的
    OTHER_UNSUITABILITY = 8  # 其他情形不适宜承担服务站工作的


REVOCATION_GROUND_TEXT: dict[RevocationGround, str] = {
    RevocationGround.VIOLATION_OR_FAILED_CREDIT: "存在违法违规行为，受到行政机关、司法机关处罚或信用评价不合格",
    RevocationGround.FALSIFIED_MATERIALS: "申请资料弄虚作假",
    RevocationGround.SERIOUS_CONVENTION_BREACH: "严重违反服务公约",
    RevocationGround.NOT_SUPPORTING_DEPARTMENTS: (
        "不支持市区两级民营和中小企业主管部门的相关工作，无正当理由不参加由民营和中小企业主管部门组织的民营企业公共服务活动"
    ),
    RevocationGround.NO_OR_FAILED_RE_REVIEW: "三年期满不申请复核或复核未通过",
    RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED: "无故不参加年度考核，或整改后年度考核结果仍为“不合格”",
    RevocationGround.VOLUNTARY_WITHDRAWAL: "主动申请不再承担服务站工作",
    RevocationGround.OTHER_UNSUITABILITY: "其他情形不适宜承担服务站工作",
}
