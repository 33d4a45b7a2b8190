"""HTTP routes of previewing and publishing the notice (bureau); the public reads it under /public."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import ClockDep, UowFactoryDep
from sme_kit.problems import problem_responses
from sme_review.domain.notices import NOTICE_WORKING_DAYS, NoticePlan
from sme_review.entrypoints.deps import Bureau, SettingsDep, Year
from sme_review.entrypoints.public_views import NoticeEntryView, NoticeView
from sme_review.service_layer import notices as use_cases

router = APIRouter(tags=["公示 Public notice"])


class NoticeForm(BaseModel):
    """The notice is published today; its period is computed (5 working days: docs/architecture.md,
    "Working days and deadlines")."""

    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "title": "2026年广州市民营和中小企业服务站拟认定名单公示",
                    "objection_contact": "广州市工业和信息化局中小企业处，电话 020-12345678，地址：广州市越秀区……",
                }
            ]
        },
    )

    title: str | None = Field(default=None, max_length=200)
    objection_contact: str | None = Field(
        default=None, max_length=500, description="Where written objections go (defaults to the service's setting)."
    )


@router.post(
    "/rounds/{year}/notice",
    status_code=status.HTTP_201_CREATED,
    summary="Publish the shortlist for 5 working days (bureau); refused for a year the calendar lacks",
    responses=problem_responses(401, 403, 404, 409),
)
async def publish_notice(
    year: Year,
    principal: Bureau,
    uow: UowFactoryDep,
    clock: ClockDep,
    settings: SettingsDep,
    form: NoticeForm | None = None,
) -> NoticeView:
    contact = (form.objection_contact if form else None) or settings.objection_contact
    notice = await use_cases.publish_notice(
        uow_factory=uow, principal=principal, year=year, title=form.title if form else None, objection_contact=contact
    )
    return NoticeView.of(notice, clock.now())


class NoticePreviewView(BaseModel):
    """The notice as publishing it today would make it; nothing is published or kept."""

    round_year: int
    published_on: date = Field(description="Today, the day publishing would date the notice.")
    period_start: date = Field(description="First working day of the period.", examples=["2026-12-28"])
    period_end: date = Field(description="Last working day of the period.", examples=["2027-01-05"])
    working_days: int = Field(examples=[NOTICE_WORKING_DAYS])
    objection_deadline: datetime = Field(examples=["2027-01-05T23:59:59+08:00"])
    entries: list[NoticeEntryView] = Field(description="The shortlist in the bureau's order.")

    @classmethod
    def of(cls, plan: NoticePlan) -> NoticePreviewView:
        return cls(
            round_year=plan.round_year,
            published_on=plan.published_on,
            period_start=plan.period_start,
            period_end=plan.period_end,
            working_days=NOTICE_WORKING_DAYS,
            objection_deadline=plan.objection_deadline,
            entries=[NoticeEntryView.of(entry) for entry in plan.entries],
        )


@router.get(
    "/rounds/{year}/notice/preview",
    summary="The period a notice published today would run (bureau, before confirming); refused as publishing would be",
    responses=problem_responses(401, 403, 404, 409),
)
async def preview_notice(year: Year, principal: Bureau, uow: UowFactoryDep) -> NoticePreviewView:
    return NoticePreviewView.of(await use_cases.preview_notice(uow_factory=uow, principal=principal, year=year))
