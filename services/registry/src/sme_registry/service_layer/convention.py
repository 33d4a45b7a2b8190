"""The operator signs the service convention (§4.1.4)."""

from __future__ import annotations

from dataclasses import dataclass

from sme_kit.auth import Principal
from sme_kit.uow import Actor
from sme_registry.adapters import publisher
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.stations import ConventionSignature, Station
from sme_registry.service_layer.access import may_operate_station, station_not_found


@dataclass(frozen=True)
class SignConvention:
    station_id: str
    version: str
    signatory_name: str
    signatory_title: str = ""


async def sign_convention(*, uow_factory: RegistryUowFactory, principal: Principal, command: SignConvention) -> Station:
    """Record who signed which version of the convention, and when; once per version."""
    async with uow_factory(Actor.of(principal)) as uow:
        stations = uow.stations
        station = await stations.get(command.station_id, for_update=True)
        if station is None or not may_operate_station(principal, station):
            raise station_not_found(command.station_id)
        signature = ConventionSignature(
            version=command.version,
            signed_at=uow.clock.now(),
            signed_by=principal.subject,
            signatory_name=command.signatory_name,
            signatory_title=command.signatory_title,
        )
        station.sign_convention(signature)
        await stations.save(station)
        uow.publish(
            publisher.station_convention_signed(station, version=signature.version, signed_at=signature.signed_at)
        )
        uow.audit("sign_convention", "station", station.id, convention_version=signature.version)
        await uow.commit()
    return station
