"""HTTP routes of the promotion duty (§3.3.3)."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from sme_activities.domain.promotion import PromotionSession, PromotionSubject
from sme_activities.service_layer import promotion as use_cases
from sme_activities.service_layer.promotion import StationProgress
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, Organiser
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/promotions", tags=["宣讲推广 Promotion duty"])


class SessionIn(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "station_id": "st-2026-0001",
                    "held_on": "2026-11-20",
                    "subjects": ["sme_service_platform", "suixiaoxin"],
                    "activity_id": "6f1d2c3b-6a55-4f7e-9d2a-1b3c4d5e6f70",
                    "audience_count": 45,
                    "venue": "天河创新园路演厅",
                }
            ]
        },
    )

    station_id: str = Field(examples=["st-2026-0001"])
    held_on: date
    subjects: list[PromotionSubject] = Field(
        min_length=1,
        description="sme_service_platform 广州市民营和中小企业服务平台; suixiaoxin “穗小信”工信政策数字人.",
    )
    activity_id: str | None = Field(default=None, description="The themed-month activity it was held with.")
    audience_count: int = Field(ge=0, le=100000)
    venue: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, max_length=2000)


class SessionView(BaseModel):
    id: str
    station_id: str
    district_code: str
    year: int
    held_on: date
    subjects: list[PromotionSubject]
    activity_id: str | None
    theme_month_id: str | None
    audience_count: int
    venue: str | None
    recorded_at: datetime

    @classmethod
    def of(cls, session: PromotionSession) -> SessionView:
        return cls(
            id=session.id,
            station_id=session.station_id,
            district_code=session.district_code,
            year=session.year,
            held_on=session.held_on,
            subjects=session.subjects,
            activity_id=session.activity_id,
            theme_month_id=session.theme_month_id,
            audience_count=session.audience_count,
            venue=session.venue,
            recorded_at=session.recorded_at,
        )


class RecordedView(BaseModel):
    session: SessionView
    count_this_year: int = Field(examples=[2])
    target: int = Field(examples=[3])


class ProgressView(BaseModel):
    station_id: str
    station_name: str
    district_code: str
    year: int
    count: int = Field(description="Sessions held in the calendar year.")
    target: int
    met: bool
    warned_on: list[date] = Field(description="Duty checks (1 October, 1 December) that found it below target.")

    @classmethod
    def of(cls, progress: StationProgress) -> ProgressView:
        return cls(
            station_id=progress.station.id,
            station_name=progress.station.name,
            district_code=progress.station.district_code,
            year=progress.year,
            count=progress.count,
            target=progress.target,
            met=progress.met,
            warned_on=progress.warned_on,
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Record a promotion session (the station, or the head station on its behalf)",
    responses=problem_responses(401, 403, 409, 422),
)
async def record_session(form: SessionIn, principal: Organiser, uow: UowFactoryDep) -> RecordedView:
    command = use_cases.RecordSession(
        station_id=form.station_id,
        held_on=form.held_on,
        subjects=form.subjects,
        activity_id=form.activity_id,
        audience_count=form.audience_count,
        venue=form.venue,
        notes=form.notes,
    )
    session, count = await use_cases.record_session(uow_factory=uow, principal=principal, command=command)
    return RecordedView(session=SessionView.of(session), count_this_year=count, target=3)


@router.get(
    "/progress",
    summary="Sessions per station this year against the target of 3 (station: its own; district: its own)",
    responses=problem_responses(401, 403),
)
async def read_progress(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int = Query(examples=[2026]),
    district_code: str | None = Query(default=None, examples=["440106"]),
) -> Page[ProgressView]:
    found = await use_cases.progress(
        uow_factory=uow, principal=principal, year=year, district_code=district_code, page=paging
    )
    return Page.of(found, ProgressView.of)


@router.get(
    "/stations/{station_id}",
    summary="A station's sessions of a year",
    responses=problem_responses(401, 404),
)
async def read_station_sessions(
    station_id: str,
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int = Query(examples=[2026]),
) -> Page[SessionView]:
    found = await use_cases.sessions_of_station(
        uow_factory=uow, principal=principal, station_id=station_id, year=year, page=paging
    )
    return Page.of(found, SessionView.of)
