"""The operator reports information changes of its station (§4.4)."""

from __future__ import annotations

import logging
import uuid

from sme_kit.auth import Principal
from sme_kit.uow import Actor
from sme_kit.vocabulary import shanghai_day
from sme_registry.adapters import publisher
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.changes import ChangeReport, InfoChange, apply_change, report_violations
from sme_registry.domain.errors import refuse
from sme_registry.service_layer.access import may_operate_station, station_not_found

log = logging.getLogger(__name__)


async def report_change(
    *, uow_factory: RegistryUowFactory, principal: Principal, station_id: str, report: ChangeReport
) -> InfoChange:
    """Apply the reported change to the register, keep it in the history, flag it when late, and
    tell assessment and notifications which kinds of information changed (not the values)."""
    async with uow_factory(Actor.of(principal)) as uow:
        stations = uow.stations
        station = await stations.get(station_id, for_update=True)
        if station is None or not may_operate_station(principal, station):
            raise station_not_found(station_id)
        today = shanghai_day(uow.clock.now())
        refuse(report_violations(report, today=today))
        change = apply_change(
            station,
            report,
            change_id=str(uuid.uuid4()),
            today=today,
            now=uow.clock.now(),
            reported_by=principal.subject,
        )
        await stations.save(station)
        await stations.add_change(change)
        uow.publish(publisher.station_info_changed(station, change))
        uow.audit(
            "report_change",
            "station",
            station.id,
            change_id=change.id,
            kinds=[kind.value for kind in change.kinds],
            completed_on=change.completed_on.isoformat(),
            late=change.late,
        )
        await uow.commit()
    log.info("station %s: change %s reported (late: %s)", station_id, change.id, change.late)
    return change
