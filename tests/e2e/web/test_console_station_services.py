"""A recognised station's operator at work in the console, in a real browser, on the real services.

A Tianhe station is recognised in December 2026 (the services' clock: the final list on Tuesday
8 December) and every service comes to know it; the head station publishes December's themed
month. Before recognition an applicant's station pages say so and point to its application.
Then the operator, signed in through the development sign-in page, records three promotion
sessions and sees the year's duty met (the activities service agrees); schedules a salon for the
themed month (listed in the console and by the API); accepts, matches and closes a service request
an enterprise filed on the public API and that was routed to the station (the only station of its
district offering the service); submits the current quarter's demand report; and, once the salon
has been held, uploads its sign-in sheet and completes it. Every screen: no serious or critical
accessibility violation, screenshots at phone and desktop width.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from playwright.async_api import FilePayload, Page, expect

from sme_kit.vocabulary import SHANGHAI

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import chinese_day, choose, confirm, fill_date, looks_right, open_signed_in, people, pick

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

STATION = p.Applicant(
    organisation_code="MA5E8R3T6",
    entity_name="广州市天河区汇智企业服务中心有限公司",
    district_code="440106",
    station_name="广州市民营和中小企业服务站（天河汇智）",
    address="广州市天河区天河北路 233 号",
    legal_representative="黄志坚",
    contact_name="梁婉仪",
    contact_phone="13620001111",
    email="liangwanyi@huizhi-service.example.cn",
    services=("information", "financing", "legal"),
)
# An organisation that has applied but is not (yet) recognised: no station.
APPLICANT = p.Applicant(
    organisation_code="MA5G2K7P3",
    entity_name="广州市天河区启明产业园运营管理有限公司",
    district_code="440106",
    station_name="广州市民营和中小企业服务站（天河启明）",
    address="广州市天河区科韵路 16 号",
    legal_representative="邓国强",
    contact_name="冼嘉欣",
    contact_phone="13620002222",
    email="xianjiaxin@qiming-park.example.cn",
)
EXPERTS = {"expert-tan": "谭永明", "expert-ou": "欧阳慧", "expert-mai": "麦志华"}
# An enterprise of Tianhe asking for financing, naming no station: routed to one of its district.
REQUESTER = {
    "company_name": "广州市天河区云启软件科技有限公司",
    "uscc": p.uscc("440106", "MA5F3K8N2"),
    "contact_name": "周晓琳",
    "contact_phone": "13922223333",
    "district_code": "440106",
    "category": "financing",
    "details": "计划申请知识产权质押贷款约 300 万元，希望对接合作银行和评估机构。",
}
# Another one, left unaccepted: once its 5 working days have passed it is overdue and escalated.
UNANSWERED = {
    **REQUESTER,
    "company_name": "广州市天河区珠江新城商贸有限公司",
    "uscc": p.uscc("440106", "MA5H6L9Q1"),
    "contact_name": "何嘉怡",
    "contact_phone": "13922224444",
    "category": "legal",
    "details": "外贸合同纠纷，希望获得法律咨询和合同审查服务。",
}
SALON = "知识产权质押融资政策沙龙"


class Story:
    station: p.Application
    today: date
    activity_id: str
    request_id: str
    unanswered_id: str


story = Story()


def operator(system: System) -> dict[str, str]:
    return system.operator(STATION.uscc, story.station.station_id)


async def evidence_of(system: System) -> list[dict[str, Any]]:
    """The salon's photos and sign-in sheets as the service keeps them."""
    url = f"/activities/{story.activity_id}/evidence"
    return list(p.ok(await system.activities.get(url, headers=operator(system)))["items"])


# --- the set-up: a recognised station every service knows ------------------------------------


async def test_a_tianhe_station_is_recognised_and_every_service_knows_it(system: System) -> None:
    (story.station,) = await p.recognised_stations(system, [STATION], EXPERTS)
    await p.known_to(system, "activities", story.station)
    # An organisation whose application is still with its district: it has no station.
    await p.set_contact(system, APPLICANT)
    await p.submit_application(system, APPLICANT)

    async def listed() -> bool:
        by_org = {person["org"]: person for person in await people(system) if person["org"]}
        station = by_org.get(STATION.uscc)
        applicant = by_org.get(APPLICANT.uscc)
        return bool(
            station
            and story.station.station_id in station["station_ids"]
            and station["name"] == STATION.entity_name
            and applicant
            and applicant["name"] == APPLICANT.entity_name
        )

    await system.eventually(listed, "the development sign-in to list the station's operator and the applicant")

    # The head station's themed month of December, for the station to align with.
    story.today = await system.today()
    assert (story.today.year, story.today.month) == (2026, 12)
    plan = {
        "months": [
            {"month": 12, "theme": "policy", "goals": ["开展惠企政策宣讲不少于 2 场", "推广“穗小信”工信政策数字人"]}
        ]
    }
    p.ok(await system.activities.put("/theme-months/2026", json=plan, headers=system.head_station))


async def test_before_recognition_the_station_pages_say_so_and_point_to_the_application(
    page: Page, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/station/promotions", APPLICANT.entity_name)
    notice = page.get_by_test_id("needs-recognition")
    await expect(notice).to_contain_text("本单位尚未认定为服务站")
    await looks_right(page, shoot, "console-station-not-recognised")
    for entry in ("activities", "demands"):
        await page.locator(f'aside [data-menu-entry="station-{entry}"]').click()
        await expect(page).to_have_url(re.compile(f"/console/station/{entry}$"))
        await expect(notice).to_be_visible()
    await notice.get_by_role("link", name="前往我的申请").click()
    await expect(page).to_have_url(re.compile(r"/console/station/applications$"))


# --- 推广: three sessions meet the year's duty ----------------------------------------------


async def record_session(page: Page, held_on: date, audience: int, venue: str) -> None:
    await fill_date(page.get_by_label("宣讲日期"), held_on.isoformat())
    await page.get_by_label("受众人数").fill(str(audience))
    await page.get_by_label("宣讲地点").fill(venue)
    await page.get_by_role("button", name="登记宣讲").click()
    await confirm(page, "确认登记")


async def test_three_promotion_sessions_meet_the_year_s_duty(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/promotions", STATION.entity_name)
    await expect(page.get_by_role("heading", level=1, name="推广")).to_be_visible()
    count = page.get_by_test_id("promotion-count")
    await expect(count).to_have_text("已完成 0/3")
    await expect(page.get_by_text("每年结合主题月活动宣讲不少于三次")).to_be_visible()
    await expect(page.get_by_text("2026 年度尚未登记宣讲")).to_be_visible()
    await looks_right(page, shoot, "console-station-promotions-empty")

    # A session not yet held cannot be recorded: tomorrow cannot be picked, and the form says what is missing.
    await fill_date(page.get_by_label("宣讲日期"), (story.today + timedelta(days=1)).isoformat())
    await page.get_by_role("button", name="登记宣讲").click()
    await expect(page.get_by_role("alert").filter(has_text="提交未成功")).to_be_visible()
    for problem in ("请选择宣讲日期", "请填写受众人数"):
        await expect(page.get_by_role("link", name=re.compile(problem))).to_be_visible()  # in the summary
        await expect(page.locator(".el-form-item__error", has_text=problem)).to_be_visible()  # on the field

    held = [story.today - timedelta(days=d) for d in (6, 4, 1)]
    venues = ["天河汇智服务大厅", "天河北路商圈企业沙龙室", "天河软件园路演厅"]
    for number, (day, venue) in enumerate(zip(held, venues, strict=True), start=1):
        await record_session(page, day, 30 + number * 5, venue)
        await expect(count).to_have_text(f"已完成 {number}/3")
    await expect(page.get_by_text("本年度推广任务已完成")).to_be_visible()
    sessions = page.get_by_role("table", name="2026 年度已登记的宣讲")
    await expect(sessions.locator("tbody tr")).to_have_count(3)
    for venue in venues:
        await expect(sessions.get_by_role("cell", name=venue)).to_be_visible()

    progress = p.ok(
        await system.activities.get("/promotions/progress", params={"year": 2026}, headers=operator(system))
    )["items"]
    assert [(item["station_id"], item["count"], item["met"]) for item in progress] == [
        (story.station.station_id, 3, True)
    ]
    await looks_right(page, shoot, "console-station-promotions")


# --- 活动: a salon for the themed month -------------------------------------------------------


async def test_the_station_schedules_a_salon_for_the_themed_month(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/activities", STATION.entity_name)
    await expect(page.get_by_text("本站还没有主办或协办的活动")).to_be_visible()
    plan = page.locator('[data-theme-month="tm-2026-12"]')
    await expect(plan).to_contain_text("政策服务月")
    await expect(plan).to_contain_text("推广“穗小信”工信政策数字人")
    await looks_right(page, shoot, "console-station-activities-empty")

    await page.get_by_role("link", name="发布活动").click()
    await expect(page.get_by_role("heading", level=1, name="发布活动")).to_be_visible()
    await looks_right(page, shoot, "console-station-activity-new")

    starts = story.today + timedelta(days=10)
    await choose(page, "activity-activity_type", "沙龙")
    await choose(page, "activity-theme_month_id", "2026年12月 · 政策服务月")
    await page.get_by_label("活动名称").fill(SALON)
    await page.get_by_label("活动简介").fill("解读知识产权质押融资政策，现场对接银行与知识产权服务机构。")
    await fill_date(page.get_by_label("开始时间"), f"{starts.isoformat()} 14:30")
    await fill_date(page.get_by_label("结束时间"), f"{starts.isoformat()} 17:00")
    await page.get_by_label("活动地点").fill("广州市天河区天河北路 233 号 3 楼多功能厅")
    await page.get_by_label("名额").fill("40")
    await page.get_by_label("参与的入驻服务机构").fill("广州某知识产权代理有限公司")
    await page.get_by_role("button", name="发布活动").click()
    await confirm(page, "确认发布")

    await expect(page.get_by_role("heading", level=1, name=SALON)).to_be_visible()
    await expect(page).to_have_url(re.compile(r"/console/station/activities/[0-9a-f-]{36}$"))
    story.activity_id = page.url.rsplit("/", 1)[1]
    await expect(page.get_by_text("2026年12月 · 政策服务月")).to_be_visible()
    await expect(page.get_by_text("暂无企业报名")).to_be_visible()
    await expect(page.get_by_text("活动开始（")).to_be_visible()
    await looks_right(page, shoot, "console-station-activity")

    found = p.ok(await system.activities.get("/activities", params={"station_id": story.station.station_id}))["items"]
    assert [(a["id"], a["title"], a["theme_month_id"], a["capacity"]) for a in found] == [
        (story.activity_id, SALON, "tm-2026-12", 40)
    ]
    assert datetime.fromisoformat(found[0]["starts_at"]) == datetime.combine(
        starts, datetime.min.time().replace(hour=14, minute=30), SHANGHAI
    )

    await page.get_by_role("link", name="返回活动列表").click()
    row = page.locator(f'tr[data-row="{story.activity_id}"]')
    await expect(row).to_contain_text(SALON)
    await expect(row).to_contain_text("主办")
    await expect(row).to_contain_text("计划举办")
    await looks_right(page, shoot, "console-station-activities")


async def test_an_activity_is_called_off_with_its_reason(page: Page, system: System, shoot: Shoot) -> None:
    starts = datetime.combine(
        story.today + timedelta(days=12), datetime.min.time().replace(hour=9, minute=30), SHANGHAI
    )
    forum = p.ok(
        await system.activities.post(
            "/activities",
            json={
                "activity_type": "forum",
                "title": "跨境电商合规经营论坛",
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=3)).isoformat(),
                "venue": "广州市天河区天河北路 233 号 3 楼多功能厅",
                "capacity": 80,
            },
            headers=operator(system),
        ),
        201,
    )
    await open_signed_in(page, f"/console/station/activities/{forum['id']}", STATION.entity_name)
    await page.get_by_role("button", name="取消活动").click()
    dialog = page.get_by_role("dialog", name="取消活动")
    await dialog.get_by_label("取消原因").fill("因台风预警，活动取消，另行安排")
    await looks_right(page, shoot, "console-station-activity-cancel")
    await dialog.get_by_role("button", name="取消活动").click()
    await confirm(page, "确认取消活动")
    await expect(page.locator(".activity-page__tags")).to_contain_text("已取消")
    await expect(page.get_by_text("因台风预警，活动取消，另行安排")).to_be_visible()
    await expect(page.get_by_role("button", name="取消活动")).to_have_count(0)
    cancelled = p.ok(await system.activities.get(f"/activities/{forum['id']}"))
    assert (cancelled["status"], cancelled["cancel_reason"]) == ("cancelled", "因台风预警，活动取消，另行安排")


# --- 服务需求: a request routed to the station, accepted and closed -----------------------------


async def test_a_request_routed_to_the_station_is_accepted_matched_and_closed(
    page: Page, system: System, shoot: Shoot
) -> None:
    confirmed = await p.filed_request(system, REQUESTER)
    # No station chosen: the one station of Tianhe offering the service takes it.
    assert (confirmed["station_id"], confirmed["assignment"]) == (story.station.station_id, "district_match")
    story.request_id = confirmed["id"]
    due = date.fromisoformat(confirmed["acceptance_due_on"])
    unanswered = await p.filed_request(system, UNANSWERED)
    assert unanswered["station_id"] == story.station.station_id
    story.unanswered_id = unanswered["id"]

    await open_signed_in(page, "/console/station/demands", STATION.entity_name)
    await expect(page.locator("tbody tr[data-row]")).to_have_count(2)
    row = page.locator(f'tr[data-row="{story.request_id}"]')
    await expect(row).to_contain_text(REQUESTER["company_name"])
    await expect(row).to_contain_text("融资服务")
    await expect(row).to_contain_text(f"{chinese_day(due)} 前")
    await expect(row).to_contain_text("待受理")
    await expect(page.get_by_text("须在 5 个工作日内受理")).to_be_visible()
    await looks_right(page, shoot, "console-station-demands")

    await row.get_by_role("link", name=f"办理：{REQUESTER['company_name']}").click()
    await expect(page.get_by_role("heading", level=1, name=f"服务需求：{REQUESTER['company_name']}")).to_be_visible()
    status = page.get_by_test_id("request-status")
    await expect(status).to_have_text("待受理")
    await expect(page.get_by_text(REQUESTER["contact_phone"])).to_be_visible()
    await looks_right(page, shoot, "console-station-request")

    await page.get_by_role("button", name="受理", exact=True).click()
    await confirm(page, "确认受理")
    await expect(status).to_have_text("已受理")

    await pick(page, "对接入驻服务机构")
    await page.get_by_label("入驻服务机构名称").fill("中国银行广州天河支行")
    await page.get_by_role("button", name="确认对接").click()
    await confirm(page, "确认对接")
    await expect(status).to_have_text("服务中")

    await pick(page, "已解决")
    await page.get_by_label("办理情况").fill("已对接中国银行天河支行及评估机构，企业获批知识产权质押贷款 300 万元。")
    await pick(page, "5 分 · 非常满意")
    await page.get_by_role("button", name="办结", exact=True).click()
    await confirm(page, "确认办结")
    await expect(status).to_have_text("已办结")
    await expect(page.get_by_text("5 分（非常满意）")).to_be_visible()
    await looks_right(page, shoot, "console-station-request-closed")

    closed = p.ok(await system.activities.get(f"/service-requests/{story.request_id}", headers=operator(system)))
    handled = ("status", "handling", "institution_name", "outcome", "satisfaction", "accepted_late")
    assert [closed[key] for key in handled] == ["closed", "institution", "中国银行广州天河支行", "resolved", 5, False]


# --- 需求信息报送: the quarter's demand report --------------------------------------------------


async def test_the_current_quarter_s_demand_report_is_submitted(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/station/demands?tab=reports", STATION.entity_name)
    await expect(page.get_by_role("tab", name="需求信息报送")).to_have_attribute("aria-selected", "true")
    await expect(page.get_by_test_id("report-state")).to_have_text("2026年第四季度尚未报送。")
    await expect(page.get_by_text("本站尚未报送需求信息")).to_be_visible()
    await looks_right(page, shoot, "console-station-reports-empty")

    await page.get_by_label("行业名称").fill("新一代信息技术")
    await page.get_by_label("摸查企业数（家）").fill("32")
    await choose(page, "report-industries-0-main_needs", "融资服务")
    await page.keyboard.press("Escape")
    await page.get_by_role("button", name="添加需求").click()
    await choose(page, "report-needs-0-category", "融资服务")
    await page.get_by_label("提出需求的企业数（家）").fill("12")
    await page.get_by_label("需求说明").fill("轻资产企业抵押物不足，融资难")
    await page.get_by_label("企业发展情况").fill("园区软件企业订单总体平稳，部分企业用工紧张。")
    await page.get_by_label("服务需求", exact=True).fill("希望开展知识产权质押融资对接和人才招聘服务。")
    await page.get_by_role("button", name="报送", exact=True).click()
    await confirm(page, "确认报送")

    state = page.get_by_test_id("report-state")
    await expect(state).to_contain_text("2026年第四季度已于")
    await expect(state).to_contain_text("报送第 1 版")
    reports = p.ok(await system.activities.get("/demand-reports", headers=operator(system)))["items"]
    assert [(r["year"], r["quarter"], r["revision"], r["enterprises_surveyed"]) for r in reports] == [(2026, 4, 1, 32)]
    row = page.locator(f'tr[data-row="{reports[0]["id"]}"]')
    await expect(row).to_contain_text("2026年第四季度")
    await expect(row).to_contain_text("第 1 版")
    await looks_right(page, shoot, "console-station-reports")

    # More enterprises were surveyed: the station revises the quarter's report; the first stays on record.
    await row.get_by_role("button", name="修订2026年第四季度需求信息").click()
    await expect(page.get_by_label("摸查企业数（家）")).to_have_value("32")
    await page.get_by_label("摸查企业数（家）").fill("40")
    await page.get_by_role("button", name="报送", exact=True).click()
    await confirm(page, "确认报送")
    await expect(state).to_contain_text("报送第 2 版")
    await expect(row).to_contain_text("第 2 版")
    revised = p.ok(await system.activities.get(f"/demand-reports/{reports[0]['id']}", headers=operator(system)))
    assert (revised["revision"], revised["enterprises_surveyed"]) == (2, 40)
    assert [r["revision"] for r in revised["earlier_revisions"]] == [1]

    await row.get_by_role("link", name="查看2026年第四季度需求信息").click()
    await expect(page.get_by_role("heading", level=1, name="2026年第四季度需求信息")).to_be_visible()
    await expect(page.get_by_text("当前为第 2 版")).to_be_visible()
    await page.get_by_role("button", name=re.compile(r"^第 1 版（")).click()
    earlier = page.get_by_role("table", name="第 1 版 · 行业情况")
    await expect(earlier.get_by_role("cell", name="32", exact=True)).to_be_visible()
    await looks_right(page, shoot, "console-station-report")


# --- after the salon: its sign-in sheet, and completion ----------------------------------------


async def test_the_salon_takes_place(system: System) -> None:
    """Time passes on every service's clock (a browser page opened afterwards shows the new time)."""
    activity = p.ok(await system.activities.get(f"/activities/{story.activity_id}"))
    await system.move_clocks_to(datetime.fromisoformat(activity["ends_at"]) + timedelta(minutes=30))


async def test_once_held_the_salon_gets_its_sign_in_sheet_and_is_completed(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, f"/console/station/activities/{story.activity_id}", STATION.entity_name)
    await expect(page.get_by_role("heading", level=1, name=SALON)).to_be_visible()
    await expect(page.get_by_text("尚未上传活动照片或签到表")).to_be_visible()

    chooser = page.get_by_label("活动材料文件")
    # Checked before it is sent: a GIF is not one of the accepted types.
    gif = b"GIF89a" + bytes(64)
    await chooser.set_input_files(files=[FilePayload(name="现场.gif", mimeType="image/gif", buffer=gif)])
    await expect(page.get_by_text("仅支持 PDF、PNG、JPEG 或 DOCX 文件")).to_be_visible()
    await page.get_by_role("button", name="上传").click()
    assert await evidence_of(system) == []

    await pick(page, "签到表")
    await chooser.set_input_files(files=[FilePayload(name="签到表.png", mimeType="image/png", buffer=p.PNG)])
    await page.get_by_role("button", name="上传").click()
    await expect(page.get_by_role("cell", name="签到表.png", exact=True)).to_be_visible()
    await looks_right(page, shoot, "console-station-activity-held")

    await page.get_by_label("实际参加人数（家/人）").fill("36")
    summary = "本次沙龙共 36 家企业参加，现场对接融资需求 5 项，2 家企业与银行达成初步合作意向。"
    await page.get_by_label("活动总结").fill(summary)
    await page.get_by_role("button", name="办结活动").click()
    await confirm(page, "确认办结")
    await expect(page.locator(".activity-page__tags")).to_contain_text("已举办")
    await expect(page.get_by_text("2 家企业与银行达成初步合作意向")).to_be_visible()
    await looks_right(page, shoot, "console-station-activity-completed")

    completed = p.ok(await system.activities.get(f"/activities/{story.activity_id}"))
    assert (completed["status"], completed["attendance_count"]) == ("completed", 36)
    assert [(e["filename"], e["purpose"], e["content_type"]) for e in await evidence_of(system)] == [
        ("签到表.png", "sign_in_sheet", "image/png")
    ]


async def test_a_request_left_unaccepted_is_flagged_overdue_and_escalated(
    page: Page, system: System, shoot: Shoot
) -> None:
    async def escalated() -> dict[str, Any] | None:
        url = f"/service-requests/{story.unanswered_id}"
        request = p.ok(await system.activities.get(url, headers=operator(system)))
        return request if request["escalated"] else None

    request = await system.eventually(escalated, "the unaccepted request to go to the head station")
    due = date.fromisoformat(request["acceptance_due_on"])
    late = (await system.today() - due).days
    assert late > 0

    await open_signed_in(page, "/console/station/demands", STATION.entity_name)
    row = page.locator(f'tr[data-row="{story.unanswered_id}"]')
    await expect(row).to_contain_text(chinese_day(due))
    await expect(row).to_contain_text(f"已超期 {late} 天 · 已转服务总站")
    await expect(page.get_by_role("alert").filter(has_text="1 项需求今日到期或已超期")).to_be_visible()
    await expect(page.locator(f'tr[data-row="{story.request_id}"]')).to_contain_text("按期受理")
    await looks_right(page, shoot, "console-station-demands-overdue")
