"""A station's plaque certificate as a printable PDF: the same access as the station's full record."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter
from fastapi.responses import Response

from sme_kit.http import ClockDep, UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_documents import PrinterDep, pdf_responses
from sme_registry.entrypoints.certificate_document import certificate_document, certificate_title
from sme_registry.service_layer import certificates

router = APIRouter(prefix="/stations", tags=["服务站名录 Station register"])


@router.get(
    "/{station_id}/certificate",
    summary="服务站认定证书 PDF (the plaque certificate: bureau, head station, its district, its operator; "
    "active stations only)",
    response_class=Response,
    responses=pdf_responses(401, 404, 409),
)
async def print_certificate(
    station_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, printer: PrinterDep, clock: ClockDep
) -> Response:
    certificate = await certificates.get_certificate(uow_factory=uow, principal=principal, station_id=station_id)
    return await printer.respond(
        partial(certificate_document, certificate, produced_at=clock.now()),
        filename=f"{certificate_title(certificate)}.pdf",
        fallback=f"certificate-{certificate.station_number}.pdf",
    )
