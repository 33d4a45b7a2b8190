"""The registry events the activities service keeps its station read model from."""

from __future__ import annotations

from sme_activities.service_layer import stations
from sme_contracts.envelope import CloudEvent
from sme_contracts.registry import StationInfoChanged, StationRegistered, StationStatusChanged
from sme_kit.consumers import EventHandlers
from sme_kit.uow import UnitOfWork

handlers = EventHandlers("stations")


@handlers.handles(StationRegistered)
async def on_station_registered(event: StationRegistered, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_registered(event=event, uow=uow)


@handlers.handles(StationStatusChanged)
async def on_station_status_changed(event: StationStatusChanged, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_status_changed(event=event, uow=uow)


@handlers.handles(StationInfoChanged)
async def on_station_info_changed(event: StationInfoChanged, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_info_changed(event=event, uow=uow)
