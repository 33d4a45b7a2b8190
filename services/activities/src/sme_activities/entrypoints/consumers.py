"""The registry events the activities service keeps its station read model from."""

from __future__ import annotations

from sme_activities.service_layer import stations
from sme_contracts.registry import StationInfoChanged, StationRegistered, StationStatusChanged
from sme_kit.consumers import EventHandlers

handlers = EventHandlers("stations").route(
    {
        StationRegistered: stations.station_registered,
        StationStatusChanged: stations.station_status_changed,
        StationInfoChanged: stations.station_info_changed,
    }
)
