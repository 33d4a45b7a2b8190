"""How the register follows the outcomes decided elsewhere: recognition and re-review (review),
revocation (assessment). Each runs in the consumer's unit of work; the inbox makes it run once."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from sme_contracts.assessment import StationRevoked
from sme_contracts.common import RevocationGround
from sme_contracts.review import ApplicationDeclined, ReReviewFailed, ReReviewPassed, StationRecognised
from sme_registry.adapters import publisher
from sme_registry.adapters.unit_of_work import RegistryUnitOfWork
from sme_registry.domain.applications import Application, ApplicationKind
from sme_registry.domain.stations import Station, station_number
from sme_registry.domain.validity import valid_until
from sme_registry.service_layer.expiry import cancel_expiry, schedule_expiry

log = logging.getLogger(__name__)


class UnknownApplication(LookupError):
    """The event names an application registry does not hold (the event is dead-lettered)."""


class UnknownStation(LookupError):
    """The event names a station registry does not hold (the event is dead-lettered)."""


async def register_recognised_station(*, uow: RegistryUnitOfWork, event: StationRecognised) -> None:
    """The applicant is on the final list: enter its station, valid 3 years from the list's date."""
    application = await _application(uow=uow, application_id=event.application_id, uscc=event.uscc)
    if application.kind is ApplicationKind.RE_REVIEW and application.station_id:
        await renew_station(
            uow=uow,
            station_id=application.station_id,
            application_id=application.id,
            valid_from=event.final_list_published_on,
        )
        return
    stations = uow.stations
    if await stations.of_application(application.id) is not None:
        return  # registered before (the same outcome sent twice under another event id)
    year = event.final_list_published_on.year
    now = uow.clock.now()
    station = Station.register(
        station_id=str(uuid.uuid4()),
        number=station_number(year, await stations.next_number(year)),
        plaque_number=event.plaque_number,
        application_id=application.id,
        form=application.form,
        valid_from=event.final_list_published_on,
        now=now,
    )
    registered = station.new_history[0]
    await stations.add(station)
    application.recognise(now=now)
    await uow.applications.save(application)
    uow.audit("recognise", "application", application.id, station_id=station.id, plaque_number=event.plaque_number)
    await schedule_expiry(uow=uow, station=station)
    uow.publish(publisher.station_registered(station))
    uow.publish(publisher.station_status_changed(station, registered))
    uow.audit(
        "register",
        "station",
        station.id,
        reason=registered.reason,
        application_id=application.id,
        station_number=station.station_number,
        plaque_number=station.plaque_number,
        valid_until=station.valid_until.isoformat(),
    )
    log.info("station %s registered as %s", station.id, station.station_number)


async def confirm_re_review(*, uow: RegistryUnitOfWork, event: ReReviewPassed) -> None:
    """Re-review passed: the station is confirmed and valid 3 years from the result's date."""
    await renew_station(
        uow=uow, station_id=event.station_id, application_id=event.application_id, valid_from=event.confirmed_on
    )


async def renew_station(*, uow: RegistryUnitOfWork, station_id: str, application_id: str, valid_from: date) -> None:
    """Extend the station's validity and move its expiry timers; a revoked station stays revoked."""
    station = await uow.stations.get(station_id, for_update=True)
    if station is None:
        raise UnknownStation(f"no station {station_id}")
    if not station.renewable:
        uow.audit(
            "renew_refused", "station", station.id, reason="已撤销的服务站不再延续有效期", application_id=application_id
        )
        log.warning("station %s: re-review result for a revoked station ignored", station.id)
        return
    change = station.renew(
        valid_from=valid_from,
        reason=f"复核通过，予以确认，有效期延续至 {valid_until(valid_from).isoformat()} (re-review passed)",
        now=uow.clock.now(),
    )
    await uow.stations.save(station)
    await schedule_expiry(uow=uow, station=station)
    application = await uow.applications.get(application_id, for_update=True)
    if application is not None and application.recognise(now=uow.clock.now()):
        await uow.applications.save(application)
        uow.audit("recognise", "application", application.id, station_id=station.id)
    uow.publish(publisher.station_status_changed(station, change))
    uow.audit(
        "renew",
        "station",
        station.id,
        reason=change.reason,
        application_id=application_id,
        valid_until=station.valid_until.isoformat(),
    )


async def decline_application(*, uow: RegistryUnitOfWork, event: ApplicationDeclined) -> None:
    """The round ended without recognition for this application."""
    await _decline(uow=uow, application_id=event.application_id, uscc=event.uscc, reason=event.reason)


async def fail_re_review(*, uow: RegistryUnitOfWork, event: ReReviewFailed) -> None:
    """The re-review failed: the application ends; the revocation itself comes from assessment."""
    await _decline(uow=uow, application_id=event.application_id, uscc=event.uscc, reason=f"复核未通过：{event.reason}")


async def revoke_station(*, uow: RegistryUnitOfWork, event: StationRevoked) -> None:
    """The bureau revoked the title (§4.3): status revoked, ground and date kept, timers cancelled."""
    station = await uow.stations.get(event.station_id, for_update=True)
    if station is None:
        raise UnknownStation(f"no station {event.station_id}")
    if station.is_revoked:
        return  # revoked before
    change = station.revoke(
        ground=RevocationGround(event.ground),
        reason=f"依据第{int(event.ground)}项撤销情形（{event.ground_text}）：{event.reason}",
        effective_on=event.effective_on,
        now=uow.clock.now(),
    )
    await uow.stations.save(station)
    await cancel_expiry(uow=uow, station_id=station.id)
    uow.publish(publisher.station_status_changed(station, change))
    uow.audit(
        "revoke",
        "station",
        station.id,
        reason=change.reason,
        revocation_id=event.revocation_id,
        ground=int(event.ground),
        effective_on=event.effective_on.isoformat(),
    )
    log.info("station %s revoked on ground %s", station.id, int(event.ground))


async def _decline(*, uow: RegistryUnitOfWork, application_id: str, uscc: str, reason: str) -> None:
    application = await _application(uow=uow, application_id=application_id, uscc=uscc)
    if application.decline(reason=reason, now=uow.clock.now()):
        await uow.applications.save(application)
        uow.audit("decline", "application", application.id, reason=reason)


async def _application(*, uow: RegistryUnitOfWork, application_id: str, uscc: str) -> Application:
    application = await uow.applications.get(application_id, for_update=True)
    if application is None or application.uscc != uscc:
        raise UnknownApplication(f"no application {application_id} of that entity")
    return application
