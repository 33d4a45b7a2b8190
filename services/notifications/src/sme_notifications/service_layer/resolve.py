"""Turning the targets a route names into audiences, through the directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sme_kit.masking import masked_contact
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_notifications.adapters.directory_repository import DirectoryRepository
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.planning import Audience, Endpoint
from sme_notifications.domain.recipients import (
    BUREAU,
    GROUP_NAMES,
    HEAD_STATION,
    Official,
    OfficialRole,
    Recipient,
)
from sme_notifications.domain.routing import Target, TargetKind

ANY_ORGANISATION = "贵单位"
A_CONTACT = "您好"  # how a message to an address a form gave greets its reader: no name is known


async def resolve_audiences(
    directory: DirectoryRepository, targets: list[Target], data: Mapping[str, Any]
) -> tuple[list[Audience], list[Target]]:
    """The audiences of these targets, and the targets nobody could be found for (unknown stations,
    applications this service never saw)."""
    audiences: list[Audience] = []
    unresolved: list[Target] = []
    fallback_name = data.get("entity_name") or data.get("target_entity_name")
    for target in targets:
        match target.kind:
            case TargetKind.ORG:
                audiences.append(await _organisation(directory, target.id, fallback_name))
            case TargetKind.STATION:
                station = await directory.station(target.id)
                if station is None:
                    unresolved.append(target)
                else:
                    audiences.append(await _organisation(directory, station[0], station[1]))
            case TargetKind.APPLICATION:
                application = await directory.application(target.id)
                if application is None:
                    unresolved.append(target)
                else:
                    audiences.append(await _organisation(directory, application[0], application[1]))
            case TargetKind.ACTIVE_STATIONS:
                for uscc, station_name in await directory.active_station_operators():
                    audiences.append(await _organisation(directory, uscc, station_name))
            case TargetKind.DISTRICT:
                members = await directory.officials(role=OfficialRole.DISTRICT_OFFICER, district_code=target.id)
                name = f"{GUANGZHOU_DISTRICTS.get(target.id, target.id)}民营和中小企业主管部门"
                audiences.append(Audience(Recipient.district(target.id), name, _endpoints_of(members)))
            case TargetKind.HEAD_STATION:
                members = await directory.officials(role=OfficialRole.HEAD_STATION_STAFF)
                audiences.append(
                    Audience(Recipient.group(HEAD_STATION), GROUP_NAMES[HEAD_STATION], _endpoints_of(members))
                )
            case TargetKind.BUREAU:
                members = await directory.officials(role=OfficialRole.BUREAU_ADMIN)
                audiences.append(Audience(Recipient.group(BUREAU), GROUP_NAMES[BUREAU], _endpoints_of(members)))
            case TargetKind.EXPERT:
                expert = await directory.official(target.id)
                name = expert.name if expert else "评审专家"
                endpoints = _endpoints_of([expert]) if expert else ()
                audiences.append(Audience(Recipient.official(target.id), name, endpoints))
            case TargetKind.CONTACT:
                audiences.append(_contact(target.id, data.get("channel")))
    return audiences, unresolved


def _contact(address: str, channel: Any) -> Audience:
    """Someone outside the directory, reached at the address the event gave, over the event's channel
    (an e-mail address by e-mail, anything else by SMS when the event does not say)."""
    recipient = Recipient.contact(masked_contact(address))
    by = Channel(channel) if channel in (Channel.EMAIL.value, Channel.SMS.value) else None
    by = by or (Channel.EMAIL if "@" in address else Channel.SMS)
    return Audience(recipient, A_CONTACT, (Endpoint(recipient, by, A_CONTACT, address=address),))


async def _organisation(directory: DirectoryRepository, uscc: str, fallback_name: str | None) -> Audience:
    found = await directory.organisation(uscc)
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


def _endpoints_of(members: list[Official]) -> tuple[Endpoint, ...]:
    endpoints: list[Endpoint] = []
    for member in members:
        recipient = Recipient.official(member.subject)
        if member.email:
            endpoints.append(Endpoint(recipient, Channel.EMAIL, member.name))
        if member.mobile:
            endpoints.append(Endpoint(recipient, Channel.SMS, member.name))
    return tuple(endpoints)
