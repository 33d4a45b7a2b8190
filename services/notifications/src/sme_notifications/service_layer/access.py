"""Who may use which part of the service, and whose inbox and settings a caller stands for."""

from __future__ import annotations

from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden
from sme_notifications.domain import recipients
from sme_notifications.domain.recipients import Reader, Recipient

RECORD_READERS = (Role.BUREAU_ADMIN, Role.PLATFORM_OPERATOR)


def require_record_reader(principal: Principal) -> None:
    """The delivery record and the directory are for the bureau and the platform team."""
    if not principal.is_role(*RECORD_READERS):
        raise Forbidden(
            "投递记录与通讯录仅限市工信局和平台运维人员使用 "
            "(the delivery record and the directory are for the bureau and platform operators)"
        )


def reader_of(principal: Principal) -> Reader:
    return Reader(
        subject=principal.subject,
        role=principal.role.value,
        org=principal.org,
        district=principal.district,
        expert_id=principal.expert_id,
    )


def own_recipient(principal: Principal) -> Recipient:
    """Whose preferences a caller sets (the rule is the domain's `recipients.own_recipient`)."""
    return recipients.own_recipient(reader_of(principal))
