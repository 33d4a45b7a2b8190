"""The notice and the final list as printable PDFs, public like the records they print."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from sme_kit.testing.documents import DocumentReader

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration


async def test_the_notice_prints_the_shortlist_its_period_and_how_to_object_but_no_objector(
    review: ReviewService, printed: DocumentReader
) -> None:
    await review.shortlisted_round("A", "B", "C")
    await review.move_clock_to(at("2026-09-26", 9))  # a Saturday: the period starts on Monday
    published = await review.publish_notice()
    assert published.status_code == 201, published.text
    notice_id = published.json()["id"]
    await review.move_clock_to(at("2026-09-29", 15))
    objection = await review.http.post(
        f"/public/notices/{notice_id}/objections",
        data={
            "objector_type": "individual",
            "target_application_id": review.forwarded["A"].application_id,
            "grounds": "该单位实际专职人员仅1名，与申报材料不符。",
            "real_name": "张三",
            "id_number": "440106199001011235",
            "contact_phone": "13800138000",
        },
    )
    assert objection.status_code == 201, objection.text

    response = await review.http.get(f"/public/notices/{notice_id}/document")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    title = "2026年广州市民营和中小企业服务站拟认定名单公示"
    assert f"filename*=UTF-8''{quote(title)}.pdf" in response.headers["content-disposition"]
    document = printed.read(response.content, "review-notice")
    assert document.title == title
    for phrase in (
        title,
        "一、入围名单（共3家）",
        *(review.forwarded[key].entity_name for key in "ABC"),
        "天河区",
        "信息服务、融资服务",
        "本公示于2026年9月26日发布",
        "2026年9月28日至2026年10月9日（5个工作日）",
        "2026年10月9日23:59:59前",
        "单位意见需加盖公章并注明联系方式；个人意见需署实名并注明联系方式",
        "广州市工业和信息化局（异议受理）",
        "第1页共",
    ):
        assert document.has(phrase), phrase
    assert not any(document.has(personal) for personal in ("张三", "13800138000", "440106199001011235"))


async def test_the_final_list_prints_every_recognised_station_with_its_plaque_number(
    review: ReviewService, printed: DocumentReader
) -> None:
    await review.shortlisted_round("A", "B")
    await review.move_clock_to(at("2026-09-28", 9))
    assert (await review.publish_notice()).status_code == 201
    assert (await review.http.get("/public/final-lists/2026/document")).status_code == 404
    await review.move_clock_to(at("2026-10-12", 10))  # the period ended on the 9th, without objections
    final = await review.http.post("/rounds/2026/final-list", headers=review.bureau)
    assert final.status_code == 201, final.text

    response = await review.http.get("/public/final-lists/2026/document")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="final-list-2026.pdf"' in response.headers["content-disposition"]
    document = printed.read(response.content, "review-final-list")
    for phrase in (
        "2026年广州市民营和中小企业服务站最终认定名单",
        "最终认定名单（共2家）",
        "服务站有效期3年，自2026年10月12日起计算",
        "穗中小服站〔2026〕001号",
        "穗中小服站〔2026〕002号",
        review.forwarded["A"].entity_name,
        review.forwarded["B"].entity_name,
        "广州市工业和信息化局",
        "2026年10月12日",
    ):
        assert document.has(phrase), phrase


async def test_a_document_of_nothing_published_is_not_found_as_problem_json(review: ReviewService) -> None:
    for path in ("/public/notices/no-such-notice/document", "/public/final-lists/2026/document"):
        response = await review.http.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"


async def test_without_the_font_a_document_is_refused_503_naming_the_package(
    start_review: Callable[..., contextlib.AbstractAsyncContextManager[ReviewService]], tmp_path: Path
) -> None:
    async with start_review(clock_at=at("2026-09-28", 9), document_fonts_dir=str(tmp_path)) as review:
        await review.shortlisted_round("A")
        published = await review.publish_notice()
        assert published.status_code == 201, published.text

        response = await review.http.get(f"/public/notices/{published.json()['id']}/document")

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("/document-font-missing")
    assert "fonts-noto-cjk" in problem["detail"]
