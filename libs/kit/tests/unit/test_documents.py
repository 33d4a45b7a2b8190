"""Printable documents: the CJK font found by name, pages with their footer, tables over pages, and the
HTTP edge (a PDF with its Chinese file name; 503 problem+json without the font)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import Response

from sme_kit.documents import Column, Document, chinese_date
from sme_kit.fonts import CjkFonts, FontsMissing, find_cjk_fonts
from sme_kit.http_documents import Printer, content_disposition
from sme_kit.problems import install_problem_handlers
from sme_kit.testing.documents import DocumentReader


@pytest.fixture(scope="module")
def fonts(printed: DocumentReader) -> CjkFonts:
    return find_cjk_fonts()  # `printed` installed them when missing


def test_the_simplified_chinese_face_is_picked_from_the_collections(fonts: CjkFonts) -> None:
    assert fonts.regular.path.name == "NotoSerifCJK-Regular.ttc"
    assert fonts.bold.path.name == "NotoSerifCJK-Bold.ttc"
    assert fonts.regular.index == fonts.bold.index == 2  # JP, KR, SC, TC, HK


def test_a_directory_without_the_font_is_refused_naming_the_package(tmp_path: Path) -> None:
    with pytest.raises(FontsMissing, match="fonts-noto-cjk") as refused:
        find_cjk_fonts(tmp_path)
    assert (refused.value.kind, refused.value.code) == ("unavailable", "document-font-missing")


def test_dates_are_written_as_official_documents_write_them() -> None:
    assert chinese_date(date(2026, 9, 8)) == "2026年9月8日"


def sample(fonts: CjkFonts, rows: int) -> bytes:
    doc = Document(fonts, title="测试名单", issued_on=date(2026, 9, 28))
    doc.title("2026年广州市民营和中小企业服务站拟认定名单公示", break_after="服务站")
    doc.paragraph("根据《广州市民营和中小企业服务站建设工作指引》，现予以公示。")
    doc.table(
        [Column("序号", 8, "C"), Column("申请单位", 50), Column("所在区", 12, "C"), Column("地址", 30)],
        [(str(n), f"广州市测试企业服务有限公司第{n}号", "天河区", "天河区天河路 100 号") for n in range(1, rows + 1)],
    )
    doc.signature()
    return doc.output()


def test_a_long_table_goes_on_over_pages_under_its_header_and_every_page_is_numbered(
    fonts: CjkFonts, printed: DocumentReader
) -> None:
    document = printed.read(sample(fonts, 60), "kit-long-table")

    assert document.pages >= 3
    assert document.title == "测试名单"
    assert document.has("拟认定名单公示")
    assert document.has("广州市测试企业服务有限公司第60号")
    alone = document.text.count("（此页无正文）")  # the signature on a page of its own, if it came to that
    assert document.text.count("序号申请单位所在区地址") == document.pages - alone
    for page in range(1, document.pages + 1):
        assert document.has(f"第 {page} 页 共 {document.pages} 页")
    assert document.text.count("广州市工业和信息化局") == document.pages + 1  # every footer, and the signature


def test_a_signature_that_does_not_fit_goes_over_saying_the_page_has_no_text(
    fonts: CjkFonts, printed: DocumentReader
) -> None:
    doc = Document(fonts, title="测试", issued_on=date(2026, 9, 28))
    doc.paragraph("正文。")
    doc.space(doc.pdf.page_break_trigger - doc.pdf.get_y() - 5)  # the text ends at the foot of the page
    doc.signature()

    document = printed.read(doc.output(), "kit-signature-alone")

    assert document.pages == 2
    last_page = "（此页无正文）广州市工业和信息化局2026年9月28日"
    assert document.text.endswith(last_page + "广州市工业和信息化局第2页共2页2026年9月28日")


def test_only_the_glyphs_used_are_embedded(fonts: CjkFonts) -> None:
    assert len(sample(fonts, 3)) < 120_000  # the font files are 25 MB each


def test_the_file_name_is_given_in_chinese_and_in_ascii_for_old_clients() -> None:
    header = content_disposition("2026年最终认定名单.pdf", fallback="final list 2026.pdf")

    assert header.startswith('inline; filename="final_list_2026.pdf"; ')
    assert unquote(header.split("filename*=UTF-8''")[1]) == "2026年最终认定名单.pdf"


def app_printing(fonts_dir: Path | str) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    printer = Printer(fonts_dir)

    @app.get("/document")
    async def document() -> Response:
        layout = partial(lambda fonts: Document(fonts, title="测试", issued_on=date(2026, 1, 5)).output())
        return await printer.respond(layout, filename="测试.pdf", fallback="test.pdf")

    return app


async def fetch(app: FastAPI) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        return await client.get("/document")


async def test_the_printer_answers_a_pdf(fonts: CjkFonts) -> None:
    response = await fetch(app_printing(fonts.regular.path.parent))

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


async def test_without_the_font_the_printer_answers_503_problem_json(tmp_path: Path) -> None:
    response = await fetch(app_printing(tmp_path))

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "fonts-noto-cjk" in response.json()["detail"]
