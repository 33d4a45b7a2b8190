"""Reading the PDFs a test fetched, and rendering their first page for a person to look at.

The ``printed`` fixture of the repository's plugin gives a `DocumentReader` that keeps each document as
``$ARTIFACTS_DIR/documents/<name>.pdf`` (default ``.local/artifacts``) and its first page as ``<name>.png``::

    document = printed.read(response.content, "review-notice")
    assert document.has("穗中小服站〔2026〕001号")

Text comes from pypdf. pypdf reads the 2-byte encoding that fpdf2 embeds for a CID-keyed font one
byte at a time, so a NUL stands before every character (poppler and PDF viewers read it right), and
it breaks lines where the page does: `Printed.text` therefore keeps no NUL and no whitespace, and
`has` compares without whitespace too. The first page is rendered with ``pdftoppm`` (Debian's
poppler-utils, installed by ``infra/documents.sh``).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

__all__ = ["DocumentReader", "Printed", "squeezed"]


def squeezed(text: str) -> str:
    """``text`` without any whitespace (nor NUL)."""
    return "".join(text.replace("\x00", "").split())


@dataclass(frozen=True)
class Printed:
    """A PDF as a reader finds it: its text (whitespace removed), its pages, its title, its first page."""

    text: str
    pages: int
    title: str | None
    first_page: Path

    def has(self, phrase: str) -> bool:
        """Whether ``phrase`` appears, whitespace aside."""
        return squeezed(phrase) in self.text


@dataclass(frozen=True)
class DocumentReader:
    artifacts: Path

    def read(self, content: bytes, name: str) -> Printed:
        """Open ``content`` as a PDF, keep it as ``<artifacts>/<name>.pdf`` and render its first page to
        ``<artifacts>/<name>.png``."""
        reader = PdfReader(io.BytesIO(content))
        text = squeezed("".join(page.extract_text() for page in reader.pages))
        title = reader.metadata.title if reader.metadata else None
        return Printed(text, len(reader.pages), title, self.render_first_page(content, name))

    def render_first_page(self, content: bytes, name: str) -> Path:
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            raise RuntimeError("pdftoppm is missing: run infra/documents.sh (Debian's poppler-utils)")
        self.artifacts.mkdir(parents=True, exist_ok=True)
        target = self.artifacts / name
        target.with_suffix(".pdf").write_bytes(content)  # the whole document beside its first page
        subprocess.run(
            [pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", "-", str(target)],
            input=content,
            check=True,
            capture_output=True,
        )
        return target.with_suffix(".png")
