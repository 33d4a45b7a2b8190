"""The layouts of the notice and the final list, on domain objects made here (no database)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sme_kit.fonts import CjkFonts, find_cjk_fonts
from sme_kit.testing.documents import DocumentReader
from sme_review.domain.final_list import FinalList, FinalListEntry
from sme_review.domain.notices import NoticeEntry
from sme_review.entrypoints.documents import final_list_document, notice_document, service_names

from .factories import NOW, notice


@pytest.fixture(scope="module")
def fonts(printed: DocumentReader) -> CjkFonts:
    return find_cjk_fonts()


def test_services_are_named_as_the_guideline_names_them_and_unknown_ones_kept() -> None:
    assert service_names(("information", "supply_chain", "其他")) == "信息服务、产业链上下游对接服务、其他"


def test_a_long_shortlist_runs_over_pages_numbered_in_full(fonts: CjkFonts, printed: DocumentReader) -> None:
    entries = tuple(
        NoticeEntry(
            f"app-{n}", f"广州市第{n}号企业服务有限公司", "440113", "association", f"番禺区市桥街{n}号", ("training",)
        )
        for n in range(1, 41)
    )
    long_notice = dataclasses.replace(notice(), entries=entries)

    document = printed.read(notice_document(long_notice, fonts), "review-notice-long-list")

    assert document.pages >= 3
    assert document.has("一、入围名单（共40家）")
    assert document.has("40广州市第40号企业服务有限公司番禺区番禺区市桥街40号培训服务")
    assert document.text.count("序号申请单位所在区服务站地址共性服务") >= 2  # the header again on the next page
    assert document.has(f"第 {document.pages} 页 共 {document.pages} 页")
    assert not document.has("本公示于")  # published on the period's first day


def test_a_final_list_without_recognitions_says_so(fonts: CjkFonts, printed: DocumentReader) -> None:
    empty = FinalList(
        id="fl-1",
        round_year=2026,
        title="2026年广州市民营和中小企业服务站最终认定名单",
        published_on=date(2026, 10, 12),
        entries=(),
        declined_application_ids=("app-x",),
        published_at=NOW,
        published_by="bureau-1",
    )

    document = printed.read(final_list_document(empty, fonts), "review-final-list-empty")

    assert document.has("最终认定名单（共0家）")
    assert document.has("本年度无认定的服务站。")
    assert not document.has("app-x")


def test_the_final_list_prints_nothing_but_organisations(fonts: CjkFonts, printed: DocumentReader) -> None:
    listed = FinalList(
        id="fl-1",
        round_year=2026,
        title="2026年广州市民营和中小企业服务站最终认定名单",
        published_on=date(2026, 10, 12),
        entries=(FinalListEntry("app-1", "广州市某商会", "440104", "广州市越秀区某路1号", "穗中小服站〔2026〕001号"),),
        declined_application_ids=(),
        published_at=NOW,
        published_by="bureau-li",
    )

    document = printed.read(final_list_document(listed, fonts), "review-final-list-one")

    assert document.has("1穗中小服站〔2026〕001号广州市某商会越秀区广州市越秀区某路1号")
    assert not any(document.has(internal) for internal in ("bureau-li", "app-1"))
