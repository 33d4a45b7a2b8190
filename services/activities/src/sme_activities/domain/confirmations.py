"""One-time codes that make an anonymous form count: an activity registration or a service request
filed without signing in counts only once the contact it gave enters the code sent to them.

The code (6 digits) goes by SMS to a mainland mobile number, otherwise by e-mail. It is kept only as
an HMAC-SHA256 digest under a salt of its own record, is valid for 30 minutes of the service clock
after it was sent, and allows 5 wrong entries in all; the fifth makes the form void. A new code may
be asked for 60 seconds after the last, 3 times at most; it replaces the old one and its 30 minutes
start again, but the wrong entries already made still count.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sme_activities.domain.errors import (
    ConfirmationGone,
    ResendLimitReached,
    ResendTooSoon,
    StateConflict,
    WrongCode,
)


class AwaitingConfirmation(StateConflict):
    """The form does not count yet: its contact has not entered the code (``confirmation`` says where it went).

    The refusal carries where the code went (``awaiting_confirmation``), so the enterprise knows
    which message to look for; the public site shows it.
    """

    default_code = "awaiting-confirmation"

    def __init__(self, confirmation: ContactConfirmation) -> None:
        super().__init__(
            f"尚待确认：请输入发送至 {confirmation.sent_to} 的验证码完成提交 "
            f"(awaiting confirmation: enter the code sent to {confirmation.sent_to})",
            extensions={"awaiting_confirmation": confirmation.code_sent()},
        )
        self.confirmation = confirmation


def _json_moment(moment: datetime | None) -> str | None:
    """A moment as the API writes it everywhere (ISO 8601, ``Z`` for UTC), for facts carried by an error."""
    if moment is None:
        return None
    written = moment.isoformat()
    return written[: -len("+00:00")] + "Z" if written.endswith("+00:00") else written


CODE_DIGITS = 6
CODE_VALIDITY = timedelta(minutes=30)
MAX_WRONG_CODES = 5
RESEND_INTERVAL = timedelta(seconds=60)
MAX_RESENDS = 3

_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_SEPARATORS = re.compile(r"[\s\-()]")


class ConfirmationPurpose(StrEnum):
    ACTIVITY_REGISTRATION = "activity_registration"  # 活动报名
    SERVICE_REQUEST = "service_request"  # 企业服务需求


class ContactChannel(StrEnum):
    SMS = "sms"
    EMAIL = "email"


class ConfirmationStatus(StrEnum):
    PENDING = "pending"  # 待确认
    CONFIRMED = "confirmed"  # 已确认
    VOID = "void"  # 已作废


class VoidReason(StrEnum):
    EXPIRED = "expired"
    TOO_MANY_WRONG_CODES = "too_many_wrong_codes"


_GONE_TEXT = {
    VoidReason.EXPIRED: (
        "验证码已过期，本次提交已作废，请重新填写提交 "
        "(the code expired 30 minutes after it was sent; this submission is void, please submit it again)"
    ),
    VoidReason.TOO_MANY_WRONG_CODES: (
        f"验证码已输错 {MAX_WRONG_CODES} 次，本次提交已作废，请重新填写提交 "
        f"(a wrong code was entered {MAX_WRONG_CODES} times; this submission is void, please submit it again)"
    ),
}


@dataclass(frozen=True)
class Contact:
    """Where a code goes: a mobile number (SMS) or an e-mail address."""

    channel: ContactChannel
    address: str


def mobile_number(phone: str | None) -> str | None:
    """The mainland mobile number written in ``phone`` (spaces, dashes, a +86 prefix allowed), else None."""
    digits = _SEPARATORS.sub("", phone or "")
    for prefix in ("+86", "0086"):
        digits = digits.removeprefix(prefix)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if _MOBILE.match(digits) else None


def contact_for(*, phone: str | None, email: str | None) -> Contact | None:
    """SMS when the form gave a mobile number, otherwise e-mail; None when it gave neither."""
    mobile = mobile_number(phone)
    if mobile is not None:
        return Contact(ContactChannel.SMS, mobile)
    if email and email.strip():
        return Contact(ContactChannel.EMAIL, email.strip())
    return None


def digest(code: str, salt: str) -> str:
    """HMAC-SHA256 of the code, keyed with the record's own salt (hex)."""
    return hmac.new(bytes.fromhex(salt), code.encode(), hashlib.sha256).hexdigest()


@dataclass
class ContactConfirmation:
    """The one-time code of one pending form (``reference``: the registration's or request's id)."""

    reference: str
    purpose: ConfirmationPurpose
    channel: ContactChannel
    sent_to: str  # the address, masked: what the form's answers may show
    code_hash: str
    salt: str
    expires_at: datetime
    last_sent_at: datetime
    created_at: datetime
    status: ConfirmationStatus = ConfirmationStatus.PENDING
    wrong_codes: int = 0
    resends: int = 0
    confirmed_at: datetime | None = None
    voided_at: datetime | None = None
    void_reason: VoidReason | None = None

    @classmethod
    def issue(
        cls,
        *,
        reference: str,
        purpose: ConfirmationPurpose,
        contact: Contact,
        sent_to: str,
        code: str,
        salt: str,
        now: datetime,
    ) -> ContactConfirmation:
        """A code sent now; only its digest is kept."""
        return cls(
            reference=reference,
            purpose=purpose,
            channel=contact.channel,
            sent_to=sent_to,
            code_hash=digest(code, salt),
            salt=salt,
            expires_at=now + CODE_VALIDITY,
            last_sent_at=now,
            created_at=now,
        )

    @property
    def attempts_left(self) -> int:
        return max(MAX_WRONG_CODES - self.wrong_codes, 0)

    @property
    def resends_left(self) -> int:
        return max(MAX_RESENDS - self.resends, 0)

    @property
    def resend_after(self) -> datetime | None:
        """The earliest moment a new code may be asked for; None when none may be any more."""
        if self.status is not ConfirmationStatus.PENDING or not self.resends_left:
            return None
        return self.last_sent_at + RESEND_INTERVAL

    def code_sent(self) -> dict[str, Any]:
        """Where the code went and until when it is valid, as the client is told (never the code itself)."""
        return {
            "channel": self.channel.value,
            "sent_to": self.sent_to,
            "expires_at": _json_moment(self.expires_at),
            "attempts_left": self.attempts_left,
            "resend_after": _json_moment(self.resend_after),
            "resends_left": self.resends_left,
        }

    def require_confirmed(self) -> None:
        """A form counts once confirmed: raises `AwaitingConfirmation` while it waits, `ConfirmationGone`
        once it is void."""
        if self.status is ConfirmationStatus.PENDING:
            raise AwaitingConfirmation(self)
        if self.status is ConfirmationStatus.VOID:
            raise ConfirmationGone(_GONE_TEXT[self.void_reason or VoidReason.EXPIRED])

    def verify(self, code: str, now: datetime) -> bool:
        """Whether ``code`` confirms the form: True when it does so now, False when the form was confirmed
        before with this very code (asking twice changes nothing).

        Raises `WrongCode` for another code (counted while the form is pending), and `ConfirmationGone`
        once the form is void, or when this wrong code was the last one allowed.
        """
        matches = hmac.compare_digest(self.code_hash, digest(code, self.salt))
        if self.status is ConfirmationStatus.CONFIRMED:
            if matches:
                return False
            raise WrongCode(self.attempts_left)
        self._refuse_if_gone(now)
        if not matches:
            self.wrong_codes += 1
            if self.wrong_codes >= MAX_WRONG_CODES:
                self._void(now, VoidReason.TOO_MANY_WRONG_CODES)
                raise ConfirmationGone(_GONE_TEXT[VoidReason.TOO_MANY_WRONG_CODES])
            raise WrongCode(self.attempts_left)
        self.status = ConfirmationStatus.CONFIRMED
        self.confirmed_at = now
        return True

    def reissue(self, *, code: str, salt: str, now: datetime) -> None:
        """Replace the code with a new one sent now, valid for 30 minutes from now."""
        if self.status is ConfirmationStatus.CONFIRMED:
            raise StateConflict("已确认，无需再获取验证码 (already confirmed: no code is needed)")
        self._refuse_if_gone(now)
        if not self.resends_left:
            raise ResendLimitReached(
                f"验证码已重新发送 {MAX_RESENDS} 次，不能再发送；请在有效期内输入最近一次收到的验证码，或重新填写提交 "
                f"(the code was resent {MAX_RESENDS} times already: enter the last one received, or submit again)"
            )
        wait = (self.last_sent_at + RESEND_INTERVAL - now).total_seconds()
        if wait > 0:
            raise ResendTooSoon(math.ceil(wait))
        self.code_hash = digest(code, salt)
        self.salt = salt
        self.resends += 1
        self.last_sent_at = now
        self.expires_at = now + CODE_VALIDITY

    def expire(self, now: datetime) -> bool:
        """Void a form still unconfirmed once its code has expired; True when that happened now."""
        if self.status is not ConfirmationStatus.PENDING or now < self.expires_at:
            return False
        self._void(now, VoidReason.EXPIRED)
        return True

    def _refuse_if_gone(self, now: datetime) -> None:
        if self.status is ConfirmationStatus.VOID:
            raise ConfirmationGone(_GONE_TEXT[self.void_reason or VoidReason.EXPIRED])
        if now >= self.expires_at:
            raise ConfirmationGone(_GONE_TEXT[VoidReason.EXPIRED])

    def _void(self, now: datetime, reason: VoidReason) -> None:
        self.status = ConfirmationStatus.VOID
        self.voided_at = now
        self.void_reason = reason
