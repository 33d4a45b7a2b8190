"""HTTP routes of staff trainings (§3.3.2)."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from sme_activities.domain.trainings import Attendee, Training
from sme_activities.service_layer import trainings as use_cases
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, HeadStation
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/trainings", tags=["工作人员培训 Staff trainings"])


class AttendeeIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    station_id: str = Field(examples=["st-2026-0001"])
    staff_name: str = Field(min_length=2, max_length=100, examples=["王晓"])
    position: str | None = Field(default=None, max_length=100, examples=["服务专员"])
    attended: bool = Field(default=True, description="False records an invited staff member who did not attend.")


class TrainingIn(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "title": "2026年第四季度服务站工作人员业务培训",
                    "content": "惠企政策解读、服务平台操作、需求摸查方法",
                    "held_on": "2026-11-20",
                    "venue": "服务总站培训室",
                    "attendees": [
                        {"station_id": "st-2026-0001", "staff_name": "王晓", "position": "服务专员"},
                        {"station_id": "st-2026-0002", "staff_name": "陈立", "attended": False},
                    ],
                }
            ]
        },
    )

    title: str = Field(min_length=2, max_length=200)
    content: str = Field(default="", max_length=5000)
    held_on: date
    venue: str | None = Field(default=None, max_length=300)
    attendees: list[AttendeeIn] = Field(min_length=1, max_length=2000)


class AttendeeView(BaseModel):
    station_id: str
    staff_name: str
    position: str | None
    attended: bool


class TrainingView(BaseModel):
    id: str
    title: str
    content: str
    held_on: date
    venue: str | None
    attendees: list[AttendeeView] = Field(description="Those the caller may see: a station its own staff.")
    attended_count: int
    recorded_at: datetime

    @classmethod
    def of(cls, training: Training) -> TrainingView:
        return cls(
            id=training.id,
            title=training.title,
            content=training.content,
            held_on=training.held_on,
            venue=training.venue,
            attendees=[AttendeeView(**a.__dict__) for a in training.attendees],
            attended_count=sum(1 for a in training.attendees if a.attended),
            recorded_at=training.recorded_at,
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Record a held training and each staff member's attendance (head station)",
    responses=problem_responses(401, 403, 422),
)
async def record_training(form: TrainingIn, staff: HeadStation, uow: UowFactoryDep) -> TrainingView:
    command = use_cases.RecordTraining(
        title=form.title,
        content=form.content,
        held_on=form.held_on,
        venue=form.venue,
        attendees=[Attendee(a.station_id, a.staff_name, a.position, a.attended) for a in form.attendees],
    )
    return TrainingView.of(await use_cases.record_training(uow_factory=uow, principal=staff, command=command))


@router.get(
    "", summary="Trainings (a station or district sees its own staff's attendance)", responses=problem_responses(401)
)
async def find_trainings(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int | None = Query(default=None, examples=[2026]),
) -> Page[TrainingView]:
    found = await use_cases.find_trainings(uow_factory=uow, principal=principal, year=year, page=paging)
    return Page.of(found, TrainingView.of)


@router.get("/{training_id}", summary="Read a training", responses=problem_responses(401, 404))
async def read_training(training_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> TrainingView:
    return TrainingView.of(await use_cases.get_training(uow_factory=uow, principal=principal, training_id=training_id))
