"""The bureau's console in a real browser, on the real services (市工业和信息化局).

The services' clocks start on Monday 28 December 2026: a notice published that day needs 2027's
working days, which no service knows yet. Three applications of the 2026 round are reviewed and the
head station submits its recommendations (two recommended, one not). The bureau opens next year's
round and moves this year's forwarding deadline, fixes the shortlist in its own order, and opens the
notice dialog: the period is refused for 2027, with the way to the calendar page, where the bureau
loads 2027's schedule on all five services. The dialog then shows the period, which is the one the
review service stores on publishing. An organisation objects; the bureau reads who objected (the
reading is audited), downloads the sealed objection, reads what upholding does to the applicant and
upholds it, and finds every step in the objection's audit trail. The head station reads the
objection's target and outcome, never who filed it or what they wrote (its page and the service's
answer agree). The final list is refused while the period runs; once it is over the bureau publishes
it and sees the plaque number, the list, the register and the station's history.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect

from .. import programme as p
from ..system import System, SystemSettings, at
from .conftest import Shoot, serious_violations
from .console import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

SYSTEM = SystemSettings(clock_start=at("2026-12-28", 9))  # a Monday; the 5th working day falls in 2027
YEAR = 2026
BUREAU = ("bureau-chen", "陈卫东")
HEAD_STATION = ("hs-liang", "梁嘉颖")
EXPERTS = {"expert-zhou": "周立新", "expert-tang": "唐文华", "expert-wei": "魏思远"}
SERVICES = ("registry", "review", "activities", "assessment", "notifications")


HAIZHU = p.applicant(
    "MA5J7QW21", "广州市海珠区琶洲企业服务有限公司", "440105", "琶洲", "广州市海珠区阅江中路 88 号", "邓永辉"
)
HUANGPU = p.applicant(
    "MA5K2XT64", "广州市黄埔区科学城产业服务中心有限公司", "440112", "科学城", "广州市黄埔区科学大道 60 号", "骆建华"
)
LIWAN = p.applicant(
    "MA5L9CU37", "广州市荔湾区西关商贸服务有限公司", "440103", "西关", "广州市荔湾区恩宁路 30 号", "谭志明"
)
GROUNDS = "该单位实际专职服务人员仅 1 名，与申报材料中的 2 名专职人员不符，请予核查。"
FINDINGS = "经调取该单位社保缴纳记录并实地核查，专职服务人员仅 1 名，与申报材料不符，异议成立。"
SCHEDULE_2027 = {
    "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", *(f"2027-02-{day:02d}" for day in range(5, 12))],
    "workdays": ["2027-02-20"],
    "source": "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
}


@dataclass
class Story:
    applications: dict[str, p.Application] = field(default_factory=dict)
    notice: dict[str, Any] = field(default_factory=dict)
    previewed_period: str = ""
    objection_id: str = ""


story = Story()


async def open_as_bureau(page: Page, path: str) -> None:
    await page.goto(path)
    await sign_in(page, BUREAU[1])


async def snap(page: Page, shoot: Shoot, name: str) -> None:
    """The screen, checked with axe and shot from the top: a full-page shot of a page scrolled down
    draws the fixed header (and an open dialog's backdrop) where the scroll left them."""
    assert await serious_violations(page) == []
    await page.evaluate("window.scrollTo(0, 0)")
    await shoot(page, name)


async def is_pdf(page: Page, link: Locator) -> bool:
    """The document a link offers is a PDF the gateway serves."""
    href = await link.get_attribute("href")
    assert href is not None
    answer = await page.request.get(href)
    return (
        answer.ok
        and answer.headers["content-type"].startswith("application/pdf")
        and (await answer.body())[:5] == b"%PDF-"
    )


async def confirm(page: Page, button: str) -> None:
    """The confirmation box's button named for the action."""
    await page.get_by_role("button", name=button, exact=True).click()


def rows(table: Locator) -> Locator:
    return table.locator(".el-table__body tbody tr")


async def test_three_applications_are_reviewed_and_the_head_station_submits_them(system: System) -> None:
    subject, name = BUREAU
    official = {"name": name, "role": "bureau_admin", "email": f"{subject}@gz.gov.example.cn"}
    p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))

    await p.open_round(system, YEAR, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    for who in (HAIZHU, HUANGPU, LIWAN):
        await p.set_contact(system, who)
        application = await p.submit_application(system, who)
        await p.forward(system, application)
        story.applications[who.entity_name] = application
    await p.register_experts(system, EXPERTS)
    marks = {HAIZHU.entity_name: 86, HUANGPU.entity_name: 91, LIWAN.entity_name: 62}
    for entity_name, application in story.applications.items():
        await p.case_opened(system, application)
        await p.expert_review(system, YEAR, application, list(EXPERTS), mark=marks[entity_name])
        await p.recommend(system, application, "not_recommend" if application.applicant is LIWAN else "recommend")
    await p.submit_round(system, YEAR)

    summary = p.ok(await system.review.get(f"/rounds/{YEAR}", headers=system.bureau))
    assert summary["status"] == "submitted"


async def test_the_bureau_opens_next_year_s_round_and_moves_this_year_s_deadline(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_as_bureau(page, "/console/bureau/decisions?tab=rounds")
    await expect(page.get_by_role("heading", level=1, name="审定与公示")).to_be_visible()
    table = page.get_by_test_id("rounds-table")
    await expect(rows(table)).to_have_count(1)
    await expect(rows(table).first).to_contain_text("受理中")
    await expect(rows(table).first).to_contain_text("服务总站已报送推荐意见")

    await page.get_by_role("button", name="设立年度批次").click()
    dialog = page.get_by_role("dialog", name="设立年度申请批次")
    await expect(dialog.get_by_label("年度")).to_have_value("2027")
    await dialog.get_by_label("受理开始日期").fill("2027-03-01")
    await dialog.get_by_label("受理截止日期").fill("2027-02-28")
    await dialog.get_by_label("区级初审上报截止日期").fill("2027-04-15")
    await dialog.get_by_role("heading", name="设立年度申请批次").click()  # closes the date picker
    await dialog.get_by_role("button", name="设立批次").click()
    await expect(dialog.get_by_test_id("error-summary")).to_contain_text("受理截止日期不能早于开始日期")
    await snap(page, shoot, "bureau-round-open-refused")

    await dialog.get_by_label("受理截止日期").fill("2027-03-31")
    await dialog.get_by_role("heading", name="设立年度申请批次").click()
    await dialog.get_by_role("button", name="设立批次").click()
    await expect(page.get_by_text("申请单位可在 2027年3月1日 至 2027年3月31日 向注册地所在区提交申请")).to_be_visible()
    await confirm(page, "确认设立")
    await expect(rows(table)).to_have_count(2)
    await expect(rows(table).first).to_contain_text("未开始受理")
    opened = p.ok(await system.registry.get("/rounds/2027"))
    assert (opened["window_opens_on"], opened["window_closes_on"]) == ("2027-03-01", "2027-03-31")

    await page.get_by_role("button", name=f"调整{YEAR}年度批次日期").click()
    dialog = page.get_by_role("dialog", name=f"调整{YEAR}年度批次日期")
    await dialog.get_by_label("区级初审上报截止日期").fill("2027-01-08")
    await dialog.get_by_role("heading", name=f"调整{YEAR}年度批次日期").click()
    await dialog.get_by_role("button", name="保存调整").click()
    await expect(dialog.get_by_test_id("error-summary")).to_contain_text("请填写调整原因")
    await dialog.get_by_label("调整原因").fill("元旦假期顺延区级初审上报时间")
    await dialog.get_by_role("button", name="保存调整").click()
    await expect(page.get_by_text("区级初审上报截止日期：2026年12月31日 → 2027年1月8日")).to_be_visible()
    await confirm(page, "确认调整")
    await expect(rows(table).nth(1)).to_contain_text("2027年1月8日")
    moved = p.ok(await system.registry.get(f"/rounds/{YEAR}"))
    assert moved["forwarding_deadline"] == "2027-01-08"
    await snap(page, shoot, "bureau-rounds")


async def test_the_bureau_fixes_the_shortlist_in_its_own_order(page: Page, shoot: Shoot, system: System) -> None:
    await open_as_bureau(page, f"/console/bureau/decisions?tab=shortlist&year={YEAR}")
    table = page.get_by_test_id("shortlist-table")
    await expect(rows(table)).to_have_count(3)
    # Highest score first; the application the head station did not recommend cannot be ticked.
    await expect(rows(table).nth(0)).to_contain_text(HUANGPU.entity_name)
    await expect(rows(table).nth(1)).to_contain_text(HAIZHU.entity_name)
    await expect(rows(table).nth(2)).to_contain_text("未推荐，不能入围")
    await expect(rows(table).nth(0)).to_contain_text("专家评审意见一致，服务能力突出")
    await expect(page.get_by_role("checkbox", name=f"将“{HUANGPU.entity_name}”列入入围名单")).to_be_checked()

    await page.get_by_role("button", name=f"上移“{HAIZHU.entity_name}”").click()
    await expect(rows(table).nth(0)).to_contain_text(HAIZHU.entity_name)
    await page.get_by_role("button", name="核定入围名单").click()
    await expect(page.get_by_text("将按所列顺序核定入围名单共 2 家。")).to_be_visible()
    await confirm(page, "确认核定")
    await expect(page.get_by_test_id("round-status")).to_contain_text("入围名单已核定")
    await expect(page.get_by_role("button", name="发布公示")).to_be_visible()

    shortlisted = p.ok(
        await system.review.get("/cases", params={"round_year": YEAR, "status": "shortlisted"}, headers=system.bureau)
    )
    ranks = {}
    for item in shortlisted["items"]:
        case = p.ok(await system.review.get(f"/cases/{item['id']}", headers=system.bureau))
        ranks[item["entity_name"]] = case["review"]["shortlist_rank"]
    assert ranks == {HAIZHU.entity_name: 1, HUANGPU.entity_name: 2}
    await snap(page, shoot, "bureau-shortlist")


async def test_a_period_reaching_into_an_unknown_year_is_refused_with_the_way_to_the_calendar(
    page: Page, shoot: Shoot
) -> None:
    await open_as_bureau(page, f"/console/bureau/decisions?tab=shortlist&year={YEAR}")
    await page.get_by_role("button", name="发布公示").click()
    dialog = page.get_by_role("dialog", name=f"发布{YEAR}年度拟认定名单公示")
    refusal = dialog.get_by_test_id("notice-refusal")
    await expect(refusal).to_contain_text("2027年的法定节假日和调休安排尚未载入")
    await expect(dialog.get_by_role("button", name="确认发布公示")).to_be_disabled()
    await snap(page, shoot, "bureau-notice-refused")

    await dialog.get_by_role("link", name="前往工作日历载入2027年节假日安排").click()
    await expect(page).to_have_url(re.compile(r"/console/bureau/calendar\?year=2027$"))
    await expect(page.get_by_role("heading", level=1, name="工作日历")).to_be_visible()


async def test_the_bureau_loads_2027_on_every_service(page: Page, shoot: Shoot, system: System) -> None:
    await open_as_bureau(page, "/console/bureau/calendar?year=2027")
    years = page.get_by_test_id("calendar-years")
    row_2027 = rows(years).filter(has_text="2027")
    await expect(row_2027.locator('[data-known="no"]')).to_have_count(len(SERVICES))
    await expect(rows(years).filter(has_text="2026").locator('[data-known="yes"]')).to_have_count(len(SERVICES))
    await snap(page, shoot, "bureau-calendar")

    await expect(page.get_by_label("年度", exact=True)).to_have_value("2027")
    await page.get_by_label("依据文件").fill("国务院办公厅关于2027年部分节假日安排的通知")
    await page.get_by_label("放假日期").fill("2027-01-01\n2026-12-31")
    await page.get_by_label("调休上班日期（选填）").fill("2027-02-22")
    await page.get_by_role("button", name="载入到全部服务").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary).to_contain_text("不在2027年内：2026-12-31")
    await expect(summary).to_contain_text("调休上班日期须为周六或周日：2027-02-22")
    await snap(page, shoot, "bureau-calendar-refused")

    await page.get_by_text("粘贴 JSON（选填）").click()
    await page.get_by_label("节假日安排 JSON").fill(json.dumps({"2027": SCHEDULE_2027}, ensure_ascii=False))
    await page.get_by_role("button", name="解析并填入表单").click()
    await expect(page.get_by_test_id("schedule-summary")).to_have_text("放假 10 天（其中工作日 6 天），调休上班 1 天")
    await page.get_by_role("button", name="载入到全部服务").click()
    await expect(page.get_by_text("将在申请与名录服务、评审与公示服务")).to_be_visible()
    await confirm(page, "确认载入")
    await expect(page.get_by_test_id("schedule-results").locator("li")).to_have_count(len(SERVICES))
    await expect(page.get_by_test_id("schedule-results")).not_to_contain_text("未载入")
    await expect(row_2027.locator('[data-known="yes"]')).to_have_count(len(SERVICES))
    await expect(row_2027).to_contain_text(SCHEDULE_2027["source"])
    for service in SERVICES:
        known = p.ok(await system.clients[service].get("/calendar/2027", headers=system.bureau))
        assert (known["known"], known["source"]) == (True, SCHEDULE_2027["source"]), service
    await snap(page, shoot, "bureau-calendar-loaded")


async def test_the_notice_dialog_shows_the_period_the_review_service_then_stores(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_as_bureau(page, f"/console/bureau/decisions?tab=shortlist&year={YEAR}")
    await page.get_by_role("button", name="发布公示").click()
    dialog = page.get_by_role("dialog", name=f"发布{YEAR}年度拟认定名单公示")
    period = dialog.get_by_test_id("notice-preview-period")
    # 28–31 December, then 1–3 January are off in the loaded schedule: Monday 4 January is the 5th working day.
    await expect(period).to_have_text("2026年12月28日（星期一） 至 2027年1月4日（星期一）（共 5 个工作日）")
    await expect(dialog.get_by_test_id("notice-preview-deadline")).to_have_text(
        "2027年1月4日（星期一）23:59:59（北京时间）"
    )
    await expect(dialog.locator("ol li").first).to_contain_text(HAIZHU.entity_name)
    story.previewed_period = await period.inner_text()
    await snap(page, shoot, "bureau-notice-preview")

    await dialog.get_by_role("button", name="确认发布公示").click()
    await expect(page.get_by_test_id("notice-published")).to_be_visible()
    await expect(page.get_by_test_id("notice-period")).to_have_text(story.previewed_period)
    assert await is_pdf(page, page.get_by_role("link", name="下载公示文件（PDF）"))

    summary = p.ok(await system.review.get(f"/rounds/{YEAR}", headers=system.bureau))
    story.notice = p.ok(await system.review.get(f"/public/notices/{summary['notice_id']}"))
    assert (story.notice["published_on"], story.notice["period_start"], story.notice["period_end"]) == (
        "2026-12-28",
        "2026-12-28",
        "2027-01-04",
    )
    assert [e["entity_name"] for e in story.notice["entries"]] == [HAIZHU.entity_name, HUANGPU.entity_name]
    await snap(page, shoot, "bureau-notice-published")


async def test_an_objection_is_listed_without_its_objector(page: Page, shoot: Shoot, system: System) -> None:
    await system.move_clocks_to(at("2026-12-30", 10))
    target = story.applications[HUANGPU.entity_name]
    story.objection_id = await p.object_as_organisation(system, str(story.notice["id"]), target, GROUNDS)

    await open_as_bureau(page, f"/console/bureau/decisions?tab=objections&year={YEAR}")
    table = page.get_by_test_id("objections-table")
    await expect(rows(table)).to_have_count(1)
    await expect(rows(table).first).to_contain_text(HUANGPU.entity_name)
    await expect(rows(table).first).to_contain_text("已受理，调查核实中")
    assert "广州市某行业商会" not in await page.locator("main").inner_text()
    await snap(page, shoot, "bureau-objections")


async def test_the_bureau_reads_who_objected_and_upholds_it_after_reading_the_consequences(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_as_bureau(page, f"/console/bureau/decisions?tab=objections&year={YEAR}")
    await page.get_by_role("link", name=f"查看并处理：对“{HUANGPU.entity_name}”的异议").click()
    await expect(page.get_by_role("heading", level=1, name="异议调查核实")).to_be_visible()
    await expect(page.get_by_text("您本次查看已记入审计日志")).to_be_visible()
    await expect(page.get_by_test_id("objection-target")).to_have_text(HUANGPU.entity_name)
    await expect(page.get_by_test_id("objection-grounds")).to_have_text(GROUNDS)
    objector = page.get_by_test_id("objector")
    await expect(objector).to_contain_text("广州市某行业商会")
    await expect(objector).to_contain_text("020-83331234")
    audit = p.ok(
        await system.review.get(
            "/audit", params={"target_type": "objection", "target_id": story.objection_id}, headers=system.bureau
        )
    )
    entries = audit["items"] if isinstance(audit, dict) else audit
    assert any(e["action"] == "read_objector" and e["actor"] == BUREAU[0] for e in entries), entries

    async with page.expect_download() as started:
        await page.get_by_role("button", name="下载加盖公章的书面异议").click()
    download = await started.value
    assert download.suggested_filename == "书面异议（盖章）.png"

    await page.get_by_text("异议成立", exact=True).click()
    await expect(page.get_by_role("radio", name="异议成立")).to_be_checked()
    consequences = page.get_by_test_id("resolution-consequences")
    await expect(consequences).to_contain_text(
        f"“{HUANGPU.entity_name}”将不列入{YEAR}年度服务站最终认定名单，不予认定，不发放牌匾。"
    )
    await expect(consequences).to_contain_text("并附本次填写的调查核实情况")
    await page.get_by_role("button", name="提交处理结论").click()
    await expect(page.get_by_test_id("error-summary")).to_contain_text("请填写调查核实情况")
    await page.get_by_label("调查核实情况").fill(FINDINGS)
    await snap(page, shoot, "bureau-objection")

    await page.get_by_role("button", name="提交处理结论").click()
    box = page.get_by_role("dialog", name="确认“异议成立”？")
    await expect(box).to_contain_text("不予认定，不发放牌匾")
    await snap(page, shoot, "bureau-objection-confirm")
    await confirm(page, "确认异议成立")
    await expect(page.get_by_test_id("resolution")).to_contain_text("异议成立")
    await expect(page.get_by_test_id("resolution")).to_contain_text(FINDINGS)

    resolved = p.ok(await system.review.get(f"/objections/{story.objection_id}", headers=system.head_station))
    assert (resolved["status"], resolved["outcome"], resolved["findings"]) == ("resolved", "upheld", FINDINGS)


async def test_the_objection_s_audit_trail_says_who_read_the_objector_and_who_decided(page: Page, shoot: Shoot) -> None:
    await open_as_bureau(page, f"/console/bureau/decisions/objections/{story.objection_id}")
    await page.get_by_role("link", name="操作记录：异议调查核实").click()
    await expect(page.get_by_role("heading", level=1, name="操作记录")).to_be_visible()
    await expect(page).to_have_url(re.compile(rf"/console/bureau/audit\?id={story.objection_id}&type=objection$"))
    trail = page.get_by_role("region", name=f"对象 {story.objection_id} 的操作记录（最新的在前）")
    lines = trail.locator(".el-table__body tbody tr")
    # Newest first: opening the objection just now read who objected again; before it, the decision,
    # the earlier readings and the sealed scan, and first of all the objection filed.
    await expect(lines.first).to_contain_text("查阅异议人身份")
    await expect(lines.first).to_contain_text(BUREAU[0])
    await expect(lines.first).to_contain_text("市工业和信息化局")
    decision = lines.filter(has_text="作出异议处理决定")
    await expect(decision).to_have_count(1)
    await expect(decision).to_contain_text(BUREAU[0])
    await expect(lines.filter(has_text="查阅加盖公章的异议材料")).to_have_count(1)
    await expect(lines.last).to_contain_text("收到异议")
    await expect(lines.filter(has_text="评审与公示")).to_have_count(await lines.count())
    await snap(page, shoot, "bureau-audit-objection")

    # A wrong address: nothing recorded, and the page says so.
    await page.get_by_label("对象编号").fill("00000000-0000-4000-8000-000000000000")
    await page.get_by_role("button", name="查询").click()
    await expect(page.get_by_text("该对象没有操作记录。请核对编号。")).to_be_visible()


async def test_the_head_station_reads_the_objection_but_never_who_filed_it(
    page: Page, shoot: Shoot, system: System
) -> None:
    subject, name = HEAD_STATION
    official = {"name": name, "role": "head_station_staff", "email": f"{subject}@gz.gov.example.cn"}
    p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))

    await page.goto(f"/console/head-station/notices?year={YEAR}")
    await sign_in(page, name)
    notices = page.get_by_test_id("notices-table")
    await expect(rows(notices)).to_have_count(1)
    await expect(rows(notices).first).to_contain_text("2026年12月28日 至 2027年1月4日")
    objections = page.get_by_test_id("objections-table")
    await expect(rows(objections)).to_have_count(1)
    await expect(rows(objections).first).to_contain_text(HUANGPU.entity_name)
    await expect(page.get_by_text("异议人的身份、联系方式和书面异议内容仅市工业和信息化局可查阅")).to_be_visible()
    await snap(page, shoot, "head-station-notices")

    await page.get_by_role("link", name=f"查看：对“{HUANGPU.entity_name}”的异议").click()
    await expect(page.get_by_test_id("objection-target")).to_have_text(HUANGPU.entity_name)
    await expect(page.get_by_text(FINDINGS)).to_be_visible()
    await expect(page.get_by_test_id("objector-withheld")).to_be_visible()
    for withheld in ("广州市某行业商会", "020-83331234", GROUNDS):
        await expect(page.get_by_text(withheld)).to_have_count(0)
    await snap(page, shoot, "head-station-objection")

    # The page and the service agree: the head station's answer has neither the objector nor what
    # the objector wrote.
    answer = p.ok(await system.review.get(f"/objections/{story.objection_id}", headers=system.head_station))
    assert (answer["objector"], answer["grounds"], answer["seal_scan_url"]) == (None, None, None)


async def test_the_final_list_waits_for_the_end_of_the_notice_period(page: Page, shoot: Shoot) -> None:
    await open_as_bureau(page, f"/console/bureau/final-lists?year={YEAR}")
    checks = page.get_by_test_id("final-list-checks")
    await expect(checks).to_contain_text("公示期至 2027年1月4日（星期一） 结束，尚未期满")
    await expect(checks).to_contain_text("异议已全部办结（共 1 件）")
    await page.get_by_role("button", name="公布最终认定名单").click()
    await confirm(page, "确认公布")
    refusal = page.get_by_test_id("final-list-refusal")
    await expect(refusal).to_contain_text("暂不能公布最终认定名单")
    await expect(refusal).to_contain_text("公示期至 2027年01月04日 结束，尚未期满")
    await snap(page, shoot, "bureau-final-list-refused")


async def test_after_the_period_the_bureau_publishes_the_final_list_with_plaque_numbers(
    page: Page, shoot: Shoot, system: System
) -> None:
    await system.move_clocks_to(at(date(2027, 1, 4) + timedelta(days=1), 9))
    await p.notice_ended(system, str(story.notice["id"]))

    await open_as_bureau(page, f"/console/bureau/final-lists?year={YEAR}")
    checks = page.get_by_test_id("final-list-checks")
    await expect(checks).to_contain_text("公示期已于 2027年1月4日（星期一） 结束")
    await expect(page.get_by_test_id("final-list-recognise").locator("li")).to_have_text([HAIZHU.entity_name])
    decline = page.get_by_test_id("final-list-decline")
    await expect(decline).to_contain_text(f"{HUANGPU.entity_name}（公示期内异议经调查核实成立）")
    await expect(decline).to_contain_text(f"{LIWAN.entity_name}（服务总站未予推荐）")
    await snap(page, shoot, "bureau-final-list-ready")

    await page.get_by_role("button", name="公布最终认定名单").click()
    recognised = "予以认定 1 家，按入围顺序编发牌匾号，即列入服务站名录"
    await expect(page.locator(".bureau-confirm")).to_contain_text(recognised)
    await confirm(page, "确认公布")
    published = page.get_by_test_id("final-list-published")
    await expect(published).to_contain_text("穗中小服站〔2026〕001号")
    await expect(rows(published.get_by_test_id("final-list-table"))).to_have_count(1)

    final_list = p.ok(await system.review.get(f"/public/final-lists/{YEAR}"))
    assert [(e["plaque_number"], e["entity_name"]) for e in final_list["entries"]] == [
        ("穗中小服站〔2026〕001号", HAIZHU.entity_name)
    ]
    await snap(page, shoot, "bureau-final-list")

    await page.get_by_role("tab", name="已公布名单").click()
    lists = page.locator(f'[data-year="{YEAR}"]')
    await expect(lists).to_contain_text("穗中小服站〔2026〕001号")
    assert await is_pdf(page, lists.get_by_role("link", name="下载认定名单（PDF）"))
    await snap(page, shoot, "bureau-final-lists-published")


async def test_the_register_shows_the_new_station_and_its_history(page: Page, shoot: Shoot, system: System) -> None:
    station = await p.registered_station(system, story.applications[HAIZHU.entity_name])

    await open_as_bureau(page, "/console/bureau/final-lists?tab=register")
    table = page.get_by_test_id("register-table")
    await expect(rows(table)).to_have_count(1)
    await expect(rows(table).first).to_contain_text(station["name"])
    await expect(rows(table).first).to_contain_text("穗中小服站〔2026〕001号")
    await snap(page, shoot, "bureau-register")

    await page.get_by_role("link", name=f"查看状态记录：{station['name']}").click()
    await expect(page.get_by_role("heading", level=1, name=station["name"])).to_be_visible()
    await expect(page.get_by_test_id("station-history")).to_contain_text("登记为“有效”")
    await snap(page, shoot, "bureau-station")
