"""Request and response models of cycles and results."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from sme_assessment.domain.cycles import Cycle, CycleStatus, ManualScore, NonParticipation, Outcome
from sme_assessment.domain.indicators import IndicatorScore, IndicatorSpec, resolve
from sme_assessment.domain.rectification import RectificationStatus
from sme_assessment.service_layer.results import ResultFile


class IndicatorIn(BaseModel):
    code: str = Field(
        min_length=2,
        max_length=40,
        description="系统计算指标代码（见默认指标集），或自定义的人工评分指标代码。",
        examples=["promotion_sessions"],
    )
    weight: float = Field(description="权重；各项之和须为100。", examples=[15])
    name: str | None = Field(default=None, max_length=100, description="名称；人工评分指标必填。")
    target: float | None = Field(default=None, description="满分所需数量（宣讲为最低次数）；不填用默认值。")
    manual: bool = Field(default=False, description="由市工业和信息化局或服务总站人工评分。")

    def spec(self) -> IndicatorSpec:
        return resolve(self.code, weight=self.weight, name=self.name, target=self.target, manual=self.manual)


class CycleIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"year": 2026, "pass_mark": 60, "rectification_days": 30},
                {
                    "year": 2026,
                    "pass_mark": 60,
                    "indicators": [
                        {"code": "activities_organised", "weight": 20},
                        {"code": "promotion_sessions", "weight": 20},
                        {"code": "demand_reports", "weight": 20},
                        {"code": "plan_submitted", "weight": 10},
                        {"code": "summary_submitted", "weight": 10},
                        {"code": "service_quality", "weight": 20, "name": "服务质量综合评价", "manual": True},
                    ],
                },
            ]
        }
    )

    year: int = Field(ge=2020, le=2100, examples=[2026])
    pass_mark: float | None = Field(default=None, description="合格分数线；默认60分。", examples=[60])
    rectification_days: int | None = Field(default=None, description="整改期限（天）；默认30天。", examples=[30])
    indicators: list[IndicatorIn] | None = Field(default=None, description="考核指标及权重；不填用默认指标集。")


class SettingsIn(BaseModel):
    reason: str = Field(min_length=2, max_length=1000, examples=["根据区级主管部门意见调整指标权重"])
    pass_mark: float | None = None
    rectification_days: int | None = None
    indicators: list[IndicatorIn] | None = None


class IndicatorView(BaseModel):
    code: str
    name: str
    weight: float
    target: float | None
    manual: bool


class CycleView(BaseModel):
    id: str = Field(examples=["cy-2026"])
    year: int
    status: CycleStatus = Field(description="open 进行中 / computed 已计算待公布 / published 已公布")
    pass_mark: float
    rectification_days: int
    indicators: list[IndicatorView]
    opened_at: datetime
    computed_at: datetime | None
    published_at: datetime | None

    @classmethod
    def of(cls, cycle: Cycle) -> CycleView:
        return cls(
            id=cycle.id,
            year=cycle.year,
            status=cycle.status,
            pass_mark=cycle.pass_mark,
            rectification_days=cycle.rectification_days,
            indicators=[IndicatorView(**spec.__dict__) for spec in cycle.indicators],
            opened_at=cycle.opened_at,
            computed_at=cycle.computed_at,
            published_at=cycle.published_at,
        )


class ManualScoreIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"score": 12, "reason": "宣讲记录经核实补录2次"}]})

    score: float = Field(ge=0, le=100, description="得分，0至该指标权重之间。")
    reason: str = Field(min_length=2, max_length=2000, description="评分理由（记入审计）。")


class ManualScoreView(BaseModel):
    cycle_id: str
    station_id: str
    indicator_code: str
    score: float
    reason: str
    entered_by: str
    entered_role: str
    entered_at: datetime

    @classmethod
    def of(cls, score: ManualScore) -> ManualScoreView:
        return cls(**score.__dict__)


class NonParticipationIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"station_id": "st-2026-0001", "excused": False, "reason": "未按通知提交考核材料，亦未说明理由"},
                {
                    "station_id": "st-2026-0002",
                    "excused": True,
                    "reason": "办公场所因台风受损，经核实同意免于本年度考核",
                },
            ]
        }
    )

    station_id: str = Field(examples=["st-2026-0001"])
    excused: bool = Field(description="true：理由成立，免于本年度考核；false：无故不参加（第6项撤销情形）。")
    reason: str = Field(min_length=2, max_length=2000)


class NonParticipationView(BaseModel):
    cycle_id: str
    station_id: str
    district_code: str
    excused: bool
    reason: str
    recorded_at: datetime

    @classmethod
    def of(cls, record: NonParticipation) -> NonParticipationView:
        return cls(
            cycle_id=record.cycle_id,
            station_id=record.station_id,
            district_code=record.district_code,
            excused=record.excused,
            reason=record.reason,
            recorded_at=record.recorded_at,
        )


class PublishIn(BaseModel):
    rectification_due_on: date | None = Field(
        default=None, description="整改报告截止日期；默认公布之日起按本年度整改期限计算。", examples=["2027-03-31"]
    )


class BreakdownLine(BaseModel):
    code: str
    name: str
    weight: float
    score: float
    measured: str = Field(examples=["宣讲 2 次（不少于 3 次）"])
    note: str | None
    computed_score: float | None = Field(description="系统依据证据计算的得分（人工评分指标为空）。")
    manual_reason: str | None = Field(description="人工评分的理由；为空表示采用系统计算得分。")

    @classmethod
    def of(cls, line: IndicatorScore) -> BreakdownLine:
        return cls(**line.__dict__)


class ResultView(BaseModel):
    id: str
    cycle_id: str
    year: int
    station_id: str
    station_name: str | None
    district_code: str
    total: float = Field(examples=[72.5])
    pass_mark: float
    outcome: Outcome = Field(description="qualified 合格 / unqualified 不合格")
    published: bool
    published_at: datetime | None
    rectification_id: str | None
    rectification_status: RectificationStatus | None
    final_outcome: Outcome | None = Field(description="整改复评后的结论；未整改或未复评时同考核结论或为空。")
    breakdown: list[BreakdownLine]

    @classmethod
    def of(cls, file: ResultFile) -> ResultView:
        result, rectification = file.result, file.rectification
        final = result.outcome if rectification is None else rectification.reassessed_outcome
        return cls(
            id=result.id,
            cycle_id=result.cycle_id,
            year=result.year,
            station_id=result.station_id,
            station_name=file.station_name,
            district_code=result.district_code,
            total=result.total,
            pass_mark=result.pass_mark,
            outcome=result.outcome,
            published=result.published,
            published_at=result.published_at,
            rectification_id=rectification.id if rectification else None,
            rectification_status=rectification.status if rectification else None,
            final_outcome=final,
            breakdown=[BreakdownLine.of(line) for line in result.breakdown],
        )
