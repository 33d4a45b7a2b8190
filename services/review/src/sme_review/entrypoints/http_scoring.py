"""HTTP routes of the expert review: assignments, score sheets, the per-expert breakdown, an expert's tasks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.cases import CaseStatus
from sme_review.domain.experts import Assignment
from sme_review.domain.scoring import ScoreSheet
from sme_review.entrypoints.case_views import ApplicationView, application_view
from sme_review.entrypoints.deps import ExpertCaller, HeadStation, Staff, Year
from sme_review.service_layer import assignments as use_cases
from sme_review.service_layer import scoring

router = APIRouter(tags=["专家评审 Expert review"])


class AssignmentForm(BaseModel):
    """Experts to assign, by id or as a panel; each is checked for conflicts of interest first."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"expert_ids": ["expert-lin", "expert-chen"], "due_on": "2026-09-15"}]}
    )

    expert_ids: list[str] = Field(default_factory=list, max_length=15)
    panel_id: str | None = Field(default=None, description="Assign every member of this panel of the round.")
    due_on: date = Field(description="评分截止日期.")


class AssignmentView(BaseModel):
    id: str
    case_id: str
    expert_id: str
    status: str = Field(examples=["active"])
    due_on: date
    assigned_at: datetime

    @classmethod
    def of(cls, assignment: Assignment) -> AssignmentView:
        return cls(
            id=assignment.id,
            case_id=assignment.case_id,
            expert_id=assignment.expert_id,
            status=assignment.status.value,
            due_on=assignment.due_on,
            assigned_at=assignment.assigned_at,
        )


@router.post(
    "/cases/{case_id}/assignments",
    status_code=status.HTTP_201_CREATED,
    summary="Assign experts to a case; refused (409) for a conflict of interest (head station)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def assign_experts(
    case_id: str, form: AssignmentForm, principal: HeadStation, uow: UowFactoryDep
) -> list[AssignmentView]:
    assigned = await use_cases.assign_experts(
        uow_factory=uow,
        principal=principal,
        case_id=case_id,
        expert_ids=form.expert_ids,
        panel_id=form.panel_id,
        due_on=form.due_on,
    )
    return [AssignmentView.of(a) for a in assigned]


class WithdrawalForm(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "专家因公出差无法按期评审"}]})

    reason: str = Field(min_length=1, max_length=1000)


@router.post(
    "/cases/{case_id}/assignments/{assignment_id}/withdrawal",
    summary="Withdraw an expert from a case (head station)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def withdraw_assignment(
    case_id: str, assignment_id: str, form: WithdrawalForm, principal: HeadStation, uow: UowFactoryDep
) -> AssignmentView:
    withdrawn = await use_cases.withdraw_assignment(
        uow_factory=uow, principal=principal, case_id=case_id, assignment_id=assignment_id, reason=form.reason
    )
    return AssignmentView.of(withdrawn)


class ReminderView(BaseModel):
    """The reminder just sent (催办) and the assignment's reminders so far."""

    assignment_id: str
    case_id: str
    expert_id: str = Field(examples=["expert-lin"])
    due_on: date
    days_overdue: int = Field(description="Days since the due date (Asia/Shanghai).", examples=[2])
    reminders_sent: int = Field(description="Reminders sent to the expert for this case, this one included.")
    last_reminded_at: datetime

    @classmethod
    def of(cls, reminder: use_cases.Reminder) -> ReminderView:
        a = reminder.assignment
        assert a.last_reminded_at is not None  # just reminded
        return cls(
            assignment_id=a.id,
            case_id=a.case_id,
            expert_id=a.expert_id,
            due_on=a.due_on,
            days_overdue=reminder.days_overdue,
            reminders_sent=a.reminders_sent,
            last_reminded_at=a.last_reminded_at,
        )


@router.post(
    "/cases/{case_id}/assignments/{expert_id}/reminders",
    status_code=status.HTTP_201_CREATED,
    summary="Remind an expert whose score sheet is overdue (催办); the expert is told in its inbox, by e-mail "
    "and SMS. Refused (409) unless the expert is still on the case, its sheet is not in and its due date has "
    "passed, and when it was already reminded today (head station)",
    responses=problem_responses(401, 403, 404, 409),
)
async def remind_expert(case_id: str, expert_id: str, principal: HeadStation, uow: UowFactoryDep) -> ReminderView:
    reminder = await use_cases.remind_expert(uow_factory=uow, principal=principal, case_id=case_id, expert_id=expert_id)
    return ReminderView.of(reminder)


class ScoreSheetForm(BaseModel):
    """One mark from 0 to 100 per criterion of the round, a remark on any of them, and the opinion."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "marks": {
                        "premises": 85,
                        "staff": 90,
                        "service_capability": 88,
                        "experience": 80,
                        "management_system": 75,
                        "influence": 70,
                    },
                    "remarks": {"premises": "服务大厅约 260 平方米，标识统一", "staff": "专职服务人员 3 名"},
                    "comment": "服务场所条件良好，专职人员配备充足，服务经验较丰富",
                }
            ]
        }
    )

    marks: dict[str, int] = Field(description="Criterion code → mark (0–100).")
    remarks: dict[str, str] = Field(
        default_factory=dict, description="Criterion code → 评分说明 (why this mark; at most 500 characters each)."
    )
    comment: str = Field(default="", max_length=2000, description="评审意见.")


class ScoreSheetView(BaseModel):
    case_id: str
    expert_id: str
    marks: dict[str, int]
    remarks: dict[str, str] = Field(description="Criterion code → 评分说明, for the criteria the expert explained.")
    total: float = Field(description="Weighted total, 0–100.", examples=[84.25])
    comment: str
    submitted_at: datetime

    @classmethod
    def of(cls, sheet: ScoreSheet) -> ScoreSheetView:
        return cls(
            case_id=sheet.case_id,
            expert_id=sheet.expert_id,
            marks=dict(sheet.marks),
            remarks=dict(sheet.remarks),
            total=float(sheet.total),
            comment=sheet.comment,
            submitted_at=sheet.submitted_at,
        )


@router.put(
    "/cases/{case_id}/score-sheet",
    summary="Submit (or revise, until the head station records its recommendation) the expert's score sheet "
    "for a case assigned to it (expert)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_score_sheet(
    case_id: str, form: ScoreSheetForm, principal: ExpertCaller, uow: UowFactoryDep
) -> ScoreSheetView:
    sheet = await scoring.submit_sheet(
        uow_factory=uow,
        principal=principal,
        case_id=case_id,
        marks=form.marks,
        comment=form.comment,
        remarks=form.remarks,
    )
    return ScoreSheetView.of(sheet)


class ExpertScoreView(BaseModel):
    assignment_id: str
    expert_id: str
    expert_name: str | None
    status: str
    sheet: ScoreSheetView | None


class CaseScoresView(BaseModel):
    case_id: str
    criteria: list[dict[str, str | int]] = Field(examples=[[{"code": "premises", "name": "服务场所", "weight": 15}]])
    experts: list[ExpertScoreView]
    score: float | None = Field(description="Average over the active experts, once all submitted.")
    complete: bool


@router.get(
    "/cases/{case_id}/scores",
    summary="Each expert's marks and total, and the case's score (head station, bureau)",
    responses=problem_responses(401, 403, 404),
)
async def case_scores(case_id: str, principal: Staff, uow: UowFactoryDep) -> CaseScoresView:
    found = await scoring.case_scores(uow_factory=uow, principal=principal, case_id=case_id)
    return CaseScoresView(
        case_id=found.case.id,
        criteria=[{"code": c.code, "name": c.name, "weight": c.weight} for c in found.criteria],
        experts=[
            ExpertScoreView(
                assignment_id=e.assignment.id,
                expert_id=e.assignment.expert_id,
                expert_name=e.expert.name if e.expert else None,
                status=e.assignment.status.value,
                sheet=ScoreSheetView.of(e.sheet) if e.sheet else None,
            )
            for e in found.experts
        ],
        score=float(found.case.score) if found.case.score is not None else None,
        complete=found.case.review_completed_at is not None,
    )


class MyAssignmentView(BaseModel):
    assignment_id: str
    case_id: str
    round_year: int
    case_status: CaseStatus
    due_on: date
    scoring_open: bool = Field(
        description="Whether I may still submit or revise my sheet: until the head station records its "
        "recommendation on the case."
    )
    application: ApplicationView
    my_sheet: ScoreSheetView | None

    @classmethod
    def of(cls, mine: use_cases.MyAssignment) -> MyAssignmentView:
        return cls(
            assignment_id=mine.assignment.id,
            case_id=mine.case.id,
            round_year=mine.case.round_year,
            case_status=mine.case.status,
            due_on=mine.assignment.due_on,
            scoring_open=mine.case.expert_review_open,
            application=application_view(mine.case),
            my_sheet=ScoreSheetView.of(mine.sheet) if mine.sheet else None,
        )


@router.get(
    "/my/assignments",
    summary="The cases I am assigned to score, soonest due first, with my sheets (expert)",
    responses=problem_responses(401, 403, 422),
)
async def my_assignments(
    paging: Paging,
    principal: ExpertCaller,
    uow: UowFactoryDep,
    round_year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> Page[MyAssignmentView]:
    mine = await use_cases.my_assignments(uow_factory=uow, principal=principal, round_year=round_year, page=paging)
    return Page.of(mine, MyAssignmentView.of)


class RoundAssignmentView(BaseModel):
    """One expert's task in the round and whether its sheet is in."""

    assignment_id: str
    case_id: str
    expert_id: str = Field(examples=["expert-lin"])
    expert_name: str | None = Field(examples=["林晓明"])
    status: str = Field(description="active, recused (conflict declared) or withdrawn.", examples=["active"])
    due_on: date
    assigned_at: datetime
    ended_at: datetime | None
    end_reason: str
    sheet_submitted_at: datetime | None = Field(description="When the expert submitted its sheet; null until then.")
    sheet_total: float | None = Field(description="The sheet's weighted total, 0–100.", examples=[84.25])
    reminders_sent: int = Field(description="How many times the head station reminded the expert (催办).")
    last_reminded_at: datetime | None = Field(description="When the expert was last reminded; null if never.")

    @classmethod
    def of(cls, item: use_cases.RoundAssignment) -> RoundAssignmentView:
        a = item.assignment
        return cls(
            assignment_id=a.id,
            case_id=a.case_id,
            expert_id=a.expert_id,
            expert_name=item.expert.name if item.expert else None,
            status=a.status.value,
            due_on=a.due_on,
            assigned_at=a.assigned_at,
            ended_at=a.ended_at,
            end_reason=a.end_reason,
            sheet_submitted_at=item.sheet.submitted_at if item.sheet else None,
            sheet_total=float(item.sheet.total) if item.sheet else None,
            reminders_sent=a.reminders_sent,
            last_reminded_at=a.last_reminded_at,
        )


@router.get(
    "/rounds/{year}/assignments",
    summary="Every expert assignment of the round, ended ones included, with whether its sheet is in "
    "(head station, bureau)",
    responses=problem_responses(401, 403, 404, 422),
)
async def round_assignments(
    year: Year, paging: Paging, principal: Staff, uow: UowFactoryDep
) -> Page[RoundAssignmentView]:
    found = await use_cases.round_assignments(uow_factory=uow, principal=principal, year=year, page=paging)
    return Page.of(found, RoundAssignmentView.of)
