"""The HTTP edge of printable documents: a PDF response with its Chinese file name, built off the loop.

A route finds what it prints through its use case (which refuses what the caller may not see),
then hands a layout function to the printer::

    @router.get("/{notice_id}/document", response_class=Response, responses=pdf_responses(404))
    async def print_notice(notice_id: str, uow: UowFactoryDep, printer: PrinterDep) -> Response:
        notice = await notice_cases.get_notice(uow_factory=uow, notice_id=notice_id)
        return await printer.respond(partial(notice_document, notice), filename=f"{notice.title}.pdf")

The fonts are looked up when a document is asked for, so a machine without them answers that
request 503 (problem+json naming the package) instead of refusing to start; start-up logs it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import Response

from sme_kit.fonts import CjkFonts, FontsMissing, find_cjk_fonts
from sme_kit.problems import problem_responses

__all__ = ["PDF", "Printer", "PrinterDep", "content_disposition", "pdf_responses"]

PDF = "application/pdf"
# Documents built at once per process: each is CPU work that holds the interpreter for ~1 s.
_AT_ONCE = 2
# Public documents that never change once published (a notice, a final list) kept ready, per process.
_KEPT = 32

Layout = Callable[[CjkFonts], bytes]

log = logging.getLogger(__name__)


def content_disposition(filename: str, *, fallback: str = "document.pdf") -> str:
    """``inline`` with the Chinese name as RFC 6266 / RFC 5987 give it, and an ASCII name for old clients."""
    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in fallback)
    return f"inline; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def pdf_responses(*problems: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` of a document route: the PDF, the problems it may answer, and 503."""
    return {
        200: {
            "description": "PDF 文件 (the document, A4)",
            "content": {PDF: {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(*problems, 503),
    }


class Printer:
    """Builds documents in a worker thread, a few at a time, and answers them as PDF."""

    def __init__(self, fonts_dir: str | Path) -> None:
        self.fonts_dir = Path(fonts_dir)
        self._slots = asyncio.Semaphore(_AT_ONCE)
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()

    def fonts(self) -> CjkFonts:
        """The fonts; `FontsMissing` (503) when they are not installed."""
        return find_cjk_fonts(self.fonts_dir)

    def check(self) -> None:
        """Log once at start-up whether documents can be made here."""
        try:
            self.fonts()
        except FontsMissing as missing:
            log.warning("printable documents are unavailable until the font is installed: %s", missing.detail)

    async def build(self, layout: Layout, *, keep_as: Hashable | None = None) -> bytes:
        """The document ``layout`` makes; with ``keep_as``, a copy is kept for the next caller."""
        if keep_as is not None and (kept := self._kept.get(keep_as)) is not None:
            self._kept.move_to_end(keep_as)
            return kept
        fonts = self.fonts()
        async with self._slots:
            content = await asyncio.to_thread(layout, fonts)
        if keep_as is not None:
            self._kept[keep_as] = content
            while len(self._kept) > _KEPT:
                self._kept.popitem(last=False)
        return content

    async def respond(
        self, layout: Layout, *, filename: str, fallback: str, keep_as: Hashable | None = None
    ) -> Response:
        """The document as an ``application/pdf`` response named ``filename`` (Chinese) or ``fallback`` (ASCII)."""
        content = await self.build(layout, keep_as=keep_as)
        return Response(
            content,
            media_type=PDF,
            headers={"Content-Disposition": content_disposition(filename, fallback=fallback)},
        )


def get_printer(request: Request) -> Printer:
    return request.app.state.printer  # type: ignore[no-any-return]


PrinterDep = Annotated[Printer, Depends(get_printer)]
