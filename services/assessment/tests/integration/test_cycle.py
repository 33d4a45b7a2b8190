"""A cycle computed for several stations from their evidence, with manual scores, published to the
stations and their districts — and to no one else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sme_contracts.assessment import AssessmentCycleOpened, AssessmentResultPublished, RectificationRequired

from .conftest import TIANHE, YUEXIU, Others, Service

pytestmark = pytest.mark.integration


async def strong_station(others: Others, station_id: str, district: str = TIANHE) -> None:
    """Evidence that earns a station far more than the pass mark."""
    await others.promotions(station_id, 3, 2026, district)
    await others.demand_reports(station_id, 2026, [1, 2, 3, 4], district)
    await others.activity(f"{station_id}-a1", station_id, [], date(2026, 4, 1), attendance=60)
    await others.activity(f"{station_id}-a2", station_id, [], date(2026, 6, 1), attendance=60)


async def test_a_cycle_gives_every_active_station_a_total_and_outcome_with_its_breakdown(
    service: Service, others: Others
) -> None:
    for station_id, district in (("st-a", TIANHE), ("st-b", TIANHE), ("st-c", YUEXIU)):
        await others.register(station_id, district)
    await others.register("st-new", TIANHE, valid_from=date(2027, 1, 5))  # recognised after the year
    await strong_station(others, "st-a")
    await strong_station(others, "st-c", YUEXIU)
    await others.promotions("st-b", 2, 2026)  # below the duty, and little else
    await service.wait_until_consumed(others.sent)

    cycle = await service.open_cycle(2026)
    assert (cycle["id"], cycle["status"], cycle["pass_mark"]) == ("cy-2026", "open", 60)
    assert sum(i["weight"] for i in cycle["indicators"]) == 100
    await service.ok("POST", "/cycles", service.bureau, 409, json={"year": 2026})

    results = await service.compute("cy-2026")
    assert set(results) == {"st-a", "st-b", "st-c"}  # st-new served none of 2026
    a, b = results["st-a"], results["st-b"]
    assert (a["outcome"], b["outcome"]) == ("qualified", "unqualified")
    assert a["total"] == sum(line["score"] for line in a["breakdown"])
    promotion = next(line for line in b["breakdown"] if line["code"] == "promotion_sessions")
    assert (promotion["score"], promotion["measured"]) == (0, "宣讲 2 次（不少于 3 次）")
    assert not a["published"]

    # Before publication only the bureau and head station see results.
    assert (await service.ok("GET", "/cycles/cy-2026/results", service.district(TIANHE)))["items"] == []
    await service.ok("GET", "/cycles/cy-2026/results/st-b", service.operator("st-b"), 404)

    # The head station corrects an indicator by hand, with a reason: audited, and computed again.
    await service.ok(
        "PUT",
        "/cycles/cy-2026/stations/st-a/manual-scores/convention_signed",
        service.head,
        json={"score": 5, "reason": "服务公约纸质签署件已核验"},
    )
    await service.ok(
        "PUT",
        "/cycles/cy-2026/stations/st-a/manual-scores/convention_signed",
        service.head,
        422,
        json={"score": 6, "reason": "超过权重"},
    )
    await service.ok("POST", "/cycles/cy-2026/publish", service.bureau, 409, json={})  # must compute again first
    results = await service.compute("cy-2026")
    line = next(line for line in results["st-a"]["breakdown"] if line["code"] == "convention_signed")
    assert (line["score"], line["computed_score"], line["manual_reason"]) == (5, 0, "服务公约纸质签署件已核验")
    audit = await service.ok("GET", "/audit", service.bureau, params={"target_type": "cycle", "target_id": "cy-2026"})
    manual = next(entry for entry in audit if entry["action"] == "manual_score")
    assert (manual["actor"], manual["reason"], manual["details"]["score"]) == (
        "head-chen",
        "服务公约纸质签署件已核验",
        5,
    )

    due = service.today() + timedelta(days=45)
    await service.ok("POST", "/cycles/cy-2026/publish", service.head, 403, json={})
    published = await service.publish("cy-2026", due)
    assert all(r["published"] for r in published.values())
    assert published["st-b"]["rectification_status"] == "ordered"
    await service.ok("POST", "/cycles/cy-2026/compute", service.bureau, 409)
    await service.ok(
        "PUT",
        "/cycles/cy-2026/stations/st-a/manual-scores/convention_signed",
        service.bureau,
        409,
        json={"score": 4, "reason": "公布后不能再改"},
    )

    # Each station sees its own result; a district its own district's; nobody another's.
    own = await service.ok("GET", "/cycles/cy-2026/results/st-b", service.operator("st-b"))
    assert (own["outcome"], own["final_outcome"]) == ("unqualified", None)
    await service.ok("GET", "/cycles/cy-2026/results/st-a", service.operator("st-b"), 404)
    own_list = await service.ok("GET", "/cycles/cy-2026/results", service.operator("st-b"))
    assert [r["station_id"] for r in own_list["items"]] == ["st-b"]
    tianhe = await service.ok("GET", "/cycles/cy-2026/results", service.district(TIANHE))
    assert {r["station_id"] for r in tianhe["items"]} == {"st-a", "st-b"}
    first = await service.ok("GET", "/cycles/cy-2026/results", service.bureau, params={"limit": 2})
    rest = await service.ok("GET", "/cycles/cy-2026/results", service.bureau, params={"limit": 2, "offset": 2})
    assert (first["total"], first["limit"], first["offset"]) == (3, 2, 0)
    assert [r["station_id"] for r in first["items"] + rest["items"]] == ["st-a", "st-b", "st-c"]
    await service.ok("GET", "/cycles/cy-2026/results", service.bureau, 422, params={"limit": 201})
    await service.ok("GET", "/cycles/cy-2026/results/st-c", service.district(TIANHE), 404)
    yuexiu = await service.ok(
        "GET", "/cycles/cy-2026/results", service.district(YUEXIU), params={"district_code": TIANHE}
    )
    assert [r["station_id"] for r in yuexiu["items"]] == ["st-c"]  # asking for another district gives its own
    history = await service.ok("GET", "/stations/st-c/results", service.district(YUEXIU))
    assert [r["year"] for r in history["items"]] == [2026]
    await service.ok("GET", "/stations/st-c/results", service.district(TIANHE), 404)
    await service.ok("GET", "/cycles/cy-2026/results", service.auth("expert", subject="expert-1"), 403)

    opened = await service.reader("gz.sme.assessment.cycle").wait_for(AssessmentCycleOpened)
    assert opened[0].indicators[3].code == "promotion_sessions"
    told = await service.reader("gz.sme.assessment.result").wait_for(AssessmentResultPublished, count=3)
    by_station = {e.station_id: e for e in told}
    assert (by_station["st-b"].outcome, by_station["st-b"].rectification_due_on) == ("unqualified", due)
    assert (by_station["st-a"].outcome, by_station["st-a"].rectification_due_on) == ("qualified", None)
    ordered = await service.reader("gz.sme.assessment.rectification").wait_for(RectificationRequired)
    assert [(e.station_id, e.due_on) for e in ordered] == [("st-b", due)]


async def test_results_by_district_and_stations_at_risk_for_the_bureau(service: Service, others: Others) -> None:
    await others.register("st-a", TIANHE)
    await others.register("st-b", TIANHE)
    await others.register("st-c", YUEXIU)
    await strong_station(others, "st-a")
    await strong_station(others, "st-c", YUEXIU)
    await service.wait_until_consumed(others.sent)
    await service.open_cycle(2026)
    await service.ok(
        "POST",
        "/cycles/cy-2026/non-participation",
        service.bureau,
        201,
        json={"station_id": "st-c", "excused": True, "reason": "办公场所因台风受损，经核实同意免于本年度考核"},
    )
    await service.compute("cy-2026")
    await service.publish("cy-2026")

    lines = await service.ok("GET", "/reports/results-by-district", service.bureau, params={"year": 2026})
    by_code = {line["district_code"]: line for line in lines}
    assert (
        by_code[TIANHE] | {"assessed": 2, "qualified": 1, "unqualified": 1, "rectifications_pending": 1}
        == by_code[TIANHE]
    )
    assert (by_code[YUEXIU]["assessed"], by_code[YUEXIU]["exempted"], by_code[YUEXIU]["district_name"]) == (
        0,
        1,
        "越秀区",
    )
    own = await service.ok("GET", "/reports/results-by-district", service.district(YUEXIU), params={"year": 2026})
    assert [line["district_code"] for line in own] == [YUEXIU]

    risky = await service.ok("GET", "/reports/stations-at-risk", service.bureau, params={"year": 2026})
    by_station = {line["station_id"]: line for line in risky}
    assert set(by_station) == {"st-b"}
    assert by_station["st-b"]["reasons"] == ["promotion_below_duty", "rectification_pending"]
    assert by_station["st-b"]["reasons_text"][0] == "本年度宣讲不足3次"
    assert await service.ok("GET", "/reports/stations-at-risk", service.district(YUEXIU), params={"year": 2026}) == []
    await service.ok("GET", "/reports/stations-at-risk", service.operator("st-b"), 403, params={"year": 2026})


async def test_the_bureau_weighs_its_own_indicators_including_one_scored_by_hand(
    service: Service, others: Others
) -> None:
    await others.register("st-a")
    await service.wait_for_stations("st-a")
    wrong = await service.http.post(
        "/cycles",
        headers=service.bureau,
        json={"year": 2026, "pass_mark": 0, "indicators": [{"code": "promotion_sessions", "weight": 50}]},
    )
    assert wrong.status_code == 422
    assert sorted(error["field"] for error in wrong.json()["errors"]) == ["indicators", "pass_mark"]

    indicators = [
        {"code": "promotion_sessions", "weight": 40},
        {"code": "convention_signed", "weight": 20},
        {"code": "service_quality", "weight": 40, "name": "服务质量综合评价", "manual": True},
    ]
    cycle = await service.open_cycle(2026, indicators=indicators, pass_mark=50)
    assert [(i["code"], i["manual"]) for i in cycle["indicators"]] == [
        ("promotion_sessions", False),
        ("convention_signed", False),
        ("service_quality", True),
    ]
    unscored = (await service.compute("cy-2026"))["st-a"]
    assert (unscored["total"], unscored["outcome"]) == (0, "unqualified")
    await service.ok(
        "PUT",
        "/cycles/cy-2026/stations/st-a/manual-scores/service_quality",
        service.bureau,
        json={"score": 36, "reason": "区级主管部门实地评价优良"},
    )
    changed = await service.ok(
        "PUT", "/cycles/cy-2026/settings", service.bureau, json={"reason": "调整合格线", "pass_mark": 35}
    )
    assert (changed["status"], changed["pass_mark"]) == ("open", 35)
    scored = (await service.compute("cy-2026"))["st-a"]
    assert (scored["total"], scored["outcome"]) == (36, "qualified")
