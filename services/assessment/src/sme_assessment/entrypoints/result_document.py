"""A station's annual assessment result (§4.3.6) as the bureau notifies it, laid out as PDF: the
breakdown per indicator, the total, the outcome and, when unqualified, what rectification requires."""

from __future__ import annotations

import re
from datetime import datetime

from sme_assessment.domain.cycles import OUTCOME_NAMES, Outcome
from sme_assessment.domain.indicators import IndicatorScore
from sme_assessment.service_layer.results import ResultFile
from sme_kit.documents import BUREAU, CjkFonts, Column, Document, chinese_date
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS, shanghai_day

GUIDELINE = "《广州市民营和中小企业服务站建设工作指引》"
# The English gloss the service's notes end with for API readers: " (promotion duty not met)".
_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")


def result_title(file: ResultFile) -> str:
    return f"广州市民营和中小企业服务站{file.result.year}年度考核结果通知书"


def station_label(file: ResultFile) -> str:
    return file.station_name or f"服务站（{file.result.station_id}）"


def points(value: float) -> str:
    return f"{value:g}"


def chinese(note: str) -> str:
    """A note without its English gloss."""
    return _GLOSS.sub("", note)


def progress(line: IndicatorScore) -> str:
    """What was measured, with the note and, for a score entered by hand, its reason."""
    parts = [] if line.manual_reason and line.computed_score is None else [line.measured]
    if line.note:
        parts.append(chinese(line.note))
    if line.manual_reason:
        computed = f"（系统计算得分{points(line.computed_score)}分）" if line.computed_score is not None else ""
        parts.append(f"人工评分：{line.manual_reason}{computed}")
    return "；".join(parts)


def result_document(file: ResultFile, fonts: CjkFonts, *, produced_at: datetime | None = None) -> bytes:
    """The result notice of one station's year; ``file.result`` must be published."""
    result, rectification = file.result, file.rectification
    assert result.published_at is not None, "only a published result is printed"
    published_on = shanghai_day(result.published_at)
    title, station, year = result_title(file), station_label(file), result.year
    doc = Document(fonts, title=title, issuer=BUREAU, issued_on=published_on, produced_at=produced_at)
    doc.title(title, break_after="服务站")
    doc.paragraph(f"{station}：", indent=False)
    doc.paragraph(
        f"根据{GUIDELINE}，市工业和信息化局依据你站{year}年度开展服务活动、宣讲推广、参加培训、报送需求信息、"
        "办理企业服务需求以及提交工作计划和工作总结等情况，对你站进行了年度考核。现将考核结果通知如下："
    )
    outcome = OUTCOME_NAMES[result.outcome]
    doc.fields(
        [
            ("服务站名称", station),
            ("所在区", GUANGZHOU_DISTRICTS.get(result.district_code, result.district_code)),
            ("考核年度", f"{year}年度"),
            ("考核得分", f"{points(result.total)}分（满分100分，合格分数线{points(result.pass_mark)}分）"),
            ("考核结论", outcome),
            ("公布日期", chinese_date(published_on)),
        ]
    )
    doc.heading("一、各项指标得分")
    rows = [
        (str(n), line.name, points(line.weight), points(line.score), progress(line))
        for n, line in enumerate(result.breakdown, start=1)
    ]
    weights = sum(line.weight for line in result.breakdown)
    rows.append(("", "合计", points(weights), points(result.total), ""))
    doc.table(
        [
            Column("序号", 8, "C"),
            Column("考核指标", 32),
            Column("分值", 9, "C"),
            Column("得分", 9, "C"),
            Column("完成情况", 42),
        ],
        rows,
    )
    doc.heading("二、考核结论")
    if result.outcome is Outcome.QUALIFIED:
        doc.paragraph(
            f"你站{year}年度考核得分{points(result.total)}分，考核结论为“{outcome}”。"
            "请继续遵守《广州市民营和中小企业服务站服务公约》，做好民营和中小企业服务工作。"
        )
    else:
        doc.paragraph(
            f"你站{year}年度考核得分{points(result.total)}分，低于合格分数线{points(result.pass_mark)}分，"
            f"考核结论为“{outcome}”。"
        )
        doc.heading("三、整改要求")
        due = f"于{chinese_date(rectification.due_on)}前" if rectification is not None else "在规定期限内"
        doc.paragraph(
            f"请你站{due}完成整改，并通过广州市民营和中小企业服务站管理系统提交整改报告，说明存在的问题、"
            "整改措施和整改成效。市工业和信息化局将对整改情况进行复评；逾期未提交整改报告的，按现有情况复评。"
        )
        doc.paragraph(
            f"根据{GUIDELINE}，整改后年度考核结果仍为“不合格”的，撤销服务站称号。",
        )
        if rectification is not None and rectification.reassessed_outcome is not None:
            doc.heading("四、整改复评结果")
            score = (
                f"（复评得分{points(rectification.reassessed_score)}分）"
                if rectification.reassessed_score is not None
                else ""
            )
            opinion = f"复评意见：{rectification.opinion}" if rectification.opinion else ""
            doc.paragraph(
                f"经复评，整改后考核结论为“{OUTCOME_NAMES[rectification.reassessed_outcome]}”{score}。{opinion}"
            )
    doc.signature()
    return doc.output()
