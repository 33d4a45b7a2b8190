"""The head station's programme work in the console, in a real browser, on the real services.

Two stations, one in 天河区 and one in 海珠区, are recognised in December 2026 (the services' clock:
the final list on Tuesday 8 December) and the activities service knows both. The head station's
staff member, signed in through the development sign-in page, plans 2027's themed months in the
browser (the service publishes them as planned) and sees a station's salon of March 2027 under its
month; records a staff training held today at which 天河's staff member attended and 海珠's invited
one did not, and sees 海珠 marked as not yet attended; sees an enterprise's service request (filed
and confirmed on the public API) in the city-wide queue with its station and deadline; once a second
request has gone unaccepted past its 5 working days, sees it marked, listed first and escalated, and
takes it over (the service agrees); and sees both stations' promotion progress as
`/promotions/progress` gives it, the one behind marked. Every screen: no serious or critical
accessibility violation, screenshots at phone and desktop width.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from playwright.async_api import Page, expect

from sme_kit.vocabulary import SHANGHAI

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import choose, confirm, fill_date, looks_right, open_signed_in, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

HEAD_STATION = "梁嘉颖"
TIANHE = p.applicant(
    "MA5J3R8W1",
    "广州市天河区智汇企业服务有限公司",
    "440106",
    "天河智汇",
    "广州市天河区黄埔大道西 100 号",
    "罗志明",
    ("郑晓婷", "13620005555"),
)
HAIZHU = p.applicant(
    "MA5K4T9X2",
    "广州市海珠区琶洲产业服务有限公司",
    "440105",
    "海珠琶洲",
    "广州市海珠区阅江中路 300 号",
    "钟伟强",
    ("彭丽华", "13620006666"),
)
EXPERTS = {"expert-lu": "卢建华", "expert-he": "何美玲", "expert-su": "苏国栋"}
# An enterprise of Tianhe asking for financing, naming no station: routed to the one of its district.
REQUESTER = {
    "company_name": "广州市天河区星河数据科技有限公司",
    "uscc": p.uscc("440106", "MA5L7T2Y3"),
    "contact_name": "吴嘉琪",
    "contact_phone": "13922225555",
    "district_code": "440106",
    "category": "financing",
    "details": "计划申请知识产权质押贷款约 200 万元，希望对接合作银行。",
}
# Another one the station leaves unaccepted: after 5 working days it goes to the head station.
UNANSWERED = {
    **REQUESTER,
    "company_name": "广州市天河区岗顶电子商贸有限公司",
    "uscc": p.uscc("440106", "MA5M8U3Y4"),
    "contact_name": "黎志豪",
    "contact_phone": "13922226666",
    "category": "legal",
    "details": "跨境电商合同纠纷，希望获得法律咨询服务。",
}
SALON = "知识产权质押融资政策沙龙"


class Story:
    tianhe: p.Application
    haizhu: p.Application
    today: date
    request_id: str
    unanswered_id: str


story = Story()


def operator(system: System, station: p.Application) -> dict[str, str]:
    return system.operator(station.applicant.uscc, station.station_id)


# --- the set-up: two recognised stations the activities service knows -------------------------


async def test_two_stations_are_recognised_and_the_activities_service_knows_them(system: System) -> None:
    official = {"name": HEAD_STATION, "role": "head_station_staff", "email": "hs-liang@gz.gov.example.cn"}
    p.ok(await system.notifications.put("/directory/officials/hs-liang", json=official, headers=system.bureau))
    story.tianhe, story.haizhu = await p.recognised_stations(system, [TIANHE, HAIZHU], EXPERTS)
    for station in (story.tianhe, story.haizhu):
        await p.known_to(system, "activities", station)
    story.today = await system.today()
    assert (story.today.year, story.today.month) == (2026, 12)


# --- 主题月: 2027's plan, and a station's salon under its month ---------------------------------


async def test_the_head_station_plans_2027_s_themed_months(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/head-station/theme-months", HEAD_STATION)
    await expect(page.get_by_role("heading", level=1, name="主题月")).to_be_visible()
    await expect(page.get_by_text("服务总站制定政策、财税、知识产权等主题月活动计划")).to_be_visible()
    # 2026: the months before December have ended and cannot change.
    await expect(page.locator('fieldset[data-month="11"]')).to_contain_text("已结束")
    await choose(page, "theme-months-year", "2027 年")
    await expect(page.get_by_role("heading", name="2027 年度主题月计划")).to_be_visible()
    await expect(page.get_by_text("2027 年度尚未发布主题月计划")).to_be_visible()

    # Half-filled months are refused on their fields before anything is sent.
    await choose(page, "plan-m9-theme", "其他主题")
    await page.get_by_role("button", name="保存计划").click()
    for problem in ("9月选择了“其他主题”，请填写主题名称", "请填写9月的目标与内容（至少一项）"):
        await expect(page.get_by_role("link", name=problem)).to_be_visible()

    await choose(page, "plan-m3-theme", "知识产权服务月")
    await page.locator("#plan-m3-goals").fill("举办专利质押融资沙龙不少于 2 场\n覆盖企业不少于 200 家")
    await choose(page, "plan-m6-theme", "财税服务月")
    await page.locator("#plan-m6-goals").fill("开展减税降费政策宣讲")
    await page.locator("#plan-m9-title").fill("数字化转型服务月")
    await page.locator("#plan-m9-goals").fill("组织企业上云对接会")
    await looks_right(page, shoot, "console-head-station-theme-months-form")
    await page.get_by_role("button", name="保存计划").click()
    await confirm(page, "确认发布", "确认发布 2027 年 3月、6月、9月 的主题月计划")
    await expect(page.locator('fieldset[data-month="3"]')).to_contain_text("第 1 版")

    plan = p.ok(await system.activities.get("/theme-months/2027"))
    assert [(m["month"], m["theme"], m["title"], m["goals"]) for m in plan] == [
        (3, "intellectual_property", "知识产权服务月", ["举办专利质押融资沙龙不少于 2 场", "覆盖企业不少于 200 家"]),
        (6, "finance_tax", "财税服务月", ["开展减税降费政策宣讲"]),
        (9, "custom", "数字化转型服务月", ["组织企业上云对接会"]),
    ]

    # 天河 schedules a salon for March's themed month; the head station sees it under that month.
    starts = datetime(2027, 3, 18, 14, 30, tzinfo=SHANGHAI)
    salon = {
        "activity_type": "salon",
        "title": SALON,
        "theme_month_id": "tm-2027-03",
        "co_organiser_station_ids": [story.haizhu.station_id],
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2, minutes=30)).isoformat(),
        "venue": TIANHE.address,
        "capacity": 40,
    }
    p.ok(await system.activities.post("/activities", json=salon, headers=operator(system, story.tianhe)), 201)
    await page.reload()
    await sign_in(page, HEAD_STATION)  # the session is kept in memory only
    await choose(page, "theme-months-year", "2027 年")
    activities = page.get_by_role("region", name="主题月活动列表")
    row = activities.locator("tbody tr").filter(has_text=SALON)
    await expect(row).to_contain_text("3月 · 知识产权服务月")
    await expect(row).to_contain_text(TIANHE.station_name)
    await expect(row).to_contain_text(HAIZHU.station_name)
    await expect(row).to_contain_text("计划举办")
    await looks_right(page, shoot, "console-head-station-theme-months")


# --- 培训: a training held today, one station's staff there, the other's not ----------------------


async def test_the_head_station_records_a_training_and_sees_who_has_not_attended(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/head-station/trainings", HEAD_STATION)
    await expect(page.get_by_role("heading", level=1, name="培训")).to_be_visible()
    await expect(page.get_by_test_id("trainings-not-attended")).to_contain_text("2 个服务站本年度尚无人员参训")
    await expect(page.get_by_text("2026 年度尚未登记培训")).to_be_visible()
    await looks_right(page, shoot, "console-head-station-trainings-empty")

    title = "2026 年第四季度服务站工作人员业务培训"
    await page.get_by_label("培训名称").fill(title)
    await fill_date(page.get_by_label("举办日期"), story.today.isoformat())
    await page.get_by_label("培训地点").fill("服务总站培训室")
    await page.get_by_label("培训内容").fill("惠企政策解读、服务平台操作、需求摸查方法")
    await choose(page, "training-attendees-0-station_id", TIANHE.station_name)
    await page.locator("#training-attendees-0-staff_name").fill("郑晓婷")
    await page.locator("#training-attendees-0-position").fill("服务专员")
    await page.get_by_role("button", name="添加参训人员").click()
    await choose(page, "training-attendees-1-station_id", HAIZHU.station_name)
    await page.locator("#training-attendees-1-staff_name").fill("彭丽华")
    await page.get_by_role("group", name="第 2 名参训人员").get_by_text("已参训").click()
    await page.get_by_role("button", name="登记培训").click()
    await confirm(page, "确认登记", "共 2 个服务站，参训 1 人、缺席 1 人")

    trainings = page.get_by_role("region", name="培训列表")
    row = trainings.locator("tbody tr").filter(has_text=title)
    await expect(row).to_contain_text(TIANHE.station_name)
    await expect(row).to_contain_text(HAIZHU.station_name)  # as the station nobody came from
    await expect(page.get_by_test_id("trainings-not-attended")).to_contain_text("1 个服务站本年度尚无人员参训")
    stations = page.get_by_role("region", name="各服务站参训情况").locator("tbody tr")
    await expect(stations.first).to_contain_text(HAIZHU.station_name)
    await expect(stations.first).to_contain_text("未参训")
    await looks_right(page, shoot, "console-head-station-trainings")

    held = p.ok(await system.activities.get("/trainings", params={"year": 2026}, headers=system.head_station))
    assert [[(a["station_id"], a["staff_name"], a["attended"]) for a in t["attendees"]] for t in held["items"]] == [
        [(story.tianhe.station_id, "郑晓婷", True), (story.haizhu.station_id, "彭丽华", False)]
    ]


# --- 服务需求: the city-wide queue, an escalation marked and taken over ------------------------------


async def test_an_enterprise_s_request_is_in_the_city_wide_queue(page: Page, system: System, shoot: Shoot) -> None:
    confirmed = await p.filed_request(system, REQUESTER)
    assert (confirmed["station_id"], confirmed["assignment"]) == (story.tianhe.station_id, "district_match")
    story.request_id = confirmed["id"]
    story.unanswered_id = (await p.filed_request(system, UNANSWERED))["id"]

    await open_signed_in(page, "/console/head-station/service-requests", HEAD_STATION)
    await expect(page.get_by_role("heading", level=1, name="服务需求")).to_be_visible()
    row = page.locator("tbody tr").filter(has=page.locator(f'[data-request="{story.request_id}"]'))
    await expect(row).to_contain_text(REQUESTER["company_name"])
    await expect(row).to_contain_text("融资服务")
    await expect(row).to_contain_text(TIANHE.station_name)
    await expect(row).to_contain_text("待受理")
    due = date.fromisoformat(confirmed["acceptance_due_on"])
    await expect(row).to_contain_text(f"{due.year}年{due.month}月{due.day}日")
    await looks_right(page, shoot, "console-head-station-requests")

    # The district filter narrows the queue: none in 海珠区.
    await choose(page, "queue-district", "海珠区")
    await expect(page.get_by_text("没有符合条件的服务需求")).to_be_visible()

    # Within its station's 5 working days the head station only follows it.
    await open_signed_in(page, f"/console/head-station/service-requests/{story.request_id}", HEAD_STATION)
    await expect(page.get_by_test_id("request-status")).to_have_text("待受理")
    await expect(page.get_by_text("服务站受理期内，由服务站受理")).to_be_visible()
    await expect(page.get_by_role("button", name="受理", exact=True)).to_have_count(0)
    await looks_right(page, shoot, "console-head-station-request")


async def test_the_station_accepts_one_and_lets_the_other_run_past_its_deadline(system: System) -> None:
    """天河 accepts the first request; time passes on every clock past the second one's 5 working days."""
    url = f"/service-requests/{story.request_id}/accept"
    p.ok(await system.activities.post(url, headers=operator(system, story.tianhe)))
    await system.advance_clocks(timedelta(days=9))

    async def escalated() -> bool:
        url = f"/service-requests/{story.unanswered_id}"
        request = p.ok(await system.activities.get(url, headers=system.head_station))
        return bool(request["escalated"])

    await system.eventually(escalated, "the unaccepted request to go to the head station")


async def test_the_overdue_request_is_marked_listed_first_and_taken_over(
    page: Page, system: System, shoot: Shoot
) -> None:
    await open_signed_in(page, "/console/head-station/service-requests", HEAD_STATION)
    await expect(page.get_by_role("alert").filter(has_text="1 项需求超过受理期限未受理，已转服务总站")).to_be_visible()
    first = page.locator("tbody tr").first
    await expect(first.locator(f'[data-request="{story.unanswered_id}"]')).to_be_visible()
    await expect(first).to_contain_text("已转服务总站")
    await expect(first).to_contain_text(re.compile(r"已超期 \d+ 天"))
    await page.get_by_text("只看转服务总站的需求").click()
    await expect(page.locator("tbody tr")).to_have_count(1)
    await looks_right(page, shoot, "console-head-station-requests-escalated")

    await first.get_by_role("link", name=f"查看：{UNANSWERED['company_name']}").click()
    await expect(page.get_by_role("heading", level=1, name=f"服务需求：{UNANSWERED['company_name']}")).to_be_visible()
    await expect(page.get_by_text("因服务站未在 5 个工作日内受理，转服务总站处理")).to_be_visible()
    await page.get_by_role("button", name="受理", exact=True).click()
    await confirm(page, "确认受理", f"原受理服务站（{TIANHE.station_name}）不再办理")
    await expect(page.get_by_test_id("request-status")).to_have_text("已受理")
    await expect(page.get_by_role("heading", name="对接服务")).to_be_visible()
    await looks_right(page, shoot, "console-head-station-request-taken-over")

    taken = p.ok(await system.activities.get(f"/service-requests/{story.unanswered_id}", headers=system.head_station))
    assert (taken["status"], taken["by_head_station"], taken["accepted_late"]) == ("accepted", True, True)


# --- 推广任务: both stations' progress as the service counts it ----------------------------------


async def test_the_head_station_sees_every_station_s_promotion_progress(
    page: Page, system: System, shoot: Shoot
) -> None:
    today = await system.today()
    for days_ago in (3, 2, 1):
        await p.record_promotion(system, story.tianhe, today - timedelta(days=days_ago))
    await p.record_promotion(system, story.haizhu, today - timedelta(days=1))
    progress = p.ok(
        await system.activities.get("/promotions/progress", params={"year": 2026}, headers=system.head_station)
    )["items"]
    counted = {item["station_id"]: (item["count"], item["target"], item["met"]) for item in progress}
    assert counted == {story.tianhe.station_id: (3, 3, True), story.haizhu.station_id: (1, 3, False)}

    await open_signed_in(page, "/console/head-station/promotions", HEAD_STATION)
    await expect(page.get_by_role("heading", level=1, name="推广任务")).to_be_visible()
    await expect(page.get_by_test_id("promotion-summary")).to_contain_text("共 2 个服务站：1 个已完成，1 个未达要求。")
    rows = page.get_by_role("region", name="各服务站推广进度").locator("tbody tr")
    await expect(rows.first).to_contain_text(HAIZHU.station_name)  # behind: listed first
    await expect(rows.first).to_contain_text("1/3")
    await expect(rows.first).to_contain_text("未达要求")
    await expect(rows.nth(1)).to_contain_text(TIANHE.station_name)
    await expect(rows.nth(1)).to_contain_text("3/3")
    await expect(rows.nth(1)).to_contain_text("已完成")
    await expect(page.get_by_role("progressbar", name=f"{HAIZHU.station_name}推广进度")).to_have_attribute(
        "aria-valuenow", "33"
    )
    await looks_right(page, shoot, "console-head-station-promotions")
