"""A recognised station's record and assessment in the console, in a real browser, on the real services.

A Haizhu station is recognised in December 2026 (the services' clock: the final list on Tuesday
8 December), assessment knows it, and the bureau sets the deadlines of the 2026 summary and of the
2027 plan and summary. Before recognition an applicant's 服务站 and 考核 pages say so and point to
its application. The operator, signed in through the development sign-in page, opens 服务站 and
finds its station number, plaque number and three years' validity with the days left; reads and
signs the service convention (the registry then says signed); reports a change completed 31 days
before the services' today and sees it marked 逾期报告 (the registry's record says late), and one
completed 10 days before that is not; sees when re-review opens; submits the 2027 work plan on the
考核 page (on time, as the service records it); once the bureau has published 2026's results
(unqualified), reads its result and breakdown and submits the rectification report; and finally
asks to stop running the station (ground 7), which the bureau is left to decide. Every screen: no
serious or critical accessibility violation, screenshots at phone and desktop width.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.async_api import FilePayload, Page, expect

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import confirm, looks_right, open_signed_in, people

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

STATION = p.Applicant(
    organisation_code="MA5H7Q2W4",
    entity_name="广州市海珠区琶洲企业服务中心有限公司",
    district_code="440105",
    station_name="广州市民营和中小企业服务站（海珠琶洲）",
    address="广州市海珠区阅江中路 688 号",
    legal_representative="钟振华",
    contact_name="罗嘉敏",
    contact_phone="13620003333",
    email="luojiamin@pazhou-service.example.cn",
)
# An organisation that has applied but is not (yet) recognised: no station.
APPLICANT = p.Applicant(
    organisation_code="MA5J3L8R6",
    entity_name="广州市海珠区新港产业园管理有限公司",
    district_code="440105",
    station_name="广州市民营和中小企业服务站（海珠新港）",
    address="广州市海珠区新港东路 1000 号",
    legal_representative="温立新",
    contact_name="陆思琪",
    contact_phone="13620004444",
    email="lusiqi@xingang-park.example.cn",
)
EXPERTS = {"expert-he": "何建明", "expert-su": "苏婉清", "expert-ye": "叶国栋"}
NEW_REPRESENTATIVE = "司徒敏"
NEW_CONTACT = ("区海燕", "020-89001234")
WEEKDAYS = "一二三四五六日"


class Story:
    station: p.Application
    record: dict[str, Any]
    today: date
    rectification_due: date


story = Story()


def operator(system: System) -> dict[str, str]:
    return system.operator(STATION.uscc, story.station.station_id)


def chinese(day: date) -> str:
    """As the console writes a date: 2026年12月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


async def changes_in_registry(system: System) -> list[dict[str, Any]]:
    url = f"/stations/{story.station.station_id}/changes"
    return list(p.ok(await system.registry.get(url, headers=operator(system)))["items"])


# --- the set-up: a recognised station that assessment knows, and the year's deadlines ----------


async def test_a_haizhu_station_is_recognised_and_the_deadlines_are_set(system: System) -> None:
    (story.station,) = await p.recognised_stations(system, [STATION], EXPERTS)
    await p.known_to(system, "assessment", story.station)
    await p.set_contact(system, APPLICANT)
    await p.submit_application(system, APPLICANT)
    story.today = await system.today()
    story.record = await p.station_record(system, str(story.station.station_id))
    assert story.record["valid_from"] == story.today.isoformat()

    # The bureau's deadlines: the 2026 summary (the plan of 2026 was due before recognition), and 2027's.
    deadlines = {
        2026: {"summary_due_on": f"{story.today.year + 1}-01-15"},
        2027: {"plan_due_on": "2027-03-31", "summary_due_on": "2028-01-15"},
    }
    for year, body in deadlines.items():
        p.ok(await system.assessment.put(f"/work-documents/deadlines/{year}", json=body, headers=system.bureau))

    async def listed() -> bool:
        by_org = {person["org"]: person for person in await people(system) if person["org"]}
        station, applicant = by_org.get(STATION.uscc), by_org.get(APPLICANT.uscc)
        return bool(
            station
            and story.station.station_id in station["station_ids"]
            and station["name"] == STATION.entity_name
            and applicant
            and applicant["name"] == APPLICANT.entity_name
        )

    await system.eventually(listed, "the development sign-in to list the station's operator and the applicant")


async def test_before_recognition_both_pages_say_so_and_point_to_the_application(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/stations", APPLICANT.entity_name)
    notice = page.get_by_test_id("station-not-recognised")
    await expect(notice).to_contain_text("本单位尚无经认定的服务站")
    await looks_right(page, shoot, "console-station-record-not-recognised")
    await page.locator('aside [data-menu-entry="station-assessment"]').click()
    await expect(page).to_have_url(re.compile(r"/console/station/assessment$"))
    await expect(notice).to_be_visible()
    await notice.get_by_role("link", name="查看我的申请").click()
    await expect(page).to_have_url(re.compile(r"/console/station/applications$"))


# --- 服务站: numbers, validity, history -------------------------------------------------------


async def test_the_station_page_shows_its_numbers_and_three_years_validity(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/stations", STATION.entity_name)
    await expect(page.get_by_role("heading", level=1, name="服务站")).to_be_visible()
    summary = page.get_by_test_id("station-summary")
    await expect(summary.get_by_role("heading", level=2)).to_have_text(STATION.station_name)
    await expect(page.get_by_test_id("station-status")).to_have_text("有效")
    await expect(page.get_by_test_id("station-number")).to_have_text(story.record["station_number"])
    await expect(page.get_by_test_id("plaque-number")).to_have_text(story.record["plaque_number"])
    valid_until = date.fromisoformat(story.record["valid_until"])
    assert valid_until == date(story.today.year + 3, story.today.month, story.today.day) - timedelta(days=1)
    await expect(page.get_by_test_id("validity")).to_contain_text(f"{chinese(story.today)} 至 {chinese(valid_until)}")
    await expect(page.get_by_test_id("days-left")).to_have_text(
        f"距有效期届满还有 {(valid_until - story.today).days} 日"
    )
    await expect(page.get_by_test_id("expiring-warning")).to_have_count(0)
    # Not signed yet: the summary says so and leads to the convention.
    await expect(summary).to_contain_text("尚未签署现行版本的服务公约")
    await expect(page.get_by_text(STATION.uscc)).to_be_visible()
    history = page.get_by_test_id("status-history").get_by_role("listitem")
    await expect(history).to_have_count(1)
    for shown in (chinese(story.today), "有效", "列入服务站最终认定名单"):
        await expect(history).to_contain_text(shown)
    await expect(history).not_to_contain_text("recognised")  # the registry's English half is not shown
    await looks_right(page, shoot, "console-station-record")


# --- 服务公约: read and sign -----------------------------------------------------------------


async def test_the_operator_reads_and_signs_the_convention(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/stations?tab=convention", STATION.entity_name)
    panel = page.get_by_test_id("convention-panel")
    await expect(panel.get_by_test_id("convention-unsigned")).to_be_visible()
    await expect(panel.get_by_role("heading", level=3)).to_have_text(
        "《广州市民营和中小企业服务站服务公约》（2026.1 版）"
    )
    await expect(panel.get_by_role("listitem").first).to_contain_text("第一条")
    await expect(panel).to_contain_text("变更完成后30日内报市工业和信息化局")
    await expect(page.get_by_label("签署人姓名")).to_have_value(STATION.legal_representative)

    # Signing without agreeing is refused on the form.
    await panel.get_by_role("button", name="签署服务公约").click()
    await expect(panel.get_by_text("请先勾选同意遵守服务公约")).to_be_visible()
    await looks_right(page, shoot, "console-station-convention")

    await panel.get_by_text("本单位已阅读并同意遵守上述服务公约").click()
    await panel.get_by_role("button", name="签署服务公约").click()
    await confirm(page, "确认签署", f"将以“{STATION.legal_representative}”的名义代表本单位签署服务公约（2026.1 版）")
    signed = panel.get_by_test_id("convention-signed")
    await expect(signed).to_contain_text("已签署现行版本（2026.1 版）")
    await expect(signed).to_contain_text(f"由法定代表人{STATION.legal_representative}签署")
    await expect(page.get_by_test_id("station-summary")).not_to_contain_text("尚未签署")

    record = p.ok(await system.registry.get(f"/stations/{story.station.station_id}", headers=operator(system)))
    assert (record["convention_signed"], record["convention"]["version"]) == (True, "2026.1")
    await looks_right(page, shoot, "console-station-convention-signed")


# --- 信息变更: the 30-day rule -----------------------------------------------------------------


async def test_a_change_reported_31_days_after_completion_is_marked_late(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/station/stations?tab=changes", STATION.entity_name)
    panel = page.get_by_test_id("changes-panel")
    await expect(panel).to_contain_text("尚未报告过信息变更")
    await looks_right(page, shoot, "console-station-changes-empty")
    await panel.get_by_role("link", name="报告信息变更").click()
    await expect(page).to_have_url(re.compile(r"/console/station/stations/changes/new$"))
    await expect(page.get_by_role("heading", level=1, name="报告信息变更")).to_be_visible()

    # Nothing chosen: the form says what is missing.
    await page.get_by_role("button", name="提交变更报告").click()
    await expect(page.get_by_role("alert").filter(has_text="请修改以下内容后重新提交")).to_be_visible()
    await expect(page.get_by_text("请至少选择一项变更事项").first).to_be_visible()

    completed = story.today - timedelta(days=31)
    await page.locator('[data-kind="legal_representative"]').click()
    await page.get_by_label("变更完成日期").fill(completed.isoformat())
    timing = page.get_by_test_id("change-timing")
    await expect(timing).to_have_text(
        f"变更完成之日起 30 日内报告；本次变更完成于 {chinese(completed)}，"
        "至今已 31 日，已超过 1 日，将标记为逾期报告。"
    )
    await expect(page.get_by_text(f"现登记为：{STATION.legal_representative}")).to_be_visible()
    await page.get_by_label("变更后的法定代表人").fill(NEW_REPRESENTATIVE)
    await looks_right(page, shoot, "console-station-change-late")

    await page.get_by_role("button", name="提交变更报告").click()
    await confirm(page, "确认提交", "将记为逾期报告")
    await expect(page).to_have_url(re.compile(r"/console/station/stations\?tab=changes$"))
    first = page.get_by_test_id("change").first
    await expect(first).to_contain_text("法定代表人")
    await expect(first.get_by_test_id("change-late")).to_have_text("逾期报告")
    await expect(first).to_contain_text("完成后第 31 日报告")

    [change] = await changes_in_registry(system)
    assert (change["kinds"], change["late"], change["completed_on"]) == (
        ["legal_representative"],
        True,
        completed.isoformat(),
    )
    record = await p.station_record(system, str(story.station.station_id))
    assert record["legal_representative"] == NEW_REPRESENTATIVE


async def test_a_change_reported_within_30_days_is_not_late(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/stations/changes/new", STATION.entity_name)
    completed = story.today - timedelta(days=10)
    await page.locator('[data-kind="contact"]').click()
    await page.get_by_label("变更完成日期").fill(completed.isoformat())
    report_by = completed + timedelta(days=30)
    await expect(page.get_by_test_id("change-timing")).to_have_text(
        f"变更完成之日起 30 日内报告；本次变更完成于 {chinese(completed)}，"
        f"请于 {chinese(report_by)} 前报告（还有 20 日）。"
    )
    await page.get_by_label("联系人姓名").fill(NEW_CONTACT[0])
    # A phone number the registry refuses is shown on its field.
    await page.get_by_label("联系电话").fill("12345")
    await page.get_by_role("button", name="提交变更报告").click()
    await confirm(page, "确认提交", "联系人")
    phone = page.locator(".el-form-item").filter(has=page.get_by_label("联系电话"))
    await expect(phone.locator(".el-form-item__error")).to_have_text(
        "联系电话须为 11 位手机号码或带区号的固定电话（如 020-83331234）"
    )
    await looks_right(page, shoot, "console-station-change-refused")

    await page.get_by_label("联系电话").fill(NEW_CONTACT[1])
    await page.get_by_role("button", name="提交变更报告").click()
    await confirm(page, "确认提交", "联系人")
    await expect(page).to_have_url(re.compile(r"tab=changes$"))
    items = page.get_by_test_id("change")
    await expect(items).to_have_count(2)
    await expect(items.first).to_contain_text("联系人")
    await expect(items.first.get_by_test_id("change-late")).to_have_count(0)
    await expect(items.first).to_contain_text("按期报告")
    await items.first.get_by_text("查看变更内容").click()
    await expect(items.first).to_contain_text(f"{NEW_CONTACT[0]}　{NEW_CONTACT[1]}")

    newest, older = await changes_in_registry(system)
    assert (newest["kinds"], newest["late"], older["late"]) == (["contact"], False, True)
    await looks_right(page, shoot, "console-station-changes")


# --- 三年期满复核: when it opens ---------------------------------------------------------------


async def test_re_review_opens_in_the_third_year(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/stations?tab=validity", STATION.entity_name)
    opens = date(story.today.year + 2, story.today.month, story.today.day)
    await expect(page.get_by_test_id("re-review-not-yet")).to_have_text(
        f"有效期第三年自 {chinese(opens)} 起，届时可在此申请复核。"
    )
    await expect(page.get_by_test_id("re-review-panel")).to_contain_text(f"{story.today.year + 3} 年度认定申请批次")
    await expect(page.get_by_test_id("apply-re-review")).to_have_count(0)
    await looks_right(page, shoot, "console-station-re-review")


# --- 考核: the 2027 work plan --------------------------------------------------------------------


async def test_the_operator_submits_the_year_s_work_plan_on_time(page: Page, system: System, shoot: Shoot) -> None:
    # Assessment learns of the convention and the late change from the registry's events.
    async def evidence_arrived() -> bool:
        url = f"/stations/{story.station.station_id}/evidence"
        found = p.ok(await system.assessment.get(url, params={"year": story.today.year}, headers=operator(system)))
        return bool(found["convention_signed"] and found["late_info_changes"] == 1)

    await system.eventually(evidence_arrived, "assessment to count the signed convention and the late change")
    await open_signed_in(page, "/console/station/assessment", STATION.entity_name)
    await expect(page.get_by_role("heading", level=1, name="考核")).to_be_visible()
    documents = page.get_by_test_id("work-document")
    # 2026: recognised after the plan's deadline, so only the summary is asked for (by 15 January).
    await expect(documents.filter(has_text="工作计划").get_by_test_id("document-state")).to_have_text("本年度无须提交")
    summary_due = date(story.today.year + 1, 1, 15)
    await expect(documents.filter(has_text="工作总结")).to_contain_text(
        f"请于 {chinese(summary_due)} 前提交，还有 {(summary_due - story.today).days} 日。"
    )
    await expect(page.get_by_test_id("rectifications-panel")).to_contain_text("没有整改要求")
    await expect(page.get_by_test_id("results-panel")).to_contain_text("尚无公布的考核结果")
    evidence = page.get_by_test_id("evidence-panel")
    await expect(evidence.get_by_role("row").filter(has_text="服务公约")).to_contain_text("已签署")
    await expect(evidence.get_by_role("row").filter(has_text="逾期报告的信息变更")).to_contain_text("1 次")
    await looks_right(page, shoot, "console-station-assessment")

    await page.get_by_test_id("assessment-year").get_by_text("2027 年度").click()
    await expect(page).to_have_url(re.compile(r"year=2027"))
    plan = documents.filter(has_text="工作计划")
    await expect(plan.get_by_test_id("document-state")).to_have_text("待提交")
    await expect(plan).to_contain_text("2027年3月31日")
    await plan.get_by_role("link", name="提交工作计划").click()
    await expect(page.get_by_role("heading", level=1, name="2027 年度工作计划")).to_be_visible()
    await expect(page.get_by_test_id("document-timing")).to_contain_text("请于 2027年3月31日 前提交")
    await expect(page.get_by_label("标题")).to_have_value("2027年度服务站工作计划")
    await page.get_by_label("正文").fill(
        "一、全年开展政策宣讲不少于 4 次，结合政策、财税、知识产权主题月开展沙龙和培训。\n"
        "二、每季度摸查琶洲片区企业服务需求并报送。\n三、2 名专职人员参加服务总站培训。"
    )
    await page.get_by_label("附件（选填）").set_input_files(
        files=[FilePayload(name="2027年度工作计划.pdf", mimeType="application/pdf", buffer=p.PDF)]
    )
    await expect(page.get_by_text("2027年度工作计划.pdf")).to_be_visible()
    await looks_right(page, shoot, "console-station-work-plan")

    await page.get_by_role("button", name="提交", exact=True).click()
    await confirm(page, "确认提交", "将向市工业和信息化局提交 2027 年度工作计划")
    await expect(page).to_have_url(re.compile(r"/console/station/assessment\?year=2027$"))
    await expect(plan.get_by_test_id("document-state")).to_have_text("按时提交")
    await expect(plan.get_by_role("link", name="修改工作计划")).to_be_visible()

    found = p.ok(
        await system.assessment.get(
            "/work-documents", params={"year": 2027, "station_id": story.station.station_id}, headers=operator(system)
        )
    )["items"]
    assert [(d["kind"], d["late"], d["revision"]) for d in found] == [("plan", False, 1)]
    detail = p.ok(await system.assessment.get(f"/work-documents/{found[0]['id']}", headers=operator(system)))
    assert [a["filename"] for a in detail["attachments"]] == ["2027年度工作计划.pdf"]
    await looks_right(page, shoot, "console-station-assessment-2027")


# --- 考核结果与整改: the 2026 assessment, unqualified, and the rectification report ------------


async def test_the_bureau_publishes_the_2026_results_and_orders_rectification(system: System) -> None:
    cycle = p.ok(await system.assessment.post("/cycles", json={"year": 2026}, headers=system.bureau), 201)
    computed = p.ok(await system.assessment.post(f"/cycles/{cycle['id']}/compute", headers=system.bureau))
    [result] = [r for r in computed if r["station_id"] == story.station.station_id]
    assert result["outcome"] == "unqualified", result["breakdown"]  # a week-old station has held nothing yet
    story.rectification_due = story.today + timedelta(days=30)
    body = {"rectification_due_on": story.rectification_due.isoformat()}
    p.ok(await system.assessment.post(f"/cycles/{cycle['id']}/publish", json=body, headers=system.bureau))
    [ordered] = p.ok(await system.assessment.get("/rectifications", headers=operator(system)))["items"]
    assert (ordered["status"], ordered["due_on"]) == ("ordered", story.rectification_due.isoformat())


async def test_the_operator_reads_its_result_and_reports_its_rectification(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/station/assessment", STATION.entity_name)
    results = page.get_by_test_id("results-panel")
    await expect(results).to_contain_text("不合格")
    await results.get_by_role("button", name=re.compile("2026")).click()
    await expect(results.get_by_role("columnheader", name="考核指标")).to_be_visible()
    rectification = page.get_by_test_id("rectification")
    await expect(rectification).to_contain_text("待提交整改报告")
    await expect(rectification).to_contain_text(f"整改报告截止日期：{chinese(story.rectification_due)}")
    await expect(rectification).to_contain_text("还有 30 日")
    await looks_right(page, shoot, "console-station-assessment-results")

    await rectification.get_by_role("link", name="提交整改报告").click()
    await expect(page.get_by_role("heading", level=1, name="2026 年度考核整改")).to_be_visible()
    await page.get_by_label("整改报告").fill(
        "一、已制定全年宣讲计划，12 月内在琶洲会展片区开展 3 场政策宣讲。\n二、已安排专人按季度报送需求信息。"
    )
    await page.get_by_label("附件（选填）").set_input_files(
        files=[FilePayload(name="宣讲签到表.png", mimeType="image/png", buffer=p.PNG)]
    )
    await looks_right(page, shoot, "console-station-rectification")
    await page.get_by_role("button", name="提交整改报告").click()
    await confirm(page, "确认提交", "整改报告提交后不能修改")
    await expect(page.get_by_text("已提交，待复评")).to_be_visible()
    await expect(page.get_by_text("宣讲签到表.png")).to_be_visible()
    await expect(page.get_by_role("button", name="提交整改报告")).to_have_count(0)

    [found] = p.ok(await system.assessment.get("/rectifications", headers=operator(system)))["items"]
    assert (found["status"], found["report_late"]) == ("reported", False)
    await looks_right(page, shoot, "console-station-rectification-reported")


# --- 申请终止运营 (ground 7): the bureau decides ------------------------------------------------


async def test_the_operator_asks_to_stop_and_the_request_waits_for_the_bureau(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/station/stations?tab=withdrawal", STATION.entity_name)
    panel = page.get_by_test_id("withdrawal-panel")
    await expect(panel).to_contain_text("本服务站没有撤销案件")
    await panel.get_by_label("申请理由").fill(
        "因集团业务调整，本单位申请自 2027 年起不再承担服务站工作，在办服务需求移交服务总站。"
    )
    await looks_right(page, shoot, "console-station-withdrawal")
    await panel.get_by_role("button", name="提交终止运营申请").click()
    await confirm(page, "确认提交申请", "第 7 项撤销服务站称号")
    await expect(panel.get_by_test_id("withdrawal-pending")).to_be_visible()
    case = panel.get_by_test_id("revocation-case")
    await expect(case).to_contain_text("第 7 项")
    await expect(case).to_contain_text("待市工业和信息化局决定")
    await expect(panel.get_by_role("button", name="提交终止运营申请")).to_have_count(0)

    cases = p.ok(
        await system.assessment.get(
            "/revocations", params={"station_id": story.station.station_id}, headers=operator(system)
        )
    )["items"]
    assert [(c["ground"], c["origin"], c["status"]) for c in cases] == [(7, "operator", "open")]
    record = await p.station_record(system, str(story.station.station_id))
    assert record["status"] == "active"  # nothing changes until the bureau decides
    await looks_right(page, shoot, "console-station-withdrawal-pending")
