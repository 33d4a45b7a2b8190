"""HTTP routes of activities: scheduling, public registration, cancellation, evidence, completion."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile, status
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from sme_activities.domain.activities import ACTIVITY_TYPE_NAMES, Activity, ActivityStatus, ActivityType
from sme_activities.domain.registrations import Registration, RegistrationStatus
from sme_activities.entrypoints.confirmation import CodeSent, ConfirmIn, code_sent_message
from sme_activities.entrypoints.fields import ContactEmail, ContactPhone, Uscc, code_goes_somewhere
from sme_activities.service_layer import activities as use_cases
from sme_kit.files import StoredFile
from sme_kit.http import FilesDep, UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, Organiser
from sme_kit.http_files import StoredFileView, read_upload
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/activities", tags=["服务活动 Activities"])


class ActivityIn(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "activity_type": "salon",
                    "title": "知识产权质押融资政策沙龙",
                    "description": "解读知识产权质押融资政策，现场对接银行与知识产权服务机构。",
                    "theme_month_id": "tm-2027-03",
                    "co_organiser_station_ids": ["st-2026-0002"],
                    "institutions": ["广州某知识产权代理有限公司"],
                    "starts_at": "2027-03-18T14:30:00+08:00",
                    "ends_at": "2027-03-18T17:00:00+08:00",
                    "venue": "天河区天河路XXX号服务站活动室",
                    "capacity": 40,
                }
            ]
        },
    )

    activity_type: ActivityType = Field(
        description="salon 沙龙, dialogue 对话, training 培训, lecture 讲座, seminar 研讨, forum 论坛."
    )
    title: str = Field(min_length=2, max_length=200)
    description: str = Field(default="", max_length=5000)
    theme_month_id: str | None = Field(
        default=None, description="The themed month it belongs to.", examples=["tm-2027-03"]
    )
    co_organiser_station_ids: list[str] = Field(default_factory=list, max_length=50)
    institutions: list[Annotated[str, Field(min_length=2, max_length=200)]] = Field(
        default_factory=list, description="Resident service institutions involved (organisations)."
    )
    starts_at: datetime
    ends_at: datetime
    venue: str | None = Field(default=None, max_length=300)
    online_link: str | None = Field(default=None, max_length=500, pattern=r"^https?://")
    capacity: int = Field(ge=1, le=100000, examples=[40])


class ActivityView(BaseModel):
    id: str
    activity_type: ActivityType
    activity_type_name: str = Field(examples=["沙龙"])
    title: str
    description: str
    theme_month_id: str | None
    organiser_station_id: str | None = Field(description="null: organised by the head station (服务总站).")
    organiser_district_code: str | None
    co_organiser_station_ids: list[str]
    institutions: list[str]
    starts_at: datetime
    ends_at: datetime
    venue: str | None
    online_link: str | None
    capacity: int
    registered_count: int
    places_left: int
    status: ActivityStatus
    attendance_count: int | None
    summary: str | None
    cancel_reason: str | None

    @classmethod
    def of(cls, activity: Activity) -> ActivityView:
        return cls(
            id=activity.id,
            activity_type=activity.activity_type,
            activity_type_name=ACTIVITY_TYPE_NAMES[activity.activity_type],
            title=activity.title,
            description=activity.description,
            theme_month_id=activity.theme_month_id,
            organiser_station_id=activity.organiser_station_id,
            organiser_district_code=activity.organiser_district_code,
            co_organiser_station_ids=activity.co_organiser_station_ids,
            institutions=activity.institutions,
            starts_at=activity.starts_at,
            ends_at=activity.ends_at,
            venue=activity.venue,
            online_link=activity.online_link,
            capacity=activity.capacity,
            registered_count=activity.registered_count,
            places_left=max(activity.capacity - activity.registered_count, 0),
            status=activity.status,
            attendance_count=activity.attendance_count,
            summary=activity.summary,
            cancel_reason=activity.cancel_reason,
        )


class RegistrationIn(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "company_name": "广州某智能科技有限公司",
                    "uscc": "91440106MA59C1XE2H",
                    "contact_name": "李小明",
                    "contact_phone": "13800138000",
                }
            ]
        },
    )

    company_name: str = Field(min_length=2, max_length=200)
    uscc: Uscc
    contact_name: str = Field(min_length=2, max_length=100)
    contact_phone: ContactPhone
    contact_email: ContactEmail

    _code_goes_somewhere = field_validator("contact_email")(code_goes_somewhere)


class RegistrationReceipt(BaseModel):
    """A registration as its enterprise sees it: awaiting confirmation (with where the code went), or registered."""

    registration_id: str = Field(description="Keep it to confirm the registration.")
    activity_id: str
    status: RegistrationStatus = Field(
        description="pending_confirmation: takes no place until the code is entered; registered; void: never "
        "confirmed in time."
    )
    registered_at: datetime | None = Field(description="When it took its place (null until confirmed).")
    message: str = Field(examples=["验证码已发送至 138****0011，请在30分钟内输入验证码完成报名"])
    confirmation: CodeSent | None = Field(description="Where the code went (null once registered).")

    @classmethod
    def of(cls, state: use_cases.RegistrationState) -> RegistrationReceipt:
        registration, confirmation = state.registration, state.confirmation
        registered = registration.status is RegistrationStatus.REGISTERED
        return cls(
            registration_id=registration.id,
            activity_id=registration.activity_id,
            status=registration.status,
            registered_at=registration.registered_at,
            message="报名成功 (registered)" if registered else code_sent_message("报名", confirmation),
            confirmation=None if registered else CodeSent.of(confirmation),
        )


class RegistrationView(BaseModel):
    id: str
    company_name: str
    uscc: str
    contact_name: str
    contact_phone: str
    contact_email: str | None
    registered_at: datetime

    @classmethod
    def of(cls, registration: Registration) -> RegistrationView:
        return cls(
            id=registration.id,
            company_name=registration.company_name,
            uscc=registration.uscc,
            contact_name=registration.contact_name,
            contact_phone=registration.contact_phone,
            contact_email=registration.contact_email,
            # Only registered ones are listed, and a registration is registered at a moment.
            registered_at=registration.registered_at or registration.submitted_at,
        )


class CancelIn(BaseModel):
    reason: str = Field(min_length=2, max_length=1000, examples=["因台风预警，活动取消"])


class CompleteIn(BaseModel):
    attendance_count: int = Field(ge=0, examples=[36], description="Enterprises or people who actually attended.")
    summary: str = Field(min_length=10, max_length=10000, examples=["本次沙龙共36家企业参加，现场对接融资需求5项。"])


class EvidenceView(StoredFileView):
    """A photo or sign-in sheet, shown as every kept file is (the kit's view; its own name in the API schema)."""

    @classmethod
    def of(cls, stored: StoredFile) -> EvidenceView:
        # The kit's `of` is typed as returning its own class: build this one from it.
        return cls.model_validate(StoredFileView.of(stored), from_attributes=True)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Schedule an activity (head station, or a station as organiser)",
    responses=problem_responses(401, 403, 409, 422),
)
async def schedule_activity(form: ActivityIn, organiser: Organiser, uow: UowFactoryDep) -> ActivityView:
    command = use_cases.ScheduleActivity(
        activity_type=form.activity_type,
        title=form.title,
        description=form.description,
        theme_month_id=form.theme_month_id,
        co_organiser_station_ids=form.co_organiser_station_ids,
        institutions=list(form.institutions),
        starts_at=form.starts_at,
        ends_at=form.ends_at,
        venue=form.venue,
        online_link=form.online_link,
        capacity=form.capacity,
    )
    return ActivityView.of(await use_cases.schedule_activity(uow_factory=uow, principal=organiser, command=command))


@router.get("", summary="Find activities (public)")
async def find_activities(
    uow: UowFactoryDep,
    paging: Paging,
    status_filter: Annotated[ActivityStatus | None, Query(alias="status")] = None,
    theme_month_id: str | None = Query(default=None, examples=["tm-2027-03"]),
    station_id: str | None = Query(default=None, description="Organised or co-organised by this station."),
    upcoming: bool = Query(default=False, description="Only those not yet started."),
) -> Page[ActivityView]:
    found = await use_cases.find_activities(
        uow_factory=uow,
        status=status_filter,
        theme_month_id=theme_month_id,
        station_id=station_id,
        upcoming_only=upcoming,
        page=paging,
    )
    return Page.of(found, ActivityView.of)


@router.get("/{activity_id}", summary="Read an activity (public)", responses=problem_responses(404))
async def read_activity(activity_id: str, uow: UowFactoryDep) -> ActivityView:
    return ActivityView.of(await use_cases.get_activity(uow_factory=uow, activity_id=activity_id))


@router.post(
    "/{activity_id}/registrations",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Register an enterprise for an activity (public): it counts once the code sent to its contact is entered",
    description="A code goes by SMS to contact_phone when it is a mainland mobile number, otherwise by e-mail to "
    "contact_email. The registration takes no place until `POST .../registrations/{registration_id}/confirm`; "
    "unconfirmed, it is void 30 minutes after the last code was sent. A full or closed activity, or an "
    "enterprise already registered, is refused at once (409).",
    responses=problem_responses(404, 409, 422),
)
async def register(activity_id: str, form: RegistrationIn, uow: UowFactoryDep) -> RegistrationReceipt:
    registrant = use_cases.Registrant(
        form.company_name, form.uscc, form.contact_name, form.contact_phone, form.contact_email
    )
    return RegistrationReceipt.of(
        await use_cases.register(uow_factory=uow, activity_id=activity_id, registrant=registrant)
    )


@router.post(
    "/{activity_id}/registrations/{registration_id}/confirm",
    summary="Confirm a registration with the code sent to its contact (public): it takes its place now",
    description="A wrong code: 422 naming `code`, with the attempts left (5 in all; the fifth wrong one voids "
    "the registration). Expired or void: 410. Full, cancelled or started activity: 409, and the registration "
    "stays unconfirmed. Confirming again with the same code returns the registration as it is.",
    responses=problem_responses(404, 409, 410, 422),
)
async def confirm_registration(
    activity_id: str, registration_id: str, form: ConfirmIn, uow: UowFactoryDep
) -> RegistrationReceipt:
    state = await use_cases.confirm_registration(
        uow_factory=uow, activity_id=activity_id, registration_id=registration_id, code=form.code
    )
    return RegistrationReceipt.of(state)


@router.post(
    "/{activity_id}/registrations/{registration_id}/resend",
    summary="Send a new code for a registration awaiting confirmation (public)",
    description="At most 3 times, 60 seconds apart (429 with Retry-After when too soon, 409 when none is left); "
    "the new code replaces the old one and is valid for 30 minutes. Void: 410.",
    responses=problem_responses(404, 409, 410, 429),
)
async def resend_registration_code(activity_id: str, registration_id: str, uow: UowFactoryDep) -> CodeSent:
    state = await use_cases.resend_registration_code(
        uow_factory=uow, activity_id=activity_id, registration_id=registration_id
    )
    return CodeSent.of(state.confirmation)


@router.get(
    "/{activity_id}/registrations",
    summary="Who registered (organisers, head station, bureau)",
    responses=problem_responses(401, 403, 404),
)
async def read_registrations(
    activity_id: str, paging: Paging, principal: CurrentPrincipal, uow: UowFactoryDep
) -> Page[RegistrationView]:
    found = await use_cases.registrations(uow_factory=uow, principal=principal, activity_id=activity_id, page=paging)
    return Page.of(found, RegistrationView.of)


@router.post(
    "/{activity_id}/cancel",
    summary="Cancel an activity (its organiser or the head station)",
    responses=problem_responses(401, 403, 404, 409),
)
async def cancel_activity(activity_id: str, form: CancelIn, organiser: Organiser, uow: UowFactoryDep) -> ActivityView:
    return ActivityView.of(
        await use_cases.cancel_activity(
            uow_factory=uow, principal=organiser, activity_id=activity_id, reason=form.reason
        )
    )


@router.post(
    "/{activity_id}/evidence",
    status_code=status.HTTP_201_CREATED,
    summary="Upload a photo or sign-in sheet of a held activity (PDF, PNG, JPEG, DOCX; 20 MB)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_evidence(
    activity_id: str,
    organiser: Organiser,
    uow: UowFactoryDep,
    files: FilesDep,
    file: Annotated[UploadFile, File(description="The photo or scanned sign-in sheet.")],
    purpose: Annotated[str, Form(description="photo 活动照片 or sign_in_sheet 签到表.", examples=["photo"])],
) -> EvidenceView:
    upload = await read_upload(file)
    stored = await use_cases.add_evidence(
        uow_factory=uow,
        files=files,
        principal=organiser,
        activity_id=activity_id,
        purpose=purpose,
        filename=upload.filename or "upload",
        data=upload.data,
    )
    return EvidenceView.of(stored)


@router.get(
    "/{activity_id}/evidence",
    summary="Photos and sign-in sheets of an activity (organisers, their district, head station, bureau)",
    responses=problem_responses(401, 404),
)
async def list_evidence(
    activity_id: str, paging: Paging, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> Page[EvidenceView]:
    found = await use_cases.evidence(
        uow_factory=uow, files=files, principal=principal, activity_id=activity_id, page=paging
    )
    return Page.of(found, EvidenceView.of)


@router.get(
    "/{activity_id}/evidence/{file_id}",
    summary="Download one photo or sign-in sheet",
    response_class=FileResponse,
    responses=problem_responses(401, 404),
)
async def download_evidence(
    activity_id: str, file_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> FileResponse:
    stored, path = await use_cases.evidence_file(
        uow_factory=uow, files=files, principal=principal, activity_id=activity_id, file_id=file_id
    )
    return FileResponse(path, media_type=stored.content_type, filename=stored.filename)


@router.post(
    "/{activity_id}/complete",
    summary="Complete a held activity with attendance and a summary (evidence uploaded first)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def complete_activity(
    activity_id: str, form: CompleteIn, organiser: Organiser, uow: UowFactoryDep, files: FilesDep
) -> ActivityView:
    activity = await use_cases.complete_activity(
        uow_factory=uow,
        files=files,
        principal=organiser,
        activity_id=activity_id,
        attendance_count=form.attendance_count,
        summary=form.summary,
    )
    return ActivityView.of(activity)
