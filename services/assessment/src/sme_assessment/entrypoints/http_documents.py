"""A station's annual assessment result as a printable PDF: the same access as the result, once published."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter
from fastapi.responses import Response

from sme_assessment.entrypoints.result_document import result_document, station_label
from sme_assessment.service_layer import results
from sme_kit.http import ClockDep, UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_documents import PrinterDep, pdf_responses

router = APIRouter(prefix="/cycles", tags=["年度考核 Annual assessment"])


@router.get(
    "/{cycle_id}/results/{station_id}/document",
    summary="One station's published result as a PDF notice: breakdown, total, outcome, rectification "
    "(same access as the result; 409 before publication)",
    response_class=Response,
    responses=pdf_responses(401, 404, 409),
)
async def print_result(
    cycle_id: str,
    station_id: str,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    printer: PrinterDep,
    clock: ClockDep,
) -> Response:
    found = await results.published_result_of_station(
        uow_factory=uow, principal=principal, cycle_id=cycle_id, station_id=station_id
    )
    return await printer.respond(
        partial(result_document, found, produced_at=clock.now()),
        filename=f"{station_label(found)}{found.result.year}年度考核结果.pdf",
        fallback=f"assessment-{found.result.year}-{station_id}.pdf",
    )
