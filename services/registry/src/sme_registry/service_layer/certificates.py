"""The plaque certificate of a station: for those who may read its record, while it is active."""

from __future__ import annotations

from sme_kit.auth import Principal
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.certificate import Certificate, certificate_of
from sme_registry.service_layer.stations import get_station


async def get_certificate(*, uow_factory: RegistryUowFactory, principal: Principal, station_id: str) -> Certificate:
    """The certificate's facts: the bureau, the head station, the station's district and its operator (404 for
    anyone else, as the record is); 409 once the station expired or was revoked."""
    station = await get_station(uow_factory=uow_factory, principal=principal, station_id=station_id)
    return certificate_of(station)
