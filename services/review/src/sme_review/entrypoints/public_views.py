"""What the public reads: the notice with its shortlist and how to object, and the final list."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_review.domain.final_list import FinalList
from sme_review.domain.notices import Notice, NoticeEntry, NoticeStatus, objection_guidance


class NoticeEntryView(BaseModel):
    application_id: str = Field(description="Quote it when objecting.")
    entity_name: str = Field(examples=["广州市天河区创新企业服务有限公司"])
    district_code: str = Field(examples=["440106"])
    district_name: str | None = Field(examples=["天河区"])
    operator_type: str = Field(examples=["industrial_park"])
    station_address: str = Field(examples=["广州市天河区天河北路 100 号"])
    services: list[str] = Field(examples=[["information", "financing"]])

    @classmethod
    def of(cls, entry: NoticeEntry) -> NoticeEntryView:
        return cls(
            application_id=entry.application_id,
            entity_name=entry.entity_name,
            district_code=entry.district_code,
            district_name=GUANGZHOU_DISTRICTS.get(entry.district_code),
            operator_type=entry.operator_type,
            station_address=entry.station_address,
            services=list(entry.services),
        )


class NoticeView(BaseModel):
    id: str
    round_year: int
    title: str = Field(examples=["2026年广州市民营和中小企业服务站拟认定名单公示"])
    status: NoticeStatus
    published_on: date
    period_start: date = Field(description="First working day of the 5-working-day period.", examples=["2026-09-28"])
    period_end: date = Field(description="Last working day of the period.", examples=["2026-10-09"])
    objection_deadline: datetime = Field(examples=["2026-10-09T23:59:59+08:00"])
    accepting_objections: bool
    how_to_object: str = Field(description="The rules of §4.1.3(4) with this notice's deadline and contact.")
    objections_url: str = Field(examples=["/public/notices/5b0c.../objections"])
    entries: list[NoticeEntryView]

    @classmethod
    def of(cls, notice: Notice, now: datetime) -> NoticeView:
        return cls(
            id=notice.id,
            round_year=notice.round_year,
            title=notice.title,
            status=notice.status,
            published_on=notice.published_on,
            period_start=notice.period_start,
            period_end=notice.period_end,
            objection_deadline=notice.objection_deadline,
            accepting_objections=notice.status is NoticeStatus.PUBLISHED and now < notice.closes_at,
            how_to_object=objection_guidance(notice),
            objections_url=f"/public/notices/{notice.id}/objections",
            entries=[NoticeEntryView.of(e) for e in notice.entries],
        )


class FinalListEntryView(BaseModel):
    plaque_number: str = Field(examples=["穗中小服站〔2026〕001号"])
    application_id: str
    entity_name: str = Field(examples=["广州市天河区创新企业服务有限公司"])
    district_code: str
    district_name: str | None
    station_address: str


class FinalListView(BaseModel):
    id: str
    round_year: int
    title: str = Field(examples=["2026年广州市民营和中小企业服务站最终认定名单"])
    published_on: date
    entries: list[FinalListEntryView]

    @classmethod
    def of(cls, final_list: FinalList) -> FinalListView:
        return cls(
            id=final_list.id,
            round_year=final_list.round_year,
            title=final_list.title,
            published_on=final_list.published_on,
            entries=[
                FinalListEntryView(
                    plaque_number=e.plaque_number,
                    application_id=e.application_id,
                    entity_name=e.entity_name,
                    district_code=e.district_code,
                    district_name=GUANGZHOU_DISTRICTS.get(e.district_code),
                    station_address=e.station_address,
                )
                for e in final_list.entries
            ],
        )
