"""Domain objects as the tests need them, with sensible defaults."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sme_kit.vocabulary import SHANGHAI
from sme_review.domain.cases import ApplicationFacts, CaseKind, CaseStatus, Recommendation, ReviewCase
from sme_review.domain.experts import Expert
from sme_review.domain.notices import Notice, NoticeEntry, NoticeStatus
from sme_review.domain.objections import Objection, ObjectionStatus, Objector, ObjectorType

NOW = datetime(2026, 9, 1, 10, 0, tzinfo=SHANGHAI)
APPLICANT_USCC = "91440106MA59C1XE2H"


def facts(uscc: str = APPLICANT_USCC, name: str = "广州市天河区创新企业服务有限公司") -> ApplicationFacts:
    return ApplicationFacts(
        uscc=uscc,
        entity_name=name,
        district_code="440106",
        operator_type="industrial_park",
        station_address="广州市天河区天河北路 100 号",
        services=("information", "financing"),
        personalised_services="",
        industries=("软件和信息技术服务业",),
        full_time_staff=3,
        district_opinion="材料齐全，同意推荐",
        forwarded_at=NOW,
    )


def case(
    case_id: str = "c-1",
    *,
    kind: CaseKind = CaseKind.NEW,
    status: CaseStatus = CaseStatus.IN_REVIEW,
    recommendation: Recommendation | None = None,
    rank: int | None = None,
    uscc: str = APPLICANT_USCC,
) -> ReviewCase:
    return ReviewCase(
        id=case_id,
        application_id=f"app-{case_id}",
        round_year=2026,
        kind=kind,
        station_id="st-1" if kind is CaseKind.RE_REVIEW else None,
        facts=facts(uscc),
        status=status,
        opened_at=NOW,
        recommendation=recommendation,
        recommendation_reasons="综合评分较高" if recommendation else "",
        shortlist_rank=rank,
        score=Decimal("80.00") if recommendation else None,
    )


def expert(expert_id: str = "expert-lin", org_uscc: str = "12440100MB2D34567Q") -> Expert:
    return Expert(
        id=expert_id,
        name="林专家",
        organisation_name="广州市中小企业发展促进中心",
        organisation_uscc=org_uscc,
        expertise=("企业服务",),
        active=True,
        registered_at=NOW,
    )


def notice(period_end: date = date(2026, 10, 9), *, entries: tuple[str, ...] = ("app-c-1",)) -> Notice:
    return Notice(
        id="n-1",
        round_year=2026,
        title="2026年广州市民营和中小企业服务站拟认定名单公示",
        published_on=date(2026, 9, 28),
        period_start=date(2026, 9, 28),
        period_end=period_end,
        entries=tuple(
            NoticeEntry(app_id, "某服务机构", "440106", "association", "广州市天河区", ("legal",)) for app_id in entries
        ),
        objection_contact="市工业和信息化局 020-12345678",
        status=NoticeStatus.PUBLISHED,
        published_at=NOW,
        published_by="bureau-1",
    )


def objection(objection_id: str = "ob-1", case_id: str = "c-1") -> Objection:
    return Objection(
        id=objection_id,
        notice_id="n-1",
        round_year=2026,
        case_id=case_id,
        target_application_id=f"app-{case_id}",
        objector=Objector(type=ObjectorType.INDIVIDUAL, contact_phone="13800138000", real_name="张三"),
        grounds="该单位专职人员不足两名，与申报材料不符。",
        filed_at=NOW,
        status=ObjectionStatus.RECEIVED,
    )
