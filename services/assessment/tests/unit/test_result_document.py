"""The layout of a station's result notice, on domain objects made here (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from sme_assessment.domain.cycles import Outcome, StationResult
from sme_assessment.domain.indicators import IndicatorScore
from sme_assessment.domain.rectification import Rectification, RectificationStatus
from sme_assessment.entrypoints.result_document import chinese, progress, result_document
from sme_assessment.service_layer.results import ResultFile
from sme_kit.fonts import CjkFonts, find_cjk_fonts
from sme_kit.testing.documents import DocumentReader

from .factories import NOW

LINES = [
    IndicatorScore(
        "promotion_sessions",
        "宣讲推广（每年不少于3次）",
        60,
        0,
        "宣讲 1 次（不少于 3 次）",
        "未完成每年不少于三次的宣讲任务 (promotion duty not met)",
        0,
    ),
    IndicatorScore("field_visit", "实地核查", 40, 20, "人工评分", None, None, "服务台账不完整"),
]


@pytest.fixture(scope="module")
def fonts(printed: DocumentReader) -> CjkFonts:
    return find_cjk_fonts()


def test_what_was_measured_reads_in_chinese_with_the_reason_of_a_score_entered_by_hand() -> None:
    assert chinese("本年度无办结的服务需求，按满分计 (no rated requests)") == "本年度无办结的服务需求，按满分计"
    assert chinese("宣讲 3 次（不少于 3 次）") == "宣讲 3 次（不少于 3 次）"
    assert progress(LINES[0]) == "宣讲 1 次（不少于 3 次）；未完成每年不少于三次的宣讲任务"
    assert progress(LINES[1]) == "人工评分：服务台账不完整"


def test_an_unqualified_result_reassessed_after_rectification_prints_the_reassessment(
    fonts: CjkFonts, printed: DocumentReader
) -> None:
    result = StationResult(
        id="r-1",
        cycle_id="cy-2026",
        year=2026,
        station_id="st-1",
        uscc="91440106MA59C1XE2H",
        district_code="440111",
        total=20,
        pass_mark=60,
        outcome=Outcome.UNQUALIFIED,
        breakdown=LINES,
        computed_at=NOW,
        published_at=NOW,
    )
    rectification = Rectification(
        id="rc-1",
        result_id="r-1",
        cycle_id="cy-2026",
        year=2026,
        station_id="st-1",
        uscc="91440106MA59C1XE2H",
        district_code="440111",
        total=20,
        due_on=date(2027, 2, 28),
        status=RectificationStatus.QUALIFIED,
        ordered_at=NOW,
        reassessed_outcome=Outcome.QUALIFIED,
        reassessed_score=65,
        opinion="台账已补齐，宣讲已补足。",
    )

    document = printed.read(
        result_document(ResultFile(result, "广州市白云区某服务站", rectification), fonts),
        "assessment-result-reassessed",
    )

    for phrase in (
        "广州市白云区某服务站：",
        "白云区",
        "20分（满分100分，合格分数线60分）",
        "合计10020",
        "请你站于2027年2月28日前完成整改",
        "四、整改复评结果",
        "经复评，整改后考核结论为“合格”（复评得分65分）。复评意见：台账已补齐，宣讲已补足。",
        "2027年1月20日",
    ):
        assert document.has(phrase), phrase
    assert not document.has("promotion duty not met")
