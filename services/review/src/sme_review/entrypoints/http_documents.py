"""Public printable documents (no login, like the records they print): the notice and the final list."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter
from fastapi.responses import Response

from sme_kit.http import ClockDep, UowFactoryDep
from sme_kit.http_documents import PrinterDep, pdf_responses
from sme_review.entrypoints.deps import Year
from sme_review.entrypoints.documents import final_list_document, notice_document
from sme_review.service_layer import final_list as final_list_cases
from sme_review.service_layer import notices as notice_cases

router = APIRouter(prefix="/public", tags=["公开信息 Public"])


@router.get(
    "/notices/{notice_id}/document",
    summary="The notice as the bureau posts it, PDF: the shortlist, its period and how to object (no login)",
    response_class=Response,
    responses=pdf_responses(404),
)
async def print_notice(notice_id: str, uow: UowFactoryDep, printer: PrinterDep, clock: ClockDep) -> Response:
    notice = await notice_cases.get_notice(uow_factory=uow, notice_id=notice_id)
    return await printer.respond(
        partial(notice_document, notice, produced_at=clock.now()),
        filename=f"{notice.title}.pdf",
        fallback=f"notice-{notice.round_year}.pdf",
        # What a notice prints never changes once it is published.
        keep_as=("notice", notice.id),
    )


@router.get(
    "/final-lists/{year}/document",
    summary="A year's final list of recognised stations with their plaque numbers, PDF (no login)",
    response_class=Response,
    responses=pdf_responses(404),
)
async def print_final_list(year: Year, uow: UowFactoryDep, printer: PrinterDep, clock: ClockDep) -> Response:
    final_list = await final_list_cases.get_final_list(uow_factory=uow, year=year)
    return await printer.respond(
        partial(final_list_document, final_list, produced_at=clock.now()),
        filename=f"{final_list.title}.pdf",
        fallback=f"final-list-{year}.pdf",
        keep_as=("final-list", final_list.id),
    )
