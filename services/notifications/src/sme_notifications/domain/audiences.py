"""Who an audience is, and how it is reached, once the directory has said what it knows.

The rules of naming and reaching each kind of audience, apart from looking them up: an
organisation by the contact it gave (or only its inbox), an office's members each by their own
e-mail and mobile, a form's contact at the address its event carried.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sme_kit.vocabulary import district_name
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.planning import Audience, Endpoint
from sme_notifications.domain.recipients import BUREAU, GROUP_NAMES, HEAD_STATION, Official, Organisation, Recipient

ANY_ORGANISATION = "贵单位"
A_CONTACT = "您好"  # how a message to an address a form gave greets its reader: no name is known
AN_EXPERT = "评审专家"


def organisation_audience(uscc: str, found: Organisation | None, fallback_name: str | None) -> Audience:
    """An organisation: named as registered (else as the event named it), reached at the contact it gave."""
    name = (found.name if found else None) or fallback_name or ANY_ORGANISATION
    recipient = Recipient.org(uscc)
    endpoints: list[Endpoint] = []
    if found is not None:
        addressed_as = found.contact.name or name
        if found.contact.email:
            endpoints.append(Endpoint(recipient, Channel.EMAIL, addressed_as))
        if found.contact.mobile:
            endpoints.append(Endpoint(recipient, Channel.SMS, addressed_as))
    return Audience(recipient, name, tuple(endpoints))


def endpoints_of(members: Iterable[Official]) -> tuple[Endpoint, ...]:
    """Each member of an office by their own e-mail and mobile, as the directory holds them."""
    endpoints: list[Endpoint] = []
    for member in members:
        recipient = Recipient.official(member.subject)
        if member.email:
            endpoints.append(Endpoint(recipient, Channel.EMAIL, member.name))
        if member.mobile:
            endpoints.append(Endpoint(recipient, Channel.SMS, member.name))
    return tuple(endpoints)


def district_audience(district_code: str, officers: Iterable[Official]) -> Audience:
    """A district's office: its shared inbox, and each officer personally."""
    name = f"{district_name(district_code) or district_code}民营和中小企业主管部门"
    return Audience(Recipient.district(district_code), name, endpoints_of(officers))


def group_audience(group: str, members: Iterable[Official]) -> Audience:
    """The head station or the bureau: its shared inbox, and each member personally."""
    if group not in (HEAD_STATION, BUREAU):
        raise ValueError(f"not a group: {group}")
    return Audience(Recipient.group(group), GROUP_NAMES[group], endpoints_of(members))


def expert_audience(expert_id: str, found: Official | None) -> Audience:
    """An expert: their own inbox, and their e-mail and mobile when the directory holds them."""
    if found is None:
        return Audience(Recipient.official(expert_id), AN_EXPERT)
    return Audience(Recipient.official(expert_id), found.name, endpoints_of([found]))


def contact_channel(address: str, channel: Any) -> Channel:
    """The event's channel when it names e-mail or SMS; otherwise e-mail for an e-mail address, else SMS."""
    if channel in (Channel.EMAIL.value, Channel.SMS.value):
        return Channel(channel)
    return Channel.EMAIL if "@" in address else Channel.SMS


def contact_audience(address: str, masked_address: str, channel: Any) -> Audience:
    """Someone outside the directory, reached once at the address the event gave (the record shows it masked)."""
    recipient = Recipient.contact(masked_address)
    by = contact_channel(address, channel)
    return Audience(recipient, A_CONTACT, (Endpoint(recipient, by, A_CONTACT, address=address),))
