"""Who can be addressed, how each user's inbox is found, and the contact data kept for it.

Personal data (names, e-mail addresses, mobile numbers) exists in this service only in the
directory, only as much as sending needs, and only for people who are to receive messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sme_kit.vocabulary import is_guangzhou_district, normalise_uscc


class RecipientKind(StrEnum):
    ORG = "org"  # an organisation, by USCC: read by its station_operator users
    DISTRICT = "district"  # the shared inbox of a district's officers, by division code
    GROUP = "group"  # the shared inbox of the head station or the bureau
    OFFICIAL = "official"  # one person (officer, head station staff, bureau staff, expert), by token subject
    CONTACT = "contact"  # an address an event carried for one message (a form's contact), shown masked


HEAD_STATION = "head_station"
BUREAU = "bureau"
GROUP_NAMES = {HEAD_STATION: "广州市民营和中小企业服务总站", BUREAU: "广州市工业和信息化局"}


@dataclass(frozen=True, order=True)
class Recipient:
    """An addressee as the record names it, written ``kind:id`` (``org:9144...``, ``district:440106``)."""

    kind: RecipientKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> Recipient:
        """Read ``kind:id``; raises ValueError for anything else."""
        kind, separator, ident = text.partition(":")
        if not separator or not ident:
            raise ValueError(f"not a recipient (kind:id): {text!r}")
        return cls(RecipientKind(kind), ident)

    @classmethod
    def org(cls, uscc: str) -> Recipient:
        return cls(RecipientKind.ORG, normalise_uscc(uscc))

    @classmethod
    def district(cls, code: str) -> Recipient:
        return cls(RecipientKind.DISTRICT, code)

    @classmethod
    def group(cls, name: str) -> Recipient:
        return cls(RecipientKind.GROUP, name)

    @classmethod
    def official(cls, subject: str) -> Recipient:
        return cls(RecipientKind.OFFICIAL, subject)

    @classmethod
    def contact(cls, masked_address: str) -> Recipient:
        return cls(RecipientKind.CONTACT, masked_address)


class OfficialRole(StrEnum):
    """The official roles the directory keeps (token role names)."""

    DISTRICT_OFFICER = "district_officer"
    HEAD_STATION_STAFF = "head_station_staff"
    BUREAU_ADMIN = "bureau_admin"
    EXPERT = "expert"
    # The platform team: reads the delivery record and keeps the system running; no business decisions.
    PLATFORM_OPERATOR = "platform_operator"


@dataclass(frozen=True)
class Contact:
    """How to reach someone outside the system; each part optional."""

    name: str | None = None
    email: str | None = None
    mobile: str | None = None


@dataclass(frozen=True)
class Organisation:
    """An applicant or station operator: its registered name (public) and the contact it gave."""

    uscc: str
    name: str | None
    contact: Contact


@dataclass(frozen=True)
class Official:
    """A person who receives messages for their role; ``subject`` is the ``sub`` of their token."""

    subject: str
    name: str
    role: OfficialRole
    district_code: str | None
    email: str | None
    mobile: str | None


@dataclass(frozen=True)
class Reader:
    """The caller of the inbox API, as its token describes it."""

    subject: str
    role: str
    org: str | None = None
    district: str | None = None
    expert_id: str | None = None


def inboxes_of(reader: Reader) -> list[Recipient]:
    """The inboxes a user reads: its organisation's, or its own plus its office's shared inbox."""
    if reader.role == "station_operator":
        return [Recipient.org(reader.org)] if reader.org else []
    if reader.role == "expert":
        return [Recipient.official(reader.expert_id or reader.subject)]
    own = [Recipient.official(reader.subject)]
    if reader.role == "district_officer" and reader.district:
        return [Recipient.district(reader.district), *own]
    if reader.role == "head_station_staff":
        return [Recipient.group(HEAD_STATION), *own]
    if reader.role == "bureau_admin":
        return [Recipient.group(BUREAU), *own]
    return own


def own_recipient(reader: Reader) -> Recipient:
    """Whose preferences a user sets: a station operator its organisation's, an expert their expert
    entry's, anyone else their own."""
    if reader.role == "station_operator" and reader.org:
        return Recipient.org(reader.org)
    if reader.role == "expert":
        return Recipient.official(reader.expert_id or reader.subject)
    return Recipient.official(reader.subject)


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def contact_problems(contact: Contact, *, prefix: str = "") -> list[tuple[str, str]]:
    """(field, message) for every part of a contact that cannot be used to send."""
    problems: list[tuple[str, str]] = []
    if contact.email is not None and not _EMAIL.match(contact.email):
        problems.append((f"{prefix}email", "电子邮箱格式不正确 (not a valid e-mail address)"))
    if contact.mobile is not None and not _MOBILE.match(contact.mobile):
        problems.append((f"{prefix}mobile", "手机号码须为11位中国大陆手机号 (an 11-digit mainland mobile number)"))
    if contact.name is not None and not contact.name.strip():
        problems.append((f"{prefix}name", "姓名不能为空 (the name must not be blank)"))
    return problems


def official_problems(role: OfficialRole, district_code: str | None) -> list[tuple[str, str]]:
    """A district officer belongs to exactly one Guangzhou district; other roles to none."""
    if role is OfficialRole.DISTRICT_OFFICER and not is_guangzhou_district(district_code):
        return [("district_code", "区级主管部门人员须填写广州市辖区代码，如 440106 (a Guangzhou district code)")]
    if role is not OfficialRole.DISTRICT_OFFICER and district_code is not None:
        return [("district_code", "仅区级主管部门人员填写所属区 (only district officers belong to a district)")]
    return []
