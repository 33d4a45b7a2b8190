"""Use cases of activities: scheduling, public registration, cancellation, evidence and completion."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork, ActivitiesUoWFactory
from sme_activities.domain.activities import Activity, ActivityStatus, ActivityType, CancelReason
from sme_activities.domain.confirmations import ConfirmationPurpose, ContactConfirmation
from sme_activities.domain.errors import DomainError, StateConflict
from sme_activities.domain.registrations import Registration, RegistrationStatus
from sme_activities.domain.stations import require_active
from sme_activities.service_layer import confirmations
from sme_activities.service_layer.access import CITY_WIDE, PUBLIC, own_station_id
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden, NotFound
from sme_kit.files import FileStore, StoredFile
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor

OWNER_TYPE = "activity"
EVIDENCE_PURPOSES = ("photo", "sign_in_sheet")


@dataclass(frozen=True)
class ScheduleActivity:
    activity_type: ActivityType
    title: str
    description: str
    theme_month_id: str | None
    co_organiser_station_ids: list[str]
    institutions: list[str]
    starts_at: datetime
    ends_at: datetime
    venue: str | None
    online_link: str | None
    capacity: int


@dataclass(frozen=True)
class Registrant:
    company_name: str
    uscc: str
    contact_name: str
    contact_phone: str
    contact_email: str | None = None


@dataclass(frozen=True)
class RegistrationState:
    """A registration as its enterprise sees it, with the code that confirms it."""

    registration: Registration
    confirmation: ContactConfirmation


def _not_found(activity_id: str) -> NotFound:
    return NotFound(f"没有编号为 {activity_id} 的活动 (no such activity)")


def _organiser_of(principal: Principal) -> str | None:
    """The head station organises as itself (None); an operator for its own station."""
    if principal.is_role(Role.HEAD_STATION_STAFF):
        return None
    return own_station_id(principal)


def _manages(principal: Principal, activity: Activity) -> bool:
    """The head station coordinates every activity; a station manages those it organises."""
    if principal.is_role(Role.HEAD_STATION_STAFF):
        return True
    return activity.organiser_station_id is not None and principal.owns_station(activity.organiser_station_id)


def _sees_records(principal: Principal, activity: Activity) -> bool:
    """Registrations and evidence: the organising side, the head station and the bureau."""
    if principal.is_role(*CITY_WIDE):
        return True
    if principal.is_role(Role.DISTRICT_OFFICER):
        return activity.organiser_district_code is not None and principal.district == activity.organiser_district_code
    return (
        principal.station_id is not None
        and principal.is_role(Role.STATION_OPERATOR)
        and activity.involves(principal.station_id)
    )


async def schedule_activity(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, command: ScheduleActivity
) -> Activity:
    """The head station or a station schedules an activity; every station taking part must be active."""
    organiser = _organiser_of(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        stations = uow.stations
        known = await stations.many([*command.co_organiser_station_ids, *([organiser] if organiser else [])])
        district = None
        if organiser is not None:
            district = require_active(known.get(organiser), organiser, as_what="主办活动").district_code
        for station_id in command.co_organiser_station_ids:
            require_active(known.get(station_id), station_id, as_what="协办活动")
        if command.theme_month_id and await uow.theme_months.get(command.theme_month_id) is None:
            raise DomainError(f"主题月 {command.theme_month_id} 不存在 (no such themed month)")
        now = uow.clock.now()
        activity = Activity(
            id=str(uuid.uuid4()),
            activity_type=command.activity_type,
            title=command.title,
            description=command.description,
            theme_month_id=command.theme_month_id,
            organiser_station_id=organiser,
            organiser_district_code=district,
            co_organiser_station_ids=list(command.co_organiser_station_ids),
            institutions=list(command.institutions),
            starts_at=command.starts_at,
            ends_at=command.ends_at,
            venue=command.venue,
            online_link=command.online_link,
            capacity=command.capacity,
            status=ActivityStatus.SCHEDULED,
            created_by=principal.subject,
            created_at=now,
        )
        activity.check_schedule(now)
        await uow.activities.add(activity)
        uow.publish(publisher.activity_scheduled(activity))
        uow.audit("schedule", "activity", activity.id, organiser=organiser or "head_station")
        await uow.commit()
    return activity


async def find_activities(
    *,
    uow_factory: ActivitiesUoWFactory,
    status: ActivityStatus | None,
    theme_month_id: str | None,
    station_id: str | None,
    upcoming_only: bool,
    page: PageRequest,
) -> PageOf[Activity]:
    """Activities are public: SMEs browse them to register."""
    async with uow_factory(PUBLIC) as uow:
        return await uow.activities.search(
            status=status,
            theme_month_id=theme_month_id,
            station_id=station_id,
            starts_after=uow.clock.now() if upcoming_only else None,
            page=page,
        )


async def get_activity(*, uow_factory: ActivitiesUoWFactory, activity_id: str) -> Activity:
    async with uow_factory(PUBLIC) as uow:
        activity = await uow.activities.get(activity_id)
    if activity is None:
        raise _not_found(activity_id)
    return activity


async def register(*, uow_factory: ActivitiesUoWFactory, activity_id: str, registrant: Registrant) -> RegistrationState:
    """An enterprise asks for a place. Filed without signing in, the registration waits for its contact
    to enter the code sent to them, and takes no place until then; a full or closed activity, or an
    enterprise already registered, is refused at once."""
    contact = confirmations.contact_of(registrant.contact_phone, registrant.contact_email)
    async with uow_factory(PUBLIC) as uow:
        activity = await uow.activities.get(activity_id)
        if activity is None:
            raise _not_found(activity_id)
        now = uow.clock.now()
        activity.check_open(
            now=now, already_registered=await uow.activities.is_registered(activity_id, registrant.uscc)
        )
        registration = Registration(
            id=str(uuid.uuid4()),
            activity_id=activity_id,
            company_name=registrant.company_name,
            uscc=registrant.uscc,
            contact_name=registrant.contact_name,
            contact_phone=registrant.contact_phone,
            contact_email=registrant.contact_email,
            status=RegistrationStatus.PENDING_CONFIRMATION,
            submitted_at=now,
        )
        await uow.activities.add_registration(registration)
        confirmation = await confirmations.send_code(
            uow=uow,
            purpose=ConfirmationPurpose.ACTIVITY_REGISTRATION,
            reference=registration.id,
            contact=contact,
            activity_title=activity.title,
        )
        uow.audit("submit_registration", "activity", activity_id, registration_id=registration.id)
        await uow.commit()
    return RegistrationState(registration, confirmation)


async def _pending(
    uow: ActivitiesUnitOfWork, activity_id: str, registration_id: str
) -> tuple[Registration, ContactConfirmation]:
    """A registration of this activity and its confirmation, both locked."""
    confirmation = await uow.confirmations.get(registration_id, for_update=True)
    registration = await uow.activities.registration(registration_id, for_update=True)
    if (
        confirmation is None
        or confirmation.purpose is not ConfirmationPurpose.ACTIVITY_REGISTRATION
        or registration is None
        or registration.activity_id != activity_id
    ):
        raise NotFound(f"没有编号为 {registration_id} 的报名 (no such registration)")
    return registration, confirmation


async def confirm_registration(
    *, uow_factory: ActivitiesUoWFactory, activity_id: str, registration_id: str, code: str
) -> RegistrationState:
    """The contact enters the code: the registration takes a place now, if the activity still has one
    (a full, cancelled or started activity refuses it, and it stays unconfirmed). Confirmed before:
    nothing changes."""
    async with uow_factory(PUBLIC) as uow:
        registration, confirmation = await _pending(uow, activity_id, registration_id)
        if not await confirmations.check_code(uow=uow, confirmation=confirmation, code=code):
            return RegistrationState(registration, confirmation)
        activity = await uow.activities.get(activity_id, for_update=True)
        if activity is None:
            raise _not_found(activity_id)
        now = uow.clock.now()
        activity.register(
            now=now, already_registered=await uow.activities.is_registered(activity_id, registration.uscc)
        )
        registration.confirm(now)
        await uow.activities.save_registration(registration)
        await uow.activities.save(activity)
        uow.audit("register", "activity", activity_id, registration_id=registration.id)
        await uow.commit()
    return RegistrationState(registration, confirmation)


async def resend_registration_code(
    *, uow_factory: ActivitiesUoWFactory, activity_id: str, registration_id: str
) -> RegistrationState:
    """A new code for a registration still awaiting confirmation (spaced and capped)."""
    async with uow_factory(PUBLIC) as uow:
        registration, confirmation = await _pending(uow, activity_id, registration_id)
        activity = await uow.activities.get(activity_id)
        await confirmations.resend_code(
            uow=uow,
            confirmation=confirmation,
            phone=registration.contact_phone,
            email=registration.contact_email,
            activity_title=activity.title if activity else None,
        )
        await uow.commit()
    return RegistrationState(registration, confirmation)


async def registrations(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, activity_id: str, page: PageRequest
) -> PageOf[Registration]:
    """Who registered (personal data of contacts): for the organising side, the head station and the bureau.
    Registrations still awaiting their contact's confirmation, and void ones, are not listed."""
    async with uow_factory(Actor.of(principal)) as uow:
        activity = await uow.activities.get(activity_id)
        if activity is None:
            raise _not_found(activity_id)
        if principal.is_role(Role.DISTRICT_OFFICER) or not _sees_records(principal, activity):
            raise Forbidden("报名名单仅限主办、协办方及服务总站查看 (registrations are for the organisers)")
        return await uow.activities.registrations(activity_id, page)


async def cancel_activity(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, activity_id: str, reason: str
) -> Activity:
    """The organiser (or the head station) calls an activity off; registered enterprises are to be told."""
    async with uow_factory(Actor.of(principal)) as uow:
        activity = await uow.activities.get(activity_id, for_update=True)
        if activity is None:
            raise _not_found(activity_id)
        if not _manages(principal, activity):
            raise Forbidden("仅主办方或服务总站可以取消活动 (only the organiser may cancel it)")
        activity.cancel(now=uow.clock.now(), code=CancelReason.BY_ORGANISER, reason=reason)
        await uow.activities.save(activity)
        uow.publish(publisher.activity_cancelled(activity))
        uow.audit("cancel", "activity", activity.id, reason=reason)
        await uow.commit()
    return activity


async def _managed(uow: ActivitiesUnitOfWork, principal: Principal, activity_id: str) -> Activity:
    activity = await uow.activities.get(activity_id, for_update=True)
    if activity is None:
        raise _not_found(activity_id)
    if not _manages(principal, activity):
        raise Forbidden("仅主办方或服务总站可以办理 (only the organiser may do this)")
    return activity


async def add_evidence(
    *,
    uow_factory: ActivitiesUoWFactory,
    files: FileStore,
    principal: Principal,
    activity_id: str,
    purpose: str,
    filename: str,
    data: bytes,
) -> StoredFile:
    """Keep a photo or sign-in sheet of an activity that has started."""
    if purpose not in EVIDENCE_PURPOSES:
        raise DomainError("附件类型须为 photo 或 sign_in_sheet (purpose must be photo or sign_in_sheet)")
    async with uow_factory(Actor.of(principal)) as uow:
        activity = await _managed(uow, principal, activity_id)
        if activity.status is ActivityStatus.CANCELLED:
            raise StateConflict("活动已取消 (the activity was cancelled)")
        if uow.clock.now() < activity.starts_at:
            raise StateConflict("活动开始后才能上传照片或签到表 (evidence is uploaded once the activity has started)")
        stored = await files.save(
            uow, data, filename=filename, purpose=purpose, owner_type=OWNER_TYPE, owner_id=activity_id
        )
        uow.audit("add_evidence", "activity", activity_id, file_id=stored.id, purpose=purpose)
        await uow.commit()
    return stored


async def complete_activity(
    *,
    uow_factory: ActivitiesUoWFactory,
    files: FileStore,
    principal: Principal,
    activity_id: str,
    attendance_count: int,
    summary: str,
) -> Activity:
    """Record that the activity was held, with attendance, a summary and the evidence uploaded."""
    async with uow_factory(Actor.of(principal)) as uow:
        activity = await _managed(uow, principal, activity_id)
        evidence = await files.of_owner(uow, OWNER_TYPE, activity_id)
        activity.complete(
            now=uow.clock.now(), attendance_count=attendance_count, summary=summary, attachment_count=len(evidence)
        )
        await uow.activities.save(activity)
        uow.publish(publisher.activity_completed(activity, len(evidence)))
        uow.audit("complete", "activity", activity.id, attendance=attendance_count, attachments=len(evidence))
        await uow.commit()
    return activity


async def _evidence(
    uow_factory: ActivitiesUoWFactory, files: FileStore, principal: Principal, activity_id: str
) -> list[StoredFile]:
    """Every photo and sign-in sheet of the activity, oldest first, after the access check."""
    async with uow_factory(Actor.of(principal)) as uow:
        activity = await uow.activities.get(activity_id)
        if activity is None or not _sees_records(principal, activity):
            raise _not_found(activity_id)
        found = await files.of_owner(uow, OWNER_TYPE, activity_id)
    return sorted(found, key=lambda stored: (stored.stored_at, stored.id))


async def evidence(
    *, uow_factory: ActivitiesUoWFactory, files: FileStore, principal: Principal, activity_id: str, page: PageRequest
) -> PageOf[StoredFile]:
    """One page of an activity's evidence. An activity keeps a handful of files: the file store lists
    them all and the page is cut here."""
    found = await _evidence(uow_factory, files, principal, activity_id)
    return PageOf.sliced(found, page)


async def evidence_file(
    *, uow_factory: ActivitiesUoWFactory, files: FileStore, principal: Principal, activity_id: str, file_id: str
) -> tuple[StoredFile, Path]:
    """One piece of evidence to download, after the access check."""
    for stored in await _evidence(uow_factory, files, principal, activity_id):
        if stored.id == file_id:
            return stored, files.path(stored)
    raise NotFound(f"没有编号为 {file_id} 的附件 (no such attachment)")
