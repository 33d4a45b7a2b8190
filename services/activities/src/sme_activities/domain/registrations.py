"""An enterprise's registration for an activity: pending until its contact confirms it, then it
takes a place (see `Activity.register`); a registration never confirmed becomes void."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sme_activities.domain.errors import StateConflict


class RegistrationStatus(StrEnum):
    PENDING_CONFIRMATION = "pending_confirmation"  # 待确认：尚未输入验证码，不占名额
    REGISTERED = "registered"  # 已报名
    VOID = "void"  # 未确认，已作废


@dataclass
class Registration:
    """Who registered: personal data of an SME contact, for the organisers only."""

    id: str
    activity_id: str
    company_name: str
    uscc: str
    contact_name: str
    contact_phone: str
    contact_email: str | None
    status: RegistrationStatus
    submitted_at: datetime
    registered_at: datetime | None = None

    def confirm(self, now: datetime) -> None:
        """The contact confirmed: the registration counts from now (its place taken by the activity)."""
        if self.status is not RegistrationStatus.PENDING_CONFIRMATION:
            raise StateConflict("该报名不在待确认状态 (the registration is not awaiting confirmation)")
        self.status = RegistrationStatus.REGISTERED
        self.registered_at = now

    def void(self) -> None:
        """Never confirmed: it never counts, and the contact's personal data is not kept."""
        if self.status is not RegistrationStatus.PENDING_CONFIRMATION:
            raise StateConflict("该报名不在待确认状态 (the registration is not awaiting confirmation)")
        self.status = RegistrationStatus.VOID
        self.contact_name = ""
        self.contact_phone = ""
        self.contact_email = None
