"""The annual assessment and revocation in the console, in a real browser, on the real services.

Two stations are recognised on Tuesday 8 December 2026 (the services' clock): one in 天河区 that has
done nothing yet, one in 海珠区 that signed the convention and held its three promotion sessions.
The bureau, in the browser, opens the 2026 assessment with a pass mark of 45, computes it, scores the
Tianhe station's 企业满意度 by hand at 0 with its reason, computes again and publishes: the Tianhe
station is 不合格 and enters rectification, the Haizhu one is 合格. The Tianhe operator reports its
rectification through the API; the bureau reads the report and re-assesses it as still unqualified,
which makes the service propose revocation on ground 6 by itself. The bureau sees the proposal marked
系统自动提出, reads what revoking does and revokes: the public register no longer lists the station
and its operator's inbox says so. Tianhe's district officer sees the result and the revocation;
Haizhu's officer sees its own station only. The head station sees the cycle and the stations at
risk. Every screen: no serious or critical accessibility violation, screenshots at phone and
desktop width.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from playwright.async_api import Page, expect

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import choose, confirm, looks_right, open_signed_in, pick

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

TIANHE = p.Applicant(
    organisation_code="MA5K8W3P2",
    entity_name="广州市天河区珠江新城企业服务有限公司",
    district_code="440106",
    station_name="广州市民营和中小企业服务站（天河珠江新城）",
    address="广州市天河区花城大道 85 号",
    legal_representative="冯志强",
    contact_name="谭晓琳",
    contact_phone="13620005555",
    email="tanxiaolin@zjxc-service.example.cn",
)
HAIZHU = p.Applicant(
    organisation_code="MA5L2D7X9",
    entity_name="广州市海珠区工业大道企业服务有限公司",
    district_code="440105",
    station_name="广州市民营和中小企业服务站（海珠工业大道）",
    address="广州市海珠区工业大道中 300 号",
    legal_representative="梁伟文",
    contact_name="何丽君",
    contact_phone="13620006666",
    email="helijun@gydd-service.example.cn",
)
EXPERTS = {"expert-pan": "潘志远", "expert-du": "杜晓燕", "expert-qiu": "邱国梁"}
BUREAU = ("bureau-chen", "陈卫东", "bureau_admin", None)
HEAD_STATION = ("hs-liang", "梁嘉颖", "head_station_staff", None)
OFFICERS = {
    "440106": ("district-440106", "刘建平", "district_officer", "440106"),
    "440105": ("district-440105", "黄志明", "district_officer", "440105"),
}
PASS_MARK = 45


class Story:
    tianhe: p.Application
    haizhu: p.Application
    cycle_id: str
    rectification_id: str


story = Story()


def operator_of(system: System, application: p.Application) -> dict[str, str]:
    return system.operator(application.applicant.uscc, application.station_id)


async def results(system: System) -> dict[str, dict[str, Any]]:
    found = p.ok(await system.assessment.get(f"/cycles/{story.cycle_id}/results", headers=system.bureau))["items"]
    return {str(r["station_id"]): r for r in found}


# --- the set-up: two recognised stations, one of which did its duty ------------------------------


async def test_two_stations_are_recognised_and_one_does_its_duty(system: System) -> None:
    for subject, name, role, district_code in (BUREAU, HEAD_STATION, *OFFICERS.values()):
        official = {"name": name, "role": role, "email": f"{subject}@gz.gov.example.cn"}
        if district_code:
            official["district_code"] = district_code
        p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))
    story.tianhe, story.haizhu = await p.recognised_stations(system, [TIANHE, HAIZHU], EXPERTS)
    await p.sign_convention(system, story.haizhu)
    for application in (story.tianhe, story.haizhu):
        await p.known_to(system, "activities", application)
        await p.known_to(system, "assessment", application)
    today = await system.today()
    for days_before in (3, 2, 1):
        await p.record_promotion(system, story.haizhu, today - timedelta(days=days_before))

    async def counted() -> bool:
        url = f"/stations/{story.haizhu.station_id}/evidence"
        found = p.ok(await system.assessment.get(url, params={"year": today.year}, headers=system.bureau))
        return bool(found["promotion_sessions"] == 3 and found["convention_signed"])

    await system.eventually(counted, "assessment to count the Haizhu station's sessions and convention")


# --- 考核与撤销: the bureau opens, scores, computes and publishes ---------------------------------


async def test_the_bureau_opens_the_2026_assessment(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/bureau/assessment", BUREAU[1])
    await expect(page.get_by_role("heading", level=1, name="考核与撤销")).to_be_visible()
    await expect(page.get_by_test_id("no-cycle")).to_contain_text("2026 年度考核尚未开启")
    await page.get_by_label("合格分数线（分）").fill(str(PASS_MARK))
    await looks_right(page, shoot, "console-assessment-open")
    await page.get_by_role("button", name="开启考核").click()
    await confirm(page, "开启考核", f"合格分数线 {PASS_MARK} 分")
    facts = page.get_by_test_id("cycle-facts")
    await expect(facts).to_contain_text("进行中")
    await expect(facts).to_contain_text(f"{PASS_MARK} 分")

    [cycle] = p.ok(await system.assessment.get("/cycles", headers=system.bureau))["items"]
    assert (cycle["year"], cycle["pass_mark"], cycle["status"]) == (2026, PASS_MARK, "open")
    story.cycle_id = str(cycle["id"])

    await page.get_by_role("button", name="计算考核结果").click()
    await confirm(page, "计算", "人工评分")
    await expect(facts).to_contain_text("已计算，待公布")
    table = page.get_by_test_id("results-table")
    await expect(table).to_contain_text(TIANHE.station_name)
    await expect(table).to_contain_text(HAIZHU.station_name)
    await looks_right(page, shoot, "console-assessment-computed")


async def test_the_bureau_scores_the_tianhe_station_by_hand(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/bureau/assessment", BUREAU[1])
    await page.get_by_role("link", name=f"{TIANHE.station_name}：考核依据与评分").click()
    await expect(page.get_by_role("heading", level=1, name=re.compile("2026 年度考核"))).to_be_visible()
    await expect(page.get_by_test_id("station-evidence")).to_contain_text("宣讲推广")
    await expect(page.get_by_test_id("station-breakdown")).to_contain_text("企业满意度")

    await choose(page, "score-indicator", "企业满意度（5 分）")
    await page.locator("#score-score").fill("0")
    await page.get_by_label("评分理由").fill("经服务总站回访，本站辖区企业反映服务站未开放接待，满意度评价为零。")
    await looks_right(page, shoot, "console-assessment-station")
    await page.get_by_role("button", name="录入评分").click()
    await confirm(page, "录入评分", "记入审计")
    await expect(page.get_by_text("评分已录入，请重新计算考核结果")).to_be_visible()

    await page.get_by_role("link", name="返回考核").click()
    # A score entered by hand sends the cycle back to be computed before it can be published.
    await expect(page.get_by_test_id("cycle-stale")).to_be_visible()
    await expect(page.get_by_test_id("publish-form")).to_have_count(0)
    await page.get_by_role("button", name="计算考核结果").click()
    await confirm(page, "计算")
    await expect(page.get_by_test_id("publish-form")).to_be_visible()
    table = page.get_by_test_id("results-table")
    tianhe_row = table.locator("tr").filter(has_text=TIANHE.station_name)
    haizhu_row = table.locator("tr").filter(has_text=HAIZHU.station_name)
    await expect(tianhe_row).to_contain_text("不合格")
    await expect(haizhu_row).to_contain_text("合格")
    found = await results(system)
    tianhe, haizhu = found[str(story.tianhe.station_id)], found[str(story.haizhu.station_id)]
    assert tianhe["outcome"] == "unqualified", tianhe["breakdown"]
    assert haizhu["outcome"] == "qualified", haizhu["breakdown"]
    [satisfaction] = [line for line in tianhe["breakdown"] if line["code"] == "satisfaction"]
    assert (satisfaction["score"], satisfaction["computed_score"]) == (0, 5)

    await page.get_by_role("link", name=f"{TIANHE.station_name}：考核依据与评分").click()
    breakdown = page.get_by_test_id("station-breakdown")
    await expect(breakdown).to_contain_text("人工评分：经服务总站回访")
    await expect(breakdown).to_contain_text(f"总分 {tianhe['total']:g} 分（合格线 {PASS_MARK} 分）")
    await looks_right(page, shoot, "console-assessment-station-scored")


async def test_the_bureau_publishes_and_the_unqualified_station_enters_rectification(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/bureau/assessment", BUREAU[1])
    await expect(page.get_by_test_id("publish-form")).to_be_visible()
    await looks_right(page, shoot, "console-assessment-publish")
    await page.get_by_role("button", name="公布结果").click()
    await confirm(page, "公布结果", "其中 1 个服务站考核“不合格”，将进入整改")
    await expect(page.get_by_test_id("cycle-facts")).to_contain_text("已公布")
    await expect(page.get_by_role("button", name=f"{TIANHE.station_name}：结果通知书（PDF）")).to_be_visible()

    [rectification] = p.ok(await system.assessment.get("/rectifications", headers=system.bureau))["items"]
    assert (rectification["station_id"], rectification["status"]) == (story.tianhe.station_id, "ordered")
    story.rectification_id = str(rectification["id"])
    await system.inbox_message(operator_of(system, story.tianhe), "gz.sme.assessment.rectification.required.v1")
    await looks_right(page, shoot, "console-assessment-published")


# --- 整改: the report does not convince; the reassessment fails -----------------------------------


async def test_the_rectification_report_fails_its_reassessment(page: Page, system: System, shoot: Shoot) -> None:
    p.ok(
        await system.assessment.post(
            f"/rectifications/{story.rectification_id}/report",
            data={"report": "已安排专人负责接待，计划明年上半年恢复开放。"},
            headers=operator_of(system, story.tianhe),
        )
    )
    await open_signed_in(page, "/console/bureau/assessment?tab=rectifications", BUREAU[1])
    table = page.get_by_test_id("rectifications-table")
    await expect(table).to_contain_text("已提交，待复评")
    await page.get_by_role("button", name=f"复评{TIANHE.station_name}的整改").click()
    await expect(page.get_by_test_id("rectification-report")).to_contain_text("计划明年上半年恢复开放")
    await pick(page, "仍不合格")
    await page.get_by_label("复评意见").fill("整改报告只有计划，没有落实；服务站仍未开放接待，复评仍不合格。")
    await looks_right(page, shoot, "console-assessment-reassess")
    await page.get_by_role("button", name="提交复评").click()
    await confirm(page, "确认复评不合格", "第6项自动提出撤销")
    await expect(table).to_contain_text("复评仍不合格")

    async def proposed() -> list[dict[str, Any]] | None:
        url = "/revocations"
        cases = p.ok(
            await system.assessment.get(url, params={"station_id": story.tianhe.station_id}, headers=system.bureau)
        )
        return list(cases["items"]) or None

    [case] = await system.eventually(proposed, "the automatic proposal on ground 6")
    assert (case["ground"], case["origin"], case["status"]) == (6, "automatic", "open")


# --- 撤销: the automatic proposal, decided in the browser -----------------------------------------


async def test_the_bureau_revokes_on_ground_6_after_seeing_the_automatic_proposal(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/bureau/assessment?tab=revocations", BUREAU[1])
    table = page.get_by_test_id("revocations-table")
    row = table.locator("tr").filter(has_text=TIANHE.station_name)
    await expect(row).to_contain_text("系统自动提出")
    await expect(row).to_contain_text("第6项")
    await looks_right(page, shoot, "console-assessment-revocations")

    await page.get_by_role("button", name=f"决定{TIANHE.station_name}的撤销事项").click()
    facts = page.get_by_test_id("case-facts")
    await expect(facts).to_contain_text("系统自动提出")
    await expect(facts).to_contain_text("整改后年度考核结果仍为“不合格”")
    await pick(page, "撤销称号")
    await page.get_by_label("决定理由").fill(
        "该站2026年度考核不合格，整改后复评仍不合格，依据指引第四部分（三）第6项撤销服务站称号。"
    )
    await looks_right(page, shoot, "console-assessment-decide")
    await page.get_by_role("button", name="作出决定").click()
    await confirm(page, "撤销称号", "从公开的服务站名录中移除")
    await expect(row).to_contain_text("已撤销")

    async def gone() -> list[dict[str, Any]] | None:
        listed = await p.public_register(system)
        return listed if all(s["id"] != story.tianhe.station_id for s in listed) else None

    listed = await system.eventually(gone, "the public register to drop the revoked station")
    assert [s["id"] for s in listed] == [story.haizhu.station_id]
    told = await system.inbox_message(
        operator_of(system, story.tianhe), "gz.sme.assessment.revocation.station_revoked.v1"
    )
    assert "撤销" in told["body"]
    await looks_right(page, shoot, "console-assessment-revoked")


# --- the districts: each its own ------------------------------------------------------------------


async def test_tianhe_sees_the_result_and_the_revocation(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/district/assessment", OFFICERS["440106"][1])
    results_table = page.get_by_test_id("results-table")
    await expect(results_table).to_contain_text(TIANHE.station_name)
    await expect(results_table).to_contain_text("不合格")
    await expect(results_table).not_to_contain_text(HAIZHU.station_name)
    await expect(page.get_by_test_id("district-summary")).to_contain_text("不合格 1 个")
    await looks_right(page, shoot, "console-assessment-district")

    await page.get_by_role("tab", name="撤销").click()
    cases = page.get_by_test_id("revocations-table")
    await expect(cases).to_contain_text(TIANHE.station_name)
    await expect(cases).to_contain_text("已撤销")
    await expect(page.get_by_role("button", name="提出撤销")).to_have_count(0)
    await looks_right(page, shoot, "console-assessment-district-revocations")


async def test_haizhu_does_not_see_the_tianhe_station(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/district/assessment", OFFICERS["440105"][1])
    results_table = page.get_by_test_id("results-table")
    await expect(results_table).to_contain_text(HAIZHU.station_name)
    await expect(results_table).not_to_contain_text(TIANHE.station_name)
    await page.get_by_role("tab", name="撤销").click()
    await expect(page.get_by_text("没有撤销事项")).to_be_visible()
    await page.get_by_role("tab", name="整改").click()
    await expect(page.get_by_text("没有整改事项")).to_be_visible()
    await looks_right(page, shoot, "console-assessment-other-district")


# --- the head station: the cycle and the stations at risk ----------------------------------------


async def test_the_head_station_reads_the_cycle_and_the_stations_at_risk(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/head-station/assessment", HEAD_STATION[1])
    await expect(page.get_by_test_id("cycle-facts")).to_contain_text("已公布")
    await expect(page.get_by_role("button", name="公布结果")).to_have_count(0)
    await looks_right(page, shoot, "console-assessment-head-station")
    await page.get_by_role("tab", name="风险预警").click()
    await expect(page.get_by_test_id("risk-table").or_(page.get_by_text("没有需要预警的服务站"))).to_be_visible()
    await looks_right(page, shoot, "console-assessment-head-station-risk")
