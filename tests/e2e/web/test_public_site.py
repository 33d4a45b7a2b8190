"""The public website in a real browser, through the gateway, on the demo's programme year.

The steps of one story, in order: the demo's first act (a notice under way), a citizen objects
through the online form, the demo's second act (final list, register, activities), and every
public page shows a visitor what it should — with no serious accessibility violation, and with
screenshots at phone and desktop width for a person to look at.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest
from playwright.async_api import Page, expect

from demo.__main__ import run as play_demo
from demo.acts import act_one
from demo.api import Api
from demo.cast import APPLICANTS, uscc
from sme_kit.testing import wait_until

from ..system import System
from .conftest import Shoot, serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

# A person objecting in their own name (invented; the ID number's check digit is valid).
OBJECTOR = {"real_name": "欧阳明", "id_number": "440106198503150011", "phone": "13912345678"}
# An enterprise registering for an activity through its page (invented; the USCC's check digit is valid).
REGISTRANT = {
    "company_name": "广州市天河区云帆示例科技有限公司",
    "uscc": uscc("91", "440106", "MA5WEB001"),
    "contact_name": "李晓明",
    "mobile": "13712340001",
}
# An enterprise asking for a service, its contact on a landline: the code goes by e-mail.
REQUESTER = {
    "company_name": "广州市海珠区示例贸易有限公司",
    "uscc": uscc("91", "440105", "MA5WEB002"),
    "contact_name": "陈小红",
    "phone": "020-84001234",
    "email": "chen.xiaohong@example.com",
}
GROUNDS = "据了解，该单位实际在岗的专职服务人员只有一名，与申报材料中两名专职人员的情况不符。"


def demo(system: System) -> Api:
    """The demo on this system: its people read their codes on the system's SMS spool."""
    return Api({name: service.url for name, service in system.services.items()}, system.secret, system.sms_dir)


def quiet(_: str) -> None:
    """The demo's narration is for a terminal, not for the test log."""


async def looks_right(page: Page, shoot: Shoot, name: str) -> None:
    """No serious or critical accessibility violation, and screenshots for a person to look at."""
    assert await serious_violations(page) == []
    await shoot(page, name)


class Story:
    notice: dict[str, Any]


story = Story()


async def test_the_demo_publishes_its_notice(system: System) -> None:
    story.notice = await asyncio.to_thread(act_one, demo(system), quiet)
    assert story.notice["status"] == "published"


async def test_the_home_page_leads_to_every_public_service(page: Page, shoot: Shoot) -> None:
    await page.goto("/")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    for name in ("公示", "名录", "认定名单", "活动", "服务需求", "申请指南"):
        await expect(page.get_by_role("link", name=name).first).to_be_visible()
    await looks_right(page, shoot, "home")


async def test_the_notice_shows_the_shortlist_its_period_and_how_to_object(page: Page, shoot: Shoot) -> None:
    await page.goto("/notices")
    await expect(page.get_by_role("heading", level=1, name="拟认定名单公示")).to_be_visible()
    await looks_right(page, shoot, "notices")

    await page.goto(f"/notices/{story.notice['id']}")
    first = story.notice["entries"][0]
    await expect(page.get_by_text(first["entity_name"]).first).to_be_visible()
    await expect(page.get_by_text("如何提出异议")).to_be_visible()
    await expect(page.get_by_text("5个工作日").first).to_be_visible()
    await expect(page.get_by_role("link", name="在线提出异议")).to_be_visible()
    await looks_right(page, shoot, "notice")


async def test_an_objection_filed_through_the_form_reaches_the_bureau(page: Page, shoot: Shoot, system: System) -> None:
    target = story.notice["entries"][-1]
    await page.goto(f"/notices/{story.notice['id']}")
    await page.get_by_role("link", name="在线提出异议").click()

    await page.get_by_role("button", name="继续").click()  # nothing chosen: the error names the question
    await expect(page.get_by_role("alert").first).to_contain_text("请选择您有异议的申请单位")
    await page.get_by_label(target["entity_name"]).check()
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("请写明异议内容和理由").fill(GROUNDS)
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("个人", exact=True).check()
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("真实姓名").fill(OBJECTOR["real_name"])
    await page.get_by_label("居民身份证号码").fill(OBJECTOR["id_number"])
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("联系电话").fill(OBJECTOR["phone"])
    await page.get_by_role("button", name="继续").click()
    await expect(page.get_by_text(GROUNDS)).to_be_visible()
    await looks_right(page, shoot, "objection-check")
    await page.get_by_role("button", name="提交异议").click()

    await expect(page.get_by_role("heading", name="异议已提交")).to_be_visible()
    await expect(page.get_by_text("受理编号")).to_be_visible()
    await looks_right(page, shoot, "objection-filed")

    async def received() -> dict[str, Any] | None:
        params = {"notice_id": story.notice["id"], "limit": 200}
        found = (await system.review.get("/objections", params=params, headers=system.bureau)).json()
        mine = [o for o in found["items"] if o["target_application_id"] == target["application_id"]]
        return mine[0] if mine else None

    objection = await wait_until(received, what="the objection in review")

    async def told_the_bureau() -> bool:
        inbox = (await system.notifications.get("/inbox", headers=system.bureau)).json()
        return any(target["entity_name"] in (m.get("body") or "") for m in inbox["items"])

    await wait_until(told_the_bureau, what="the bureau's inbox message about the objection")
    # The bureau looks into it and finds nothing, so that the demo's final list can follow.
    resolved = await system.review.post(
        f"/objections/{objection['id']}/resolution",
        headers=system.bureau,
        json={"outcome": "not_upheld", "findings": "经核查，该单位现有专职服务人员两名，异议不成立。"},
    )
    assert resolved.status_code == 200, resolved.text


async def test_the_demo_finishes_its_year(system: System) -> None:
    assert await asyncio.to_thread(play_demo, demo(system), status_only=False) == 0


async def test_the_register_lists_the_recognised_stations_and_a_page_per_station(page: Page, shoot: Shoot) -> None:
    await page.goto("/stations")
    recognised = APPLICANTS[0]
    await expect(page.get_by_text(recognised.station_name).first).to_be_visible()
    await looks_right(page, shoot, "stations")
    await page.get_by_text(recognised.station_name).first.click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(recognised.station_name)
    await expect(page.get_by_text(recognised.contact[1])).to_have_count(0)  # no personal data
    await looks_right(page, shoot, "station")


async def test_the_final_list_shows_the_plaque_numbers(page: Page, shoot: Shoot) -> None:
    await page.goto("/final-lists")
    await looks_right(page, shoot, "final-lists")
    await page.goto(f"/final-lists/{story.notice['round_year']}")
    await expect(page.get_by_text("穗中小服站").first).to_be_visible()
    await looks_right(page, shoot, "final-list")


async def test_the_activities_and_themed_months_are_listed(page: Page, shoot: Shoot) -> None:
    await page.goto("/activities")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page.locator("main").get_by_role("link").first).to_be_visible()
    await looks_right(page, shoot, "activities")


async def an_activity_open_for_registration(system: System) -> dict[str, Any]:
    now = await system.now()
    listed = (await system.activities.get("/activities", params={"upcoming": "true", "limit": 200})).json()
    return next(
        activity
        for activity in listed["items"]
        if activity["places_left"] > 0 and datetime.fromisoformat(activity["starts_at"]) > now
    )


async def registered_count(system: System, activity_id: str) -> int:
    return int((await system.activities.get(f"/activities/{activity_id}")).json()["registered_count"])


async def test_a_registration_through_the_page_counts_only_once_its_code_is_entered(
    page: Page, shoot: Shoot, system: System
) -> None:
    activity = await an_activity_open_for_registration(system)
    before = activity["registered_count"]
    codes_before = len(system.codes_sent_to(REGISTRANT["mobile"]))
    await page.goto(f"/activities/{activity['id']}")
    await page.get_by_label("企业名称").fill(REGISTRANT["company_name"])
    await page.get_by_label("统一社会信用代码").fill(REGISTRANT["uscc"])
    await page.get_by_label("联系人姓名").fill(REGISTRANT["contact_name"])
    await page.get_by_label("联系电话").fill(REGISTRANT["mobile"])
    await page.get_by_role("button", name="提交报名").click()

    await expect(page.get_by_role("heading", name="输入验证码")).to_be_visible()
    await expect(page.get_by_text("137****0001")).to_be_visible()  # where the code went, masked
    code = await system.next_code_to(REGISTRANT["mobile"], after=codes_before)
    assert await registered_count(system, activity["id"]) == before  # a pending registration takes no place
    await looks_right(page, shoot, "activity-code")

    # The service refuses a wrong code; its refusal appears on the code field.
    await page.get_by_label("验证码").fill(f"{(int(code) + 1) % 1_000_000:06d}")
    await page.get_by_role("button", name="确认提交").click()
    await expect(page.locator("#field-code-error")).to_contain_text("验证码不正确，还可尝试 4 次")
    await expect(page.get_by_label("验证码")).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_role("link", name="验证码不正确，还可尝试 4 次")).to_be_visible()  # the error summary
    assert await registered_count(system, activity["id"]) == before

    await page.get_by_label("验证码").fill(code)
    await page.get_by_role("button", name="确认提交").click()
    await expect(page.get_by_role("heading", name="报名成功")).to_be_visible()
    assert await registered_count(system, activity["id"]) == before + 1
    await expect(page.get_by_text(f"已报名 {before + 1} 个")).to_be_visible()  # the page counts it too
    await looks_right(page, shoot, "activity-registered")


async def test_a_service_request_through_the_pages_reaches_a_station_once_confirmed(
    page: Page, shoot: Shoot, system: System
) -> None:
    codes_before = len(system.codes_sent_to(REQUESTER["email"]))
    await page.goto("/service-requests/new")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await looks_right(page, shoot, "service-request")
    await page.get_by_label("企业名称").fill(REQUESTER["company_name"])
    await page.get_by_label("统一社会信用代码").fill(REQUESTER["uscc"])
    await page.get_by_label("企业所在区").select_option("440105")
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("融资服务").check()
    await page.get_by_label("需求描述").fill("计划申请知识产权质押贷款约300万元，希望对接合作银行。")
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("由系统匹配服务站（推荐）").check()
    await page.get_by_role("button", name="继续").click()
    await page.get_by_label("联系人姓名").fill(REQUESTER["contact_name"])
    await page.get_by_label("联系电话").fill(REQUESTER["phone"])
    await page.get_by_role("button", name="继续").click()
    # A landline cannot receive a text: the code needs an e-mail address, asked for on its field.
    await expect(page.locator("#field-contact_email-error")).to_contain_text("请填写电子邮箱")
    await page.get_by_label("电子邮箱").fill(REQUESTER["email"])
    await page.get_by_role("button", name="继续").click()
    await page.get_by_role("button", name="提交需求").click()

    await expect(page.get_by_role("heading", name="输入验证码")).to_be_visible()
    await expect(page.get_by_text("电子邮件发送至")).to_be_visible()
    code = await system.next_code_to(REQUESTER["email"], after=codes_before)
    await page.get_by_label("验证码").fill(code)
    await page.get_by_role("button", name="确认提交").click()
    await expect(page.get_by_role("heading", name="服务需求已提交")).to_be_visible()
    await expect(page.get_by_text("您的需求将由")).to_be_visible()  # routed to a station now

    await page.get_by_role("link", name="查询办理进度").click()
    await page.get_by_label("统一社会信用代码").fill(REQUESTER["uscc"])  # the reference is filled in already
    await page.get_by_role("button", name="查询").click()
    await expect(page.get_by_text("当前状态")).to_be_visible()
    await looks_right(page, shoot, "service-request-progress")


async def test_the_guide_explains_the_procedure_and_the_rounds_window(page: Page, shoot: Shoot) -> None:
    await page.goto("/guide")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page.get_by_text("5个工作日").first).to_be_visible()
    await looks_right(page, shoot, "guide")
