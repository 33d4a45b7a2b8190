"""Printable documents in Chinese (PDF): A4 pages, the CJK font, titles, paragraphs, tables, footer.

A service's document is a small layout function of its own data, e.g.::

    def final_list_document(final_list: FinalList, fonts: CjkFonts) -> bytes:
        doc = Document(fonts, title=final_list.title, issuer=BUREAU, issued_on=final_list.published_on)
        doc.title(final_list.title)
        doc.paragraph("根据《广州市民营和中小企业服务站建设工作指引》……")
        doc.table([Column("序号", 12, "C"), Column("牌匾编号", 40), ...], rows)
        doc.signature()
        return doc.output()

Every page has a footer with the issuing body, the page's number as people read it ("第 1 页 共 2 页")
and the date of issue. Tables wrap long cells and, when they run over a page, go on on the next one
under their header row again.

The font is Noto Serif CJK SC, a Song face as official documents are set in (`sme_kit.fonts` finds
it once per process). fpdf2 embeds a subset of its OpenType CFF face, taken from Debian's TrueType
collection, with only the glyphs a document uses: a document weighs tens of kilobytes, not the
font's 25 MB. (ReportLab embeds TrueType outlines only and cannot use these fonts at all.) Lines are
broken by the rules of Chinese typesetting (`sme_kit.linebreak`), not by fpdf2.

Building a document is one to two and a half seconds of CPU, nearly all of it reading and subsetting
the font: the HTTP edge runs it off the event loop (`sme_kit.http_documents`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, VAlign, XPos, YPos
from fpdf.fonts import FontFace

from sme_kit.fonts import DEFAULT_FONTS_DIR, CjkFonts, FontFile, FontsMissing, find_cjk_fonts
from sme_kit.linebreak import balanced_lines, break_lines

__all__ = [
    "BUREAU",
    "DEFAULT_FONTS_DIR",
    "CjkFonts",
    "Column",
    "Document",
    "FontFile",
    "FontsMissing",
    "chinese_date",
    "find_cjk_fonts",
]

# The issuing body of the programme's documents (§4.1.3(3)–(5)).
BUREAU = "广州市工业和信息化局"
_FAMILY = "cjk"

# Sizes in points; lengths in millimetres (fpdf2's unit here).
_TITLE_PT, _SUBTITLE_PT, _HEADING_PT, _BODY_PT, _TABLE_PT, _FOOTER_PT = 20, 13, 14, 12, 10.5, 9
_PT_MM = 25.4 / 72
_TITLE_MEASURE = 0.86
_MARGIN, _TOP, _BOTTOM = 25, 25, 24
_HEADER_FILL = (235, 235, 235)
_RULE = (90, 90, 90)
# What keeps the signature two characters in from the right margin, as official documents sign.
_INSET = "\u3000\u3000"


def chinese_date(day: date) -> str:
    """A date as official documents write it: 2026年9月28日."""
    return f"{day.year}年{day.month}月{day.day}日"


Alignment = Literal["L", "C", "R"]


@dataclass(frozen=True)
class Column:
    """A table column: its header, its share of the page's width (relative), how its cells align."""

    header: str
    width: float
    align: Alignment = "L"


class _Pages(FPDF):
    """fpdf2 with the footer every page of a document carries."""

    def __init__(self, footer_left: str, footer_right: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_left = footer_left
        self._footer_right = footer_right

    def footer(self) -> None:
        self.set_y(-_BOTTOM + 6)
        self.set_draw_color(*_RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_y(self.get_y() + 1.5)
        self.set_font(_FAMILY, "", _FOOTER_PT)
        width = self.epw / 3
        height = _FOOTER_PT * _PT_MM * 1.5
        self.cell(width, height, self._footer_left, align=Align.L)
        self.cell(width, height, f"第 {self.page_no()} 页 共 {{nb}} 页", align=Align.C)
        self.cell(width, height, self._footer_right, align=Align.R)


class Document:
    """One printable document; call its parts in reading order, then `output`."""

    def __init__(
        self,
        fonts: CjkFonts,
        *,
        title: str,
        issuer: str = BUREAU,
        issued_on: date,
        subject: str | None = None,
        produced_at: datetime | None = None,
    ) -> None:
        self.issuer = issuer
        self.issued_on = issued_on
        pdf = _Pages(footer_left=issuer, footer_right=chinese_date(issued_on))
        pdf.add_font(_FAMILY, "", fonts.regular.path, collection_font_number=fonts.regular.index)
        pdf.add_font(_FAMILY, "B", fonts.bold.path, collection_font_number=fonts.bold.index)
        pdf.set_margins(_MARGIN, _TOP, _MARGIN)
        pdf.set_auto_page_break(True, margin=_BOTTOM)
        pdf.set_title(title)
        pdf.set_author(issuer)
        pdf.set_subject(subject or title)
        pdf.set_creator("广州市民营和中小企业服务站管理系统")
        pdf.set_lang("zh-CN")
        if produced_at is not None:
            pdf.set_creation_date(produced_at)
        pdf.add_page()
        self._pdf = pdf

    @property
    def pdf(self) -> FPDF:
        """The fpdf2 document underneath, for what the parts below do not offer (a frame, a rule)."""
        return self._pdf

    def title(self, text: str, *, break_after: str | None = None, size: float = _TITLE_PT) -> None:
        """The document's title: bold, centred; a long one in balanced lines, after ``break_after`` if given."""
        pdf = self._use_font(size, bold=True)
        height = size * _PT_MM * 1.5
        # A title that would fill the whole measure reads cramped: it goes over two lines instead.
        lines = balanced_lines(text, pdf.epw * _TITLE_MEASURE, pdf.get_string_width, break_after=break_after)
        self.keep_together(height * len(lines) + 20)
        for line in lines:
            pdf.cell(0, height, line, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(5)

    def subtitle(self, text: str) -> None:
        """A line under the title (a number, a period), centred."""
        pdf = self._use_font(_SUBTITLE_PT)
        height = _SUBTITLE_PT * _PT_MM * 1.6
        for line in break_lines(text, pdf.epw, pdf.get_string_width):
            pdf.cell(0, height, line, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(3)

    def heading(self, text: str) -> None:
        """A section heading (一、……), bold, flush left; never alone at the foot of a page."""
        pdf = self._use_font(_HEADING_PT, bold=True)
        height = _HEADING_PT * _PT_MM * 1.7
        self.space(2)
        self.keep_together(height + 3 * _BODY_PT * _PT_MM * 1.8)
        for line in break_lines(text, pdf.epw, pdf.get_string_width):
            pdf.cell(0, height, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(1)

    def paragraph(self, text: str, *, indent: bool = True, size: float = _BODY_PT, bold: bool = False) -> None:
        """Body text, justified; a Chinese paragraph's first line is indented two characters."""
        pdf = self._use_font(size, bold=bold)
        height = size * _PT_MM * 1.8
        inset = 2 * size * _PT_MM if indent else 0.0
        lines = break_lines(text, pdf.epw, pdf.get_string_width, first_width=pdf.epw - inset)
        for number, line in enumerate(lines):
            left = inset if number == 0 else 0.0
            last = number == len(lines) - 1
            pdf.set_x(pdf.l_margin + left)
            # Full lines end flush with the right margin: the slack is spread between the characters.
            slack = pdf.epw - left - pdf.get_string_width(line)
            spacing = 0.0 if last or len(line) < 2 or slack <= 0 else slack * pdf.k / (len(line) - 1)
            pdf.set_char_spacing(spacing)
            pdf.cell(pdf.epw - left, height, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_char_spacing(0)

    def fields(self, pairs: Sequence[tuple[str, str]], *, label_width: float = 28) -> None:
        """Labelled facts in a bordered two-column table (服务站名称 | …)."""
        label_style = FontFace(emphasis="BOLD", fill_color=_HEADER_FILL)
        widths = (label_width, 100 - label_width)
        self._table(widths, ("C", "L"), [(label, value) for label, value in pairs], _BODY_PT, label_style, None)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, size: float = _TABLE_PT) -> None:
        """A table with a header row; cells wrap, and the header repeats on every page the table runs over."""
        header = FontFace(emphasis="BOLD", fill_color=_HEADER_FILL)
        widths = tuple(column.width for column in columns)
        body = [tuple(column.header for column in columns), *(tuple(row) for row in rows)]
        self._table(widths, tuple(column.align for column in columns), body, size, None, header)

    def signature(self, *, issuer: str | None = None, on: date | None = None) -> None:
        """The issuing body and the date, right-aligned under the text, as a notice is signed; a signature
        that has to go to a page of its own says so at the top ("（此页无正文）"), as official documents do."""
        size = _BODY_PT + 1
        height = size * _PT_MM * 1.8
        if self.keep_together(2 * height + 12):
            self.paragraph("（此页无正文）", indent=False)
        self.space(10)
        pdf = self._use_font(size)
        for line in (issuer or self.issuer, chinese_date(on or self.issued_on)):
            pdf.cell(0, height, line + _INSET, align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def space(self, millimetres: float) -> None:
        """Vertical space."""
        self._pdf.ln(millimetres)

    def keep_together(self, millimetres: float) -> bool:
        """Start a new page unless ``millimetres`` still fit on this one; whether it did."""
        pdf = self._pdf
        if pdf.get_y() + millimetres <= pdf.page_break_trigger:
            return False
        pdf.add_page()
        return True

    def output(self) -> bytes:
        """The PDF."""
        return bytes(self._pdf.output())

    def _use_font(self, size: float, *, bold: bool = False) -> FPDF:
        self._pdf.set_font(_FAMILY, "B" if bold else "", size)
        return self._pdf

    def _table(
        self,
        widths: tuple[float, ...],
        aligns: Sequence[Alignment],
        rows: Sequence[Sequence[str]],
        size: float,
        first_column: FontFace | None,
        header: FontFace | None,
    ) -> None:
        pdf = self._use_font(size)
        total = sum(widths)
        padding = (1.6, 1.8)
        inner = [pdf.epw * width / total - 2 * padding[1] - 0.4 for width in widths]
        with pdf.table(
            col_widths=widths,
            text_align=tuple(Align.coerce(align) for align in aligns),
            v_align=VAlign.M,
            line_height=size * _PT_MM * 1.55,
            padding=padding,
            headings_style=header or FontFace(),
            first_row_as_headings=header is not None,
            repeat_headings=1 if header is not None else 0,
            borders_layout=TableBordersLayout.ALL,
        ) as table:
            for index, values in enumerate(rows):
                row = table.row()
                bold = header is not None and index == 0
                for column, value in enumerate(values):
                    # Wrapped here, by the rules of Chinese line breaking, rather than by fpdf2.
                    self._use_font(size, bold=bold or (first_column is not None and column == 0))
                    text = "\n".join(break_lines(value, inner[column], pdf.get_string_width))
                    style = first_column if first_column is not None and column == 0 else None
                    row.cell(text, style=style, align=Align.C if bold else None)
                self._use_font(size)
        self.space(3)
