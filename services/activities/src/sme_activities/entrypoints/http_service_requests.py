"""HTTP routes of SME service requests (§3.4)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

from sme_activities.domain import service_requests as domain
from sme_activities.domain.service_requests import Assignment, Handling, Outcome, ServiceRequest
from sme_activities.entrypoints.confirmation import CodeSent, ConfirmIn, code_sent_message
from sme_activities.entrypoints.fields import ContactEmail, ContactPhone, DistrictCode, Uscc, code_goes_somewhere
from sme_activities.service_layer import service_requests as use_cases
from sme_activities.service_layer.access import CITY_WIDE
from sme_contracts.common import ServiceCategory
from sme_kit.auth import Principal, Role
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, HeadStation, Organiser
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/service-requests", tags=["企业服务需求 Service requests"])


class RequestStatus(StrEnum):
    """Where a request stands once it counts (one still awaiting its contact's code is no request yet)."""

    RECEIVED = "received"  # 待受理
    ACCEPTED = "accepted"  # 已受理
    MATCHED = "matched"  # 服务中（已对接）
    CLOSED = "closed"  # 已办结


class RequestIn(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "company_name": "广州某智能科技有限公司",
                    "uscc": "91440106MA59C1XE2H",
                    "contact_name": "李小明",
                    "contact_phone": "13800138000",
                    "district_code": "440106",
                    "category": "financing",
                    "details": "计划申请知识产权质押贷款约300万元，希望对接合作银行。",
                }
            ]
        },
    )

    company_name: str = Field(min_length=2, max_length=200)
    uscc: Uscc
    contact_name: str = Field(min_length=2, max_length=100)
    contact_phone: ContactPhone
    contact_email: ContactEmail
    district_code: DistrictCode
    category: ServiceCategory | None = Field(
        default=None, description="One of the nine common services; leave empty for a personalised need (个性化服务)."
    )
    details: str = Field(min_length=5, max_length=5000)
    station_id: str | None = Field(
        default=None, description="The station the enterprise chooses; empty: one of its district."
    )

    _code_goes_somewhere = field_validator("contact_email")(code_goes_somewhere)


_WAITS_FOR_YEAR = Field(
    default=None,
    description=(
        "Set while the deadline is pending: it needs this year's official holiday schedule, which is not "
        "loaded yet (受理期限待该年度节假日安排载入后确定). It is computed as soon as the bureau loads it."
    ),
    examples=[None],
)


class AcceptedView(BaseModel):
    """A request as its enterprise sees it after filing or confirming it."""

    id: str = Field(description="Keep it to confirm the request and to follow it.")
    confirmed: bool = Field(
        description="false: goes to no station until the code sent to its contact is entered; true: received."
    )
    station_id: str | None = Field(
        description="The station that is to accept it (null: the head station, or not routed yet while pending)."
    )
    assignment: Assignment | None = Field(description="How it found its station (null while pending).")
    acceptance_due_on: date | None = Field(description="Last working day for the station to accept it.")
    acceptance_due_waits_for_year: int | None = _WAITS_FOR_YEAR
    received_at: datetime = Field(description="When it was filed; once confirmed, when it was received.")
    message: str = Field(examples=["验证码已发送至 138****0011，请在30分钟内输入验证码完成提交"])
    confirmation: CodeSent | None = Field(description="Where the code went (null once confirmed).")

    @classmethod
    def of(cls, state: use_cases.RequestState) -> AcceptedView:
        request, confirmation = state.request, state.confirmation
        pending = None if request.counts else confirmation
        return cls(
            id=request.id,
            confirmed=request.counts,
            station_id=request.station_id if request.counts else None,
            assignment=request.assignment,
            acceptance_due_on=request.acceptance_due_on,
            acceptance_due_waits_for_year=request.acceptance_due_waits_for_year,
            received_at=request.received_at,
            message=code_sent_message("提交", pending) if pending else "已提交 (received)",
            confirmation=CodeSent.of(pending) if pending else None,
        )


class MatchIn(BaseModel):
    handling: Handling = Field(description="institution 对接入驻服务机构, or self 服务站自行服务.")
    institution_name: str | None = Field(default=None, max_length=200, examples=["广州某知识产权代理有限公司"])


class CloseIn(BaseModel):
    outcome: Outcome
    note: str = Field(min_length=2, max_length=5000, examples=["已对接合作银行，企业获批贷款200万元。"])
    satisfaction: int = Field(ge=1, le=5, description="The enterprise's rating, 1 to 5.", examples=[5])


class RouteIn(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [{"station_id": "st-2026-0002", "reason": "原服务站逾期未受理，转至同区提供融资服务的服务站。"}]
        },
    )

    station_id: str = Field(
        min_length=1, max_length=64, description="An active station (not the one that let it lapse)."
    )
    reason: str = Field(min_length=2, max_length=1000, description="转派说明: why this station; the station reads it.")


class ProgressView(BaseModel):
    id: str
    status: RequestStatus
    station_id: str | None
    escalated: bool
    acceptance_due_on: date | None
    acceptance_due_waits_for_year: int | None = _WAITS_FOR_YEAR
    received_at: datetime
    accepted_at: datetime | None
    closed_at: datetime | None


class RequestView(BaseModel):
    id: str
    company_name: str
    uscc: str
    contact_name: str | None = Field(description="Shown to who handles the request, the head station and the bureau.")
    contact_phone: str | None
    contact_email: str | None
    district_code: str
    category: ServiceCategory | None
    personalised: bool
    details: str
    station_id: str | None
    assignment: Assignment
    status: RequestStatus
    received_at: datetime
    acceptance_due_on: date | None
    acceptance_due_waits_for_year: int | None = _WAITS_FOR_YEAR
    escalated: bool
    escalated_at: datetime | None
    accepted_at: datetime | None
    accepted_late: bool
    by_head_station: bool
    handling: Handling | None
    institution_name: str | None
    outcome: Outcome | None
    outcome_note: str | None
    satisfaction: int | None
    closed_at: datetime | None
    lapsed: bool = Field(
        description="A station let it pass its 5 working days at least once; stays true after the head station "
        "routed it on (null for a station operator: the lapse was another station's)."
    )
    first_escalated_at: datetime | None = Field(description="The first lapse: when it first went to the head station.")
    routed_at: datetime | None = Field(description="When the head station routed it (转派) to `station_id`.")
    routed_from_station_id: str | None = Field(
        description="The station that held it before routing (head station, bureau and district only)."
    )
    routed_by: str | None = Field(description="Who at the head station routed it (head station and bureau only).")
    route_reason: str | None = Field(description="转派说明: what the head station told the station.")

    @classmethod
    def of(cls, request: ServiceRequest, principal: Principal) -> RequestView:
        # District officers oversee; they have no need for the enterprise contact's personal data.
        contact = not principal.is_role(Role.DISTRICT_OFFICER)
        # The station a request was routed to needs the head station's note, not the history before it.
        history = not principal.is_role(Role.STATION_OPERATOR)
        city_wide = principal.is_role(*CITY_WIDE)
        assert request.assignment is not None  # only requests that count are shown, and they were routed
        return cls(
            id=request.id,
            company_name=request.company_name,
            uscc=request.uscc,
            contact_name=request.contact_name if contact else None,
            contact_phone=request.contact_phone if contact else None,
            contact_email=request.contact_email if contact else None,
            district_code=request.district_code,
            category=request.category,
            personalised=request.personalised,
            details=request.details,
            station_id=request.station_id,
            assignment=request.assignment,
            status=RequestStatus(request.status.value),
            received_at=request.received_at,
            acceptance_due_on=request.acceptance_due_on,
            acceptance_due_waits_for_year=request.acceptance_due_waits_for_year,
            escalated=request.escalated,
            escalated_at=request.escalated_at,
            accepted_at=request.accepted_at,
            accepted_late=request.accepted_late,
            by_head_station=request.by_head_station,
            handling=request.handling,
            institution_name=request.institution_name,
            outcome=request.outcome,
            outcome_note=request.outcome_note,
            satisfaction=request.satisfaction,
            closed_at=request.closed_at,
            lapsed=request.lapsed if history else False,
            first_escalated_at=request.first_escalated_at if history else None,
            routed_at=request.routed_at,
            routed_from_station_id=request.routed_from_station_id if history else None,
            routed_by=request.routed_by if city_wide else None,
            route_reason=request.route_reason,
        )


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    summary="File a service request (public: any enterprise): it counts once the code sent to its contact is entered",
    description="A code goes by SMS to contact_phone when it is a mainland mobile number, otherwise by e-mail to "
    "contact_email. The request goes to no station until `POST /service-requests/{request_id}/confirm`; "
    "unconfirmed, it is void 30 minutes after the last code was sent. A chosen station that is not active is "
    "refused at once (409).",
    responses=problem_responses(409, 422),
)
async def file_request(form: RequestIn, uow: UowFactoryDep) -> AcceptedView:
    command = use_cases.FileRequest(
        company_name=form.company_name,
        uscc=form.uscc,
        contact_name=form.contact_name,
        contact_phone=form.contact_phone,
        contact_email=form.contact_email,
        district_code=form.district_code,
        category=form.category,
        details=form.details,
        station_id=form.station_id,
    )
    return AcceptedView.of(await use_cases.file_request(uow_factory=uow, command=command))


@router.post(
    "/{request_id}/confirm",
    summary="Confirm a request with the code sent to its contact (public): it is received and routed now",
    description="A wrong code: 422 naming `code`, with the attempts left (5 in all; the fifth wrong one voids "
    "the request). Expired or void: 410. The station chosen is no longer active: 409. Confirming again with "
    "the same code returns the request as it is.",
    responses=problem_responses(404, 409, 410, 422),
)
async def confirm_request(request_id: str, form: ConfirmIn, uow: UowFactoryDep) -> AcceptedView:
    state = await use_cases.confirm_request(uow_factory=uow, request_id=request_id, code=form.code)
    return AcceptedView.of(state)


@router.post(
    "/{request_id}/resend",
    summary="Send a new code for a request awaiting confirmation (public)",
    description="At most 3 times, 60 seconds apart (429 with Retry-After when too soon, 409 when none is left); "
    "the new code replaces the old one and is valid for 30 minutes. Void: 410.",
    responses=problem_responses(404, 409, 410, 429),
)
async def resend_request_code(request_id: str, uow: UowFactoryDep) -> CodeSent:
    state = await use_cases.resend_request_code(uow_factory=uow, request_id=request_id)
    return CodeSent.of(state.confirmation)


@router.get(
    "/{request_id}/progress",
    summary="Follow a request (public: the enterprise, with its USCC)",
    description="A request still awaiting its contact's code: 409 problem `awaiting-confirmation` saying so, with "
    "`awaiting_confirmation` (where the code went, until when); one never confirmed in time: 410.",
    responses=problem_responses(404, 409, 410, 422),
)
async def read_progress(
    request_id: str, uow: UowFactoryDep, uscc: str = Query(examples=["91440106MA59C1XE2H"])
) -> ProgressView:
    request = await use_cases.progress_for_enterprise(uow_factory=uow, request_id=request_id, uscc=uscc)
    return ProgressView(
        id=request.id,
        status=RequestStatus(request.status.value),
        station_id=request.station_id,
        escalated=request.escalated,
        acceptance_due_on=request.acceptance_due_on,
        acceptance_due_waits_for_year=request.acceptance_due_waits_for_year,
        received_at=request.received_at,
        accepted_at=request.accepted_at,
        closed_at=request.closed_at,
    )


@router.get(
    "", summary="Requests (a station its own; a district its district's)", responses=problem_responses(401, 403)
)
async def find_requests(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    status_filter: Annotated[RequestStatus | None, Query(alias="status")] = None,
    escalated: bool | None = Query(default=None),
    district_code: str | None = Query(default=None),
) -> Page[RequestView]:
    status = domain.RequestStatus(status_filter.value) if status_filter else None
    found = await use_cases.find_requests(
        uow_factory=uow,
        principal=principal,
        status=status,
        escalated=escalated,
        district_code=district_code,
        page=paging,
    )
    return Page.of(found, lambda request: RequestView.of(request, principal))


@router.get("/{request_id}", summary="Read a request", responses=problem_responses(401, 404))
async def read_request(request_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> RequestView:
    return RequestView.of(
        await use_cases.get_request(uow_factory=uow, principal=principal, request_id=request_id), principal
    )


@router.post(
    "/{request_id}/accept",
    summary="Accept the request (its station; the head station once escalated)",
    responses=problem_responses(401, 403, 404, 409),
)
async def accept(request_id: str, principal: Organiser, uow: UowFactoryDep) -> RequestView:
    return RequestView.of(
        await use_cases.accept_request(uow_factory=uow, principal=principal, request_id=request_id), principal
    )


@router.post(
    "/{request_id}/match",
    summary="Match it to a resident service institution, or serve it directly",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def match(request_id: str, form: MatchIn, principal: Organiser, uow: UowFactoryDep) -> RequestView:
    request = await use_cases.match_request(
        uow_factory=uow,
        principal=principal,
        request_id=request_id,
        handling=form.handling,
        institution_name=form.institution_name,
    )
    return RequestView.of(request, principal)


@router.post(
    "/{request_id}/close",
    summary="Close it with the outcome and the enterprise's satisfaction (1-5)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def close(request_id: str, form: CloseIn, principal: Organiser, uow: UowFactoryDep) -> RequestView:
    request = await use_cases.close_request(
        uow_factory=uow,
        principal=principal,
        request_id=request_id,
        outcome=form.outcome,
        note=form.note,
        satisfaction=form.satisfaction,
    )
    return RequestView.of(request, principal)


@router.post(
    "/{request_id}/route",
    summary="Route (转派) a request the head station holds to an active station (head station only)",
    description="Only a request not yet accepted that was escalated, or that no station fitted (409 otherwise, and "
    "409 for the station that let it lapse). The station has 5 working days from today to accept it "
    "(`acceptance_due_on`) and escalates again if it lets them pass; the lapse before stays counted "
    "(`lapsed`). An unknown or inactive station: 422 naming `station_id`.",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def route(request_id: str, form: RouteIn, principal: HeadStation, uow: UowFactoryDep) -> RequestView:
    request = await use_cases.route_request(
        uow_factory=uow, principal=principal, request_id=request_id, station_id=form.station_id, reason=form.reason
    )
    return RequestView.of(request, principal)
