"""What a station losing its title ends here: pending rectifications and other open proposals."""

from __future__ import annotations

from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork
from sme_assessment.domain.stations import Station
from sme_assessment.service_layer.timer_kinds import RECTIFICATION_DEADLINE


async def end_pending_work(
    uow: AssessmentUnitOfWork, station: Station, *, reason: str, except_case: str | None = None
) -> None:
    """Close the station's pending rectifications and supersede its other open revocation proposals."""
    rectifications = uow.rectifications
    for rectification in await rectifications.search(station_id=station.id, pending_only=True):
        if rectification.close(reason):
            await uow.cancel_timer(RECTIFICATION_DEADLINE, rectification.id)
            await rectifications.save(rectification)
            uow.audit("close", "rectification", rectification.id, reason=reason)
    cases = uow.revocations
    for case in await cases.search(station_id=station.id):
        if case.id != except_case and case.supersede(reason=reason, now=uow.clock.now()):
            await cases.save(case)
            uow.audit("supersede", "revocation", case.id, reason=reason, station_id=station.id)
