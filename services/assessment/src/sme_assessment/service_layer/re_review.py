"""Review's re-review outcomes (§4.2): a failed re-review is ground 5, proposed to the bureau."""

from __future__ import annotations

from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork
from sme_assessment.service_layer.proposals import add_note, propose_automatically
from sme_assessment.service_layer.stations import known_or_told
from sme_contracts.common import RevocationGround
from sme_contracts.review import ReReviewFailed, ReReviewPassed


async def re_review_failed(*, event: ReReviewFailed, uow: AssessmentUnitOfWork) -> None:
    """The re-review failed: revocation on ground 5 is proposed to the bureau."""
    station = await known_or_told(uow, station_id=event.station_id, uscc=event.uscc, district_code=event.district_code)
    await propose_automatically(
        uow,
        station=station,
        ground=RevocationGround.NO_OR_FAILED_RE_REVIEW,
        trigger=f"{event.round_year}年度复核未通过",
        evidence=f"复核结论（{event.decided_on.isoformat()}）：{event.reason}",
    )


async def re_review_passed(*, event: ReReviewPassed, uow: AssessmentUnitOfWork) -> None:
    """A pass does not decide an open ground-5 case by itself: the bureau reads it there and decides."""
    case = await uow.revocations.open_case(event.station_id, RevocationGround.NO_OR_FAILED_RE_REVIEW)
    if case is not None:
        await add_note(uow, case, f"{event.round_year}年度复核已通过，确认日期{event.confirmed_on.isoformat()}")
    uow.audit("re_review_passed", "station", event.station_id, round_year=event.round_year)
