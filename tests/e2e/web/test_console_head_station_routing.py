"""The head station routes (转派) a lapsed service request to another station, in a real browser, on the
real services.

Two stations, one in 天河区 and one in 海珠区, are recognised in December 2026 (the services' clock:
the final list on Tuesday 8 December). An enterprise of 天河 files a request that goes to the 天河
station, which lets its 5 working days pass: the request goes to the head station. The head station's
staff member opens it, routes it to the 海珠 station with a reason (an empty form is refused on its
fields first), confirms what the station is told, and sees the routing on the request; the service
agrees and gives the 海珠 station 5 working days from today. The 海珠 station's operator hears it in
its inbox and reads the head station's note on the request. Every page: no serious or critical
accessibility violation, screenshots at phone and desktop width (the open dialog is only
photographed: axe takes a chosen option's text in it for text under the dialog's grey overlay).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.async_api import Page, expect

from sme_activities.domain.service_requests import acceptance_due_on
from sme_kit.workdays import WorkingCalendar

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import chinese_day, choose, confirm, looks_right, open_signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

HEAD_STATION = "冯嘉慧"
TIANHE = p.applicant(
    "MA5R6W2T7",
    "广州市天河区五山企业服务有限公司",
    "440106",
    "天河五山",
    "广州市天河区五山路 200 号",
    "黄立新",
    ("何晓彤", "13620007777"),
)
HAIZHU = p.applicant(
    "MA5W7T3U8",
    "广州市海珠区新港产业服务有限公司",
    "440105",
    "海珠新港",
    "广州市海珠区新港东路 500 号",
    "林国栋",
    ("邱敏怡", "13620008888"),
)
EXPERTS = {"expert-ye": "叶伟光", "expert-xu": "许慧琳", "expert-cai": "蔡志强"}
REQUESTER = {
    "company_name": "广州市天河区石牌跨境贸易有限公司",
    "uscc": p.uscc("440106", "MA5T8U4X9"),
    "contact_name": "钟嘉豪",
    "contact_phone": "13922227777",
    "district_code": "440106",
    "category": "financing",
    "details": "计划申请供应链融资约 150 万元，希望对接合作银行。",
}
REASON = "天河五山服务站逾期未受理；海珠新港服务站熟悉供应链融资，请尽快对接。"


class Story:
    tianhe: p.Application
    haizhu: p.Application
    request_id: str


story = Story()


def operator(system: System, station: p.Application) -> dict[str, str]:
    return system.operator(station.applicant.uscc, station.station_id)


async def test_a_request_the_tianhe_station_lets_lapse_goes_to_the_head_station(system: System) -> None:
    official = {"name": HEAD_STATION, "role": "head_station_staff", "email": "hs-feng@gz.gov.example.cn"}
    p.ok(await system.notifications.put("/directory/officials/hs-feng", json=official, headers=system.bureau))
    story.tianhe, story.haizhu = await p.recognised_stations(system, [TIANHE, HAIZHU], EXPERTS)
    for station in (story.tianhe, story.haizhu):
        await p.known_to(system, "activities", station)
    confirmed = await p.filed_request(system, REQUESTER)
    assert confirmed["station_id"] == story.tianhe.station_id
    story.request_id = confirmed["id"]
    await system.advance_clocks(timedelta(days=9))

    async def escalated() -> bool:
        url = f"/service-requests/{story.request_id}"
        return bool(p.ok(await system.activities.get(url, headers=system.head_station))["escalated"])

    await system.eventually(escalated, "the unaccepted request to go to the head station")


async def test_the_head_station_routes_it_to_the_haizhu_station(page: Page, system: System, shoot: Shoot) -> None:
    today = await system.today()
    due = acceptance_due_on(WorkingCalendar(), today)
    await open_signed_in(page, f"/console/head-station/service-requests/{story.request_id}", HEAD_STATION)
    await expect(page.get_by_role("heading", level=1, name=f"服务需求：{REQUESTER['company_name']}")).to_be_visible()
    await expect(page.get_by_role("heading", name="转派给服务站")).to_be_visible()
    await page.get_by_role("button", name="转派", exact=True).click()

    dialog = page.get_by_role("dialog", name=f"转派服务需求：{REQUESTER['company_name']}")
    await expect(dialog).to_be_visible()
    await dialog.get_by_role("button", name="转派", exact=True).click()
    await expect(dialog.get_by_text("请选择接收服务站")).to_be_visible()
    await expect(dialog.get_by_text("请填写转派说明")).to_be_visible()
    await choose(page, "route-station", f"{HAIZHU.station_name}（海珠区）")
    await dialog.get_by_label("转派说明").fill(REASON)
    await expect(dialog.locator(".el-select__placeholder")).to_have_text(f"{HAIZHU.station_name}（海珠区）")
    await shoot(page, "console-head-station-request-route-dialog")  # axe is run on the page once it has closed
    await dialog.get_by_role("button", name="转派", exact=True).click()
    await confirm(
        page,
        "确认转派",
        f"转派给{HAIZHU.station_name}（海珠区）？该服务站将收到站内消息和电子邮件通知，须在 5 个工作日内",
    )

    await expect(page.get_by_text(f"已转派给{HAIZHU.station_name}，须于{chinese_day(due)}前受理")).to_be_visible()
    await expect(page.get_by_test_id("request-routed")).to_have_text("已转派")
    routing = page.get_by_test_id("request-routing")
    await expect(routing).to_contain_text(TIANHE.station_name)
    await expect(routing).to_contain_text(HAIZHU.station_name)
    await expect(routing).to_contain_text(REASON)
    await expect(page.get_by_role("button", name="转派", exact=True)).to_have_count(0)
    await expect(page.get_by_role("button", name="受理", exact=True)).to_have_count(0)
    await looks_right(page, shoot, "console-head-station-request-routed")

    routed = p.ok(await system.activities.get(f"/service-requests/{story.request_id}", headers=system.head_station))
    assert (routed["station_id"], routed["routed_from_station_id"]) == (
        story.haizhu.station_id,
        story.tianhe.station_id,
    )
    assert (routed["acceptance_due_on"], routed["escalated"], routed["lapsed"]) == (due.isoformat(), False, True)


async def test_the_haizhu_station_is_told_and_reads_the_head_station_s_note(
    page: Page, system: System, shoot: Shoot
) -> None:
    message = await system.inbox_message(operator(system, story.haizhu), "gz.sme.activities.service_request.routed.v1")
    assert story.request_id in message["body"]
    assert "服务总站" in message["title"]

    await open_signed_in(page, f"/console/station/demands/requests/{story.request_id}", HAIZHU.entity_name)
    await expect(page.get_by_test_id("request-status")).to_have_text("待受理")
    await expect(page.get_by_test_id("request-routed")).to_contain_text(REASON)
    await expect(page.get_by_role("button", name="受理", exact=True)).to_be_visible()
    await looks_right(page, shoot, "console-station-request-routed")
