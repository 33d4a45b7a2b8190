"""What the anonymous forms share at the HTTP edge: the code a contact enters, and where a code went (never
the code). A refused code is answered by the kit's one mapping: the domain's errors carry their kind and facts."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from sme_activities.domain.confirmations import ContactChannel, ContactConfirmation


class ConfirmIn(BaseModel):
    code: str = Field(
        pattern=r"^[0-9]{6}$", description="The 6-digit code sent to the form's contact.", examples=["123456"]
    )


class CodeSent(BaseModel):
    """Where the one-time code went and until when it is valid (the code itself is never shown)."""

    channel: ContactChannel = Field(description="sms: to the mobile number; email: to the e-mail address.")
    sent_to: str = Field(description="The address, masked.", examples=["138****0011"])
    expires_at: datetime = Field(description="The code is refused from this moment; the form is then void.")
    attempts_left: int = Field(description="Wrong codes that may still be entered.", examples=[5])
    resend_after: datetime | None = Field(
        description="The earliest moment a new code may be asked for; null when no more may be."
    )
    resends_left: int = Field(examples=[3])

    @classmethod
    def of(cls, confirmation: ContactConfirmation) -> CodeSent:
        return cls(
            channel=confirmation.channel,
            sent_to=confirmation.sent_to,
            expires_at=confirmation.expires_at,
            attempts_left=confirmation.attempts_left,
            resend_after=confirmation.resend_after,
            resends_left=confirmation.resends_left,
        )


def code_sent_message(what: str, confirmation: ContactConfirmation) -> str:
    """What the person reads after submitting: where the code went, and that the form waits for it."""
    return (
        f"验证码已发送至 {confirmation.sent_to}，请在30分钟内输入验证码完成{what} "
        f"(a code was sent to {confirmation.sent_to}: enter it within 30 minutes to complete the form)"
    )
