"""A station's annual assessment result as a printable PDF: same access as the result, only once published."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import quote

import pytest

from sme_kit.testing.documents import DocumentReader

from .conftest import TIANHE, YUEXIU, Others, Service

pytestmark = pytest.mark.integration


async def test_the_result_prints_each_indicator_the_total_the_outcome_and_what_rectification_requires(
    service: Service, others: Others, printed: DocumentReader
) -> None:
    for station_id in ("st-a", "st-b"):
        await others.register(station_id, TIANHE)
    await others.promotions("st-a", 3, 2026)
    await others.demand_reports("st-a", 2026, [1, 2, 3, 4])
    await others.activity("st-a-a1", "st-a", [], date(2026, 4, 1), attendance=60)
    await others.activity("st-a-a2", "st-a", [], date(2026, 6, 1), attendance=60)
    await others.promotions("st-b", 2, 2026)  # below the duty, and little else
    await service.wait_until_consumed(others.sent)
    await service.open_cycle(2026)
    await service.ok(
        "PUT",
        "/cycles/cy-2026/stations/st-a/manual-scores/convention_signed",
        service.head,
        json={"score": 5, "reason": "服务公约纸质签署件已核验"},
    )
    computed = await service.compute("cy-2026")
    a, b = computed["st-a"], computed["st-b"]
    assert (a["outcome"], b["outcome"]) == ("qualified", "unqualified")

    # Before publication: refused to the bureau, and not there at all for the station.
    early = await service.http.get("/cycles/cy-2026/results/st-a/document", headers=service.bureau)
    assert (early.status_code, early.headers["content-type"]) == (409, "application/problem+json")
    assert "尚未公布" in early.json()["detail"]
    await service.ok("GET", "/cycles/cy-2026/results/st-a/document", service.operator("st-a"), 404)

    due = service.today() + timedelta(days=45)
    await service.publish("cy-2026", due)
    response = await service.http.get("/cycles/cy-2026/results/st-a/document", headers=service.operator("st-a"))

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    name = f"广州市民营和中小企业服务站（st-a）{2026}年度考核结果.pdf"
    assert f"filename*=UTF-8''{quote(name)}" in response.headers["content-disposition"]
    qualified = printed.read(response.content, "assessment-result-qualified")
    for phrase in (
        "广州市民营和中小企业服务站2026年度考核结果通知书",
        "广州市民营和中小企业服务站（st-a）：",
        "天河区",
        f"{a['total']:g}分（满分100分，合格分数线60分）",
        "考核结论合格",
        "宣讲推广（每年不少于3次）",
        "宣讲 3 次（不少于 3 次）",
        "人工评分：服务公约纸质签署件已核验（系统计算得分0分）",
        f"合计100{a['total']:g}",
        "考核结论为“合格”",
    ):
        assert qualified.has(phrase), phrase
    assert not qualified.has("整改要求")

    response = await service.http.get("/cycles/cy-2026/results/st-b/document", headers=service.district(TIANHE))

    assert response.status_code == 200, response.text
    unqualified = printed.read(response.content, "assessment-result-unqualified")
    for phrase in (
        "考核结论不合格",
        "未完成每年不少于三次的宣讲任务",
        "三、整改要求",
        f"请你站于{due.year}年{due.month}月{due.day}日前完成整改",
        "整改后年度考核结果仍为“不合格”的，撤销服务站称号",
    ):
        assert unqualified.has(phrase), phrase
    assert not unqualified.has("promotion duty not met")  # the English gloss of the API stays out


async def test_the_result_document_is_for_those_who_may_read_the_result(service: Service, others: Others) -> None:
    await others.register("st-a", TIANHE)
    await others.register("st-c", YUEXIU)
    await service.wait_until_consumed(others.sent)
    await service.open_cycle(2026)
    await service.compute("cy-2026")
    await service.publish("cy-2026", service.today() + timedelta(days=45))
    path = "/cycles/cy-2026/results/st-a/document"

    for allowed in (service.bureau, service.head, service.district(TIANHE), service.operator("st-a")):
        response = await service.http.get(path, headers=allowed)
        assert (response.status_code, response.headers["content-type"]) == (200, "application/pdf")
    for refused in (service.district(YUEXIU), service.operator("st-c")):
        response = await service.http.get(path, headers=refused)
        assert (response.status_code, response.headers["content-type"]) == (404, "application/problem+json")
    assert (await service.http.get(path)).status_code == 401
    await service.ok("GET", "/cycles/cy-2026/results/st-unknown/document", service.bureau, 404)
    await service.ok("GET", "/cycles/cy-2025/results/st-a/document", service.bureau, 404)
