"""An anonymous form counts only once its contact enters the one-time code sent to them: the code's
30 minutes on the service clock, 5 wrong codes at most, resends spaced and capped, and a form that is
never confirmed never counts."""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from sme_activities.domain.activities import Activity, ActivityStatus, ActivityType
from sme_activities.domain.confirmations import (
    CODE_VALIDITY,
    MAX_RESENDS,
    MAX_WRONG_CODES,
    RESEND_INTERVAL,
    AwaitingConfirmation,
    ConfirmationPurpose,
    ConfirmationStatus,
    Contact,
    ContactChannel,
    ContactConfirmation,
    VoidReason,
    contact_for,
    mobile_number,
)
from sme_activities.domain.errors import (
    AlreadyRegistered,
    CapacityReached,
    ConfirmationGone,
    ResendLimitReached,
    ResendTooSoon,
    StateConflict,
    WrongCode,
)
from sme_activities.domain.registrations import Registration, RegistrationStatus
from sme_activities.domain.service_requests import Assignment, RequestStatus, ServiceRequest
from sme_contracts.common import ServiceCategory

NOW = datetime.fromisoformat("2026-11-30T10:00:00+08:00")
SALT = "00" * 16
OTHER_SALT = "11" * 16


def issued(code: str = "123456", at: datetime = NOW) -> ContactConfirmation:
    return ContactConfirmation.issue(
        reference="r-1",
        purpose=ConfirmationPurpose.ACTIVITY_REGISTRATION,
        contact=Contact(ContactChannel.SMS, "13800110011"),
        sent_to="138****0011",
        code=code,
        salt=SALT,
        now=at,
    )


# --- where the code goes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "mobile"),
    [
        ("13800110011", "13800110011"),
        ("138 0011 0011", "13800110011"),
        ("+86 138-0011-0011", "13800110011"),
        ("020-38880000", None),  # a landline takes no SMS
        ("12800110011", None),
        ("1380011001", None),
    ],
)
def test_only_a_mainland_mobile_number_is_texted(phone: str, mobile: str | None) -> None:
    assert mobile_number(phone) == mobile


def test_the_code_goes_by_sms_to_a_mobile_and_otherwise_by_e_mail() -> None:
    assert contact_for(phone="13800110011", email="li@example.com") == Contact(ContactChannel.SMS, "13800110011")
    assert contact_for(phone="020-38880000", email=" li@example.com ") == Contact(
        ContactChannel.EMAIL, "li@example.com"
    )
    assert contact_for(phone="020-38880000", email=None) is None


# --- the code ---------------------------------------------------------------------------------------


def test_the_code_is_kept_only_as_a_salted_hash() -> None:
    confirmation = issued("123456")
    assert "123456" not in repr(confirmation)
    assert len(confirmation.code_hash) == 64  # an HMAC-SHA256 digest
    other_salt = ContactConfirmation.issue(
        reference="r-2",
        purpose=ConfirmationPurpose.SERVICE_REQUEST,
        contact=Contact(ContactChannel.EMAIL, "li@example.com"),
        sent_to="l***@example.com",
        code="123456",
        salt=OTHER_SALT,
        now=NOW,
    )
    assert other_salt.code_hash != confirmation.code_hash  # the same code hashes differently per record


def test_the_right_code_confirms_once_and_again_changes_nothing() -> None:
    confirmation = issued()
    assert confirmation.verify("123456", NOW + timedelta(minutes=5)) is True
    assert (confirmation.status, confirmation.confirmed_at) == (
        ConfirmationStatus.CONFIRMED,
        NOW + timedelta(minutes=5),
    )
    assert confirmation.verify("123456", NOW + timedelta(hours=3)) is False  # idempotent, even after expiry
    assert confirmation.confirmed_at == NOW + timedelta(minutes=5)


def test_the_code_expires_30_minutes_after_it_was_sent_on_the_service_clock() -> None:
    confirmation = issued()
    assert confirmation.expires_at == NOW + CODE_VALIDITY == NOW + timedelta(minutes=30)
    with pytest.raises(ConfirmationGone) as gone:
        issued().verify("123456", NOW + timedelta(minutes=30))
    assert "过期" in str(gone.value)
    assert confirmation.verify("123456", NOW + timedelta(minutes=29, seconds=59))


def test_each_wrong_code_costs_an_attempt_and_the_fifth_voids_the_form() -> None:
    confirmation = issued()
    for left in range(MAX_WRONG_CODES - 1, 0, -1):
        with pytest.raises(WrongCode) as wrong:
            confirmation.verify("000000", NOW)
        assert wrong.value.attempts_left == left
        assert str(left) in str(wrong.value)
    with pytest.raises(ConfirmationGone) as gone:
        confirmation.verify("000000", NOW)
    assert (confirmation.status, confirmation.void_reason) == (ConfirmationStatus.VOID, VoidReason.TOO_MANY_WRONG_CODES)
    assert "5" in str(gone.value)
    with pytest.raises(ConfirmationGone):
        confirmation.verify("123456", NOW)  # even the right code no longer counts


def test_a_resend_waits_its_interval_is_capped_and_replaces_the_code_without_resetting_attempts() -> None:
    confirmation = issued("111111")
    with pytest.raises(WrongCode):
        confirmation.verify("999999", NOW)
    with pytest.raises(ResendTooSoon) as too_soon:
        confirmation.reissue(code="222222", salt=OTHER_SALT, now=NOW + timedelta(seconds=20))
    assert too_soon.value.retry_after == 40
    assert confirmation.resend_after == NOW + RESEND_INTERVAL

    later = NOW + timedelta(minutes=25)
    confirmation.reissue(code="222222", salt=OTHER_SALT, now=later)
    assert (confirmation.expires_at, confirmation.attempts_left) == (later + CODE_VALIDITY, MAX_WRONG_CODES - 1)
    with pytest.raises(WrongCode):
        confirmation.verify("111111", later)  # the old code is gone
    for extra in range(2, MAX_RESENDS + 1):
        confirmation.reissue(code="333333", salt=SALT, now=later + RESEND_INTERVAL * extra)
    assert confirmation.resends_left == 0
    assert confirmation.resend_after is None
    with pytest.raises(ResendLimitReached):
        confirmation.reissue(code="444444", salt=SALT, now=later + timedelta(minutes=10))
    assert confirmation.verify("333333", later + timedelta(minutes=10))


def test_nothing_is_resent_for_a_confirmed_or_void_form() -> None:
    confirmed = issued()
    confirmed.verify("123456", NOW)
    with pytest.raises(StateConflict):
        confirmed.reissue(code="222222", salt=SALT, now=NOW + timedelta(minutes=5))
    with pytest.raises(ConfirmationGone):
        issued().reissue(code="222222", salt=SALT, now=NOW + timedelta(minutes=31))


def test_an_unconfirmed_form_is_void_once_its_code_expired_and_only_then() -> None:
    confirmation = issued()
    assert not confirmation.expire(NOW + timedelta(minutes=29))
    assert confirmation.expire(NOW + timedelta(minutes=30))
    assert (confirmation.status, confirmation.void_reason) == (ConfirmationStatus.VOID, VoidReason.EXPIRED)
    assert not confirmation.expire(NOW + timedelta(minutes=31))  # once
    confirmed = issued()
    confirmed.verify("123456", NOW)
    assert not confirmed.expire(NOW + timedelta(hours=1))


# --- what counts ------------------------------------------------------------------------------------


def activity(capacity: int = 1) -> Activity:
    return Activity(
        id="a-1",
        activity_type=ActivityType.SALON,
        title="知识产权质押融资政策沙龙",
        description="",
        theme_month_id=None,
        organiser_station_id=None,
        organiser_district_code=None,
        co_organiser_station_ids=[],
        institutions=[],
        starts_at=NOW + timedelta(days=3),
        ends_at=NOW + timedelta(days=3, hours=2),
        venue="服务站活动室",
        online_link=None,
        capacity=capacity,
        status=ActivityStatus.SCHEDULED,
        created_by="hs",
        created_at=NOW,
    )


def registration(**changes: Any) -> Registration:
    base = Registration(
        id="g-1",
        activity_id="a-1",
        company_name="广州某智能科技有限公司",
        uscc="91440106MA59C1XE2H",
        contact_name="李小明",
        contact_phone="13800110011",
        contact_email=None,
        status=RegistrationStatus.PENDING_CONFIRMATION,
        submitted_at=NOW,
    )
    return replace(base, **changes)


def test_a_pending_registration_takes_no_place_and_a_full_activity_refuses_it_at_confirmation() -> None:
    salon = activity(capacity=1)
    salon.check_open(now=NOW, already_registered=False)  # submitting checks, takes nothing
    salon.check_open(now=NOW, already_registered=False)
    assert salon.registered_count == 0

    first, second = registration(id="g-1"), registration(id="g-2", uscc="91440106MA59C1XE3L")
    salon.register(now=NOW, already_registered=False)
    first.confirm(NOW)
    assert (first.status, first.registered_at, salon.registered_count) == (RegistrationStatus.REGISTERED, NOW, 1)
    with pytest.raises(CapacityReached):
        salon.register(now=NOW, already_registered=False)  # the second confirmation finds it full
    with pytest.raises(CapacityReached):
        salon.check_open(now=NOW, already_registered=False)  # and a new submission is refused at once
    assert second.status is RegistrationStatus.PENDING_CONFIRMATION
    with pytest.raises(AlreadyRegistered):
        activity(capacity=5).check_open(now=NOW, already_registered=True)


def test_a_void_registration_keeps_no_personal_data_and_never_counts() -> None:
    pending = registration(contact_email="li@example.com")
    pending.void()
    assert pending.status is RegistrationStatus.VOID
    assert (pending.contact_name, pending.contact_phone, pending.contact_email) == ("", "", None)
    with pytest.raises(StateConflict):
        pending.confirm(NOW)


def request(**changes: Any) -> ServiceRequest:
    base = ServiceRequest(
        id="r-1",
        company_name="广州某智能科技有限公司",
        uscc="91440106MA59C1XE2H",
        contact_name="李小明",
        contact_phone="020-38880000",
        district_code="440106",
        category=ServiceCategory.FINANCING,
        details="融资对接",
        station_id=None,
        assignment=None,
        status=RequestStatus.PENDING_CONFIRMATION,
        received_at=NOW,
        contact_email="li@example.com",
    )
    return replace(base, **changes)


def test_a_pending_request_is_routed_only_when_confirmed_and_counts_from_then() -> None:
    pending = request()
    assert not pending.counts
    with pytest.raises(StateConflict):
        pending.accept(now=NOW, by_head_station=True)
    assert not pending.escalate(now=NOW)
    later = NOW + timedelta(minutes=7)
    pending.confirm(now=later, station_id="st-1", assignment=Assignment.DISTRICT_MATCH)
    assert (pending.status, pending.received_at, pending.station_id, pending.counts) == (
        RequestStatus.RECEIVED,
        later,
        "st-1",
        True,
    )
    with pytest.raises(StateConflict):
        pending.confirm(now=later, station_id="st-2", assignment=Assignment.SME_CHOICE)


def test_a_void_request_keeps_no_personal_data_and_never_counts() -> None:
    pending = request()
    pending.void()
    assert (pending.status, pending.counts) == (RequestStatus.VOID, False)
    assert (pending.contact_name, pending.contact_phone, pending.contact_email, pending.details) == ("", "", None, "")


def test_a_form_counts_only_once_confirmed_and_says_where_its_code_went_until_then() -> None:
    pending = issued()
    with pytest.raises(AwaitingConfirmation) as waiting:
        pending.require_confirmed()
    assert "138****0011" in str(waiting.value)
    pending.verify("123456", NOW)
    pending.require_confirmed()
    void = issued()
    void.expire(NOW + CODE_VALIDITY)
    with pytest.raises(ConfirmationGone):
        void.require_confirmed()
