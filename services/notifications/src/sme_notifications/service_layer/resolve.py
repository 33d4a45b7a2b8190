"""Turning the targets a route names into audiences, through the directory (the rules of naming and
reaching each are in `domain.audiences`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sme_kit.masking import masked_contact
from sme_notifications.adapters.directory_repository import DirectoryRepository
from sme_notifications.domain.audiences import (
    contact_audience,
    district_audience,
    expert_audience,
    group_audience,
    organisation_audience,
)
from sme_notifications.domain.planning import Audience
from sme_notifications.domain.recipients import BUREAU, HEAD_STATION, OfficialRole
from sme_notifications.domain.routing import Target, TargetKind


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
            case TargetKind.STATION | TargetKind.APPLICATION:
                operator = await (
                    directory.station(target.id)
                    if target.kind is TargetKind.STATION
                    else directory.application(target.id)
                )
                if operator is None:
                    unresolved.append(target)
                else:
                    audiences.append(await _organisation(directory, *operator))
            case TargetKind.ACTIVE_STATIONS:
                for uscc, station_name in await directory.active_station_operators():
                    audiences.append(await _organisation(directory, uscc, station_name))
            case TargetKind.DISTRICT:
                officers = await directory.officials(role=OfficialRole.DISTRICT_OFFICER, district_code=target.id)
                audiences.append(district_audience(target.id, officers))
            case TargetKind.HEAD_STATION:
                staff = await directory.officials(role=OfficialRole.HEAD_STATION_STAFF)
                audiences.append(group_audience(HEAD_STATION, staff))
            case TargetKind.BUREAU:
                staff = await directory.officials(role=OfficialRole.BUREAU_ADMIN)
                audiences.append(group_audience(BUREAU, staff))
            case TargetKind.EXPERT:
                audiences.append(expert_audience(target.id, await directory.official(target.id)))
            case TargetKind.CONTACT:
                audiences.append(contact_audience(target.id, masked_contact(target.id), data.get("channel")))
    return audiences, unresolved


async def _organisation(directory: DirectoryRepository, uscc: str, fallback_name: str | None) -> Audience:
    return organisation_audience(uscc, await directory.organisation(uscc), fallback_name)
