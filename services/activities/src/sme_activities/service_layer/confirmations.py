"""One-time codes of anonymous forms: sending and re-sending them, checking one, and voiding a form
whose code expired unconfirmed. The forms themselves (registrations, service requests) use these
in their own use cases, within their own unit of work."""

from __future__ import annotations

import secrets

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork
from sme_activities.domain.confirmations import (
    CODE_DIGITS,
    ConfirmationPurpose,
    ConfirmationStatus,
    Contact,
    ContactConfirmation,
    contact_for,
)
from sme_activities.domain.errors import ConfirmationGone, DomainError, WrongCode
from sme_kit.masking import masked_contact
from sme_kit.timers import Timer

EXPIRY_TIMER = "contact_confirmation.expiry"


def _new_code() -> tuple[str, str]:
    """A random code and the salt its digest is kept under."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}", secrets.token_hex(16)


def contact_of(phone: str, email: str | None) -> Contact:
    """Where a form's code goes; the HTTP edge refuses forms that give neither a mobile nor an e-mail."""
    contact = contact_for(phone=phone, email=email)
    if contact is None:
        raise DomainError("须填写手机号码或电子邮箱，用于接收验证码 (a mobile number or an e-mail address is needed)")
    return contact


async def send_code(
    *,
    uow: ActivitiesUnitOfWork,
    purpose: ConfirmationPurpose,
    reference: str,
    contact: Contact,
    activity_title: str | None = None,
) -> ContactConfirmation:
    """Send a first code for the form ``reference``, and arm the timer that voids it unconfirmed."""
    code, salt = _new_code()
    confirmation = ContactConfirmation.issue(
        reference=reference,
        purpose=purpose,
        contact=contact,
        sent_to=masked_contact(contact.address),
        code=code,
        salt=salt,
        now=uow.clock.now(),
    )
    await uow.confirmations.add(confirmation)
    uow.publish(publisher.contact_confirmation_requested(confirmation, contact, code, activity_title))
    await uow.schedule_timer(EXPIRY_TIMER, reference, confirmation.expires_at, {"reference": reference})
    return confirmation


async def resend_code(
    *,
    uow: ActivitiesUnitOfWork,
    confirmation: ContactConfirmation,
    phone: str,
    email: str | None,
    activity_title: str | None = None,
) -> None:
    """Replace the code with a new one sent to the form's contact, if the rules allow it now; the
    expiry timer moves with it."""
    code, salt = _new_code()
    confirmation.reissue(code=code, salt=salt, now=uow.clock.now())
    contact = contact_of(phone, email)
    await uow.confirmations.save(confirmation)
    uow.publish(publisher.contact_confirmation_requested(confirmation, contact, code, activity_title))
    reference = confirmation.reference
    await uow.schedule_timer(EXPIRY_TIMER, reference, confirmation.expires_at, {"reference": reference})
    uow.audit("resend_code", confirmation.purpose.value, reference, channel=confirmation.channel.value)


async def check_code(*, uow: ActivitiesUnitOfWork, confirmation: ContactConfirmation, code: str) -> bool:
    """Whether ``code`` confirms the form now (True) or confirmed it before (False).

    A wrong code is refused, but it still counts: that, and the form turning void at the last
    allowed one, is committed before the refusal is raised.
    """
    wrong_before = confirmation.wrong_codes
    try:
        first_time = confirmation.verify(code, uow.clock.now())
    except (WrongCode, ConfirmationGone):
        if confirmation.wrong_codes != wrong_before:
            await uow.confirmations.save(confirmation)
            left = confirmation.attempts_left
            uow.audit("wrong_code", confirmation.purpose.value, confirmation.reference, attempts_left=left)
            if confirmation.status is ConfirmationStatus.VOID:
                await uow.cancel_timer(EXPIRY_TIMER, confirmation.reference)
                await _void_form(uow, confirmation)
            await uow.commit()
        raise
    if first_time:
        await uow.confirmations.save(confirmation)
        await uow.cancel_timer(EXPIRY_TIMER, confirmation.reference)
    return first_time


async def void_unconfirmed(*, timer: Timer, uow: ActivitiesUnitOfWork) -> None:
    """Timer: a form whose code expired before anyone entered it is void, and never counts."""
    repository = uow.confirmations
    confirmation = await repository.get(str(timer.payload["reference"]), for_update=True)
    if confirmation is None or not confirmation.expire(uow.clock.now()):
        return
    await repository.save(confirmation)
    await _void_form(uow, confirmation)


async def _void_form(uow: ActivitiesUnitOfWork, confirmation: ContactConfirmation) -> None:
    """The form that waited for this confirmation becomes void, its personal data erased."""
    reason = confirmation.void_reason.value if confirmation.void_reason else None
    if confirmation.purpose is ConfirmationPurpose.ACTIVITY_REGISTRATION:
        activities = uow.activities
        registration = await activities.registration(confirmation.reference, for_update=True)
        if registration is not None:
            registration.void()
            await activities.save_registration(registration)
            uow.audit(
                "void", "activity_registration", registration.id, reason=reason, activity_id=registration.activity_id
            )
    else:
        requests = uow.service_requests
        request = await requests.get(confirmation.reference, for_update=True)
        if request is not None:
            request.void()
            await requests.save(request)
            uow.audit("void", "service_request", request.id, reason=reason)
