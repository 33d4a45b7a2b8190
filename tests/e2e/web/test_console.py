"""The console in a real browser, through the gateway, on the demo's programme year.

The demo's first act fills the system; then each role signs in through the development sign-in
page in turn and finds exactly its own menu, a 403 on another role's page typed into the address
bar, its own messages in the inbox with their unread count in the header, and the count going
down as a message is marked read. Screenshots of the sign-in page and of an officer's console.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from playwright.async_api import Page, expect

from demo.acts import act_one
from demo.api import Api
from demo.cast import APPLICANTS, EXPERTS, OFFICIALS
from sme_kit.testing import wait_until

from ..system import System
from .conftest import Shoot, serious_violations
from .console import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

COMMON = ["工作台首页", "站内信", "通知设置"]
MENUS = {
    "station_operator": ["我的申请", "服务站", "活动", "推广", "服务需求", "考核"],
    "district_officer": ["申请审核", "本区服务站", "本区需求", "考核"],
    "head_station_staff": ["评审", "专家库", "公示与异议", "主题月", "培训", "服务需求", "推广任务", "考核", "统计"],
    "expert": ["我的评审任务"],
    "bureau_admin": ["审定与公示", "认定名单", "考核与撤销", "工作日历", "统计", "操作记录"],
    "platform_operator": ["投递记录", "系统状态"],
}
# Whom each role signs in as (the demo's people), and a page of another role it types in.
OPERATOR = APPLICANTS[0]
PEOPLE = {
    "bureau_admin": ("bureau-chen", "陈卫东", "/console/head-station/experts"),
    "head_station_staff": ("hs-liang", "梁嘉颖", "/console/bureau/final-lists"),
    "district_officer": ("district-440106", "刘建平", "/console/bureau/statistics"),
    "expert": ("expert-lin", "林晓明", "/console/district/reviews"),
    "station_operator": (f"operator-{OPERATOR.uscc}", OPERATOR.entity_name, "/console/expert/tasks"),
    "platform_operator": ("platform-feng", "冯志远", "/console/station/applications"),
}
ROLE_NAMES = {
    "bureau_admin": "市工业和信息化局",
    "head_station_staff": "服务总站",
    "district_officer": "区级主管部门 · 天河区",
    "expert": "评审专家",
    "station_operator": "服务站运营单位 · 天河区",
    "platform_operator": "平台运维",
}


def demo(system: System) -> Api:
    return Api({name: service.url for name, service in system.services.items()}, system.secret, system.sms_dir)


def quiet(_: str) -> None:
    """The demo's narration is for a terminal, not for the test log."""


async def token_of(system: System, subject: str) -> dict[str, str]:
    """The development sign-in's own token for this person (what the browser gets)."""
    answer = await system.notifications.post("/dev/tokens", json={"subject": subject})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def unread_of(system: System, subject: str) -> int:
    answer = await system.notifications.get("/inbox/unread-count", headers=await token_of(system, subject))
    assert answer.status_code == 200, answer.text
    return int(answer.json()["unread_count"])


def bell(page: Page) -> Any:
    return page.get_by_role("link", name=re.compile(r"^站内信"))


async def test_the_demo_fills_the_system(system: System) -> None:
    notice = await asyncio.to_thread(act_one, demo(system), quiet)
    assert notice["status"] == "published"

    # The messages of act one arrive through Kafka: wait until every inbox has stopped growing.
    async def counts() -> dict[str, int]:
        return {role: await unread_of(system, subject) for role, (subject, _, _) in PEOPLE.items()}

    previous: dict[str, int] = {}

    async def settled() -> bool:
        nonlocal previous
        now = await counts()
        steady = now == previous and all(now[r] > 0 for r in PEOPLE if r != "platform_operator")
        previous = now
        return steady

    await wait_until(settled, timeout=60, interval=1.5, what="every inbox of the demo's people to settle")


async def test_the_sign_in_page_lists_the_demo_s_people_by_role(page: Page, shoot: Shoot) -> None:
    await page.goto("/console")
    await expect(page).to_have_url(re.compile(r"/console/sign-in\?redirect=(/|%2F)console$"))
    for heading in ("市工业和信息化局工作人员", "服务总站工作人员", "区级民营和中小企业主管部门", "评审专家"):
        await expect(page.get_by_role("heading", name=re.compile(heading))).to_be_visible()
    await expect(page.get_by_role("heading", name=re.compile("申请单位和服务站运营单位"))).to_be_visible()
    await expect(page.get_by_role("heading", name=re.compile("平台运维人员"))).to_be_visible()
    officials = [name for name, _, _ in OFFICIALS.values()] + [name for name, *_ in EXPERTS.values()]
    for name in officials + [applicant.entity_name for applicant in APPLICANTS]:
        await expect(page.get_by_role("button", name=re.compile(re.escape(name)))).to_have_count(1)
    await expect(page.locator('[data-role="district_officer"]')).to_contain_text("天河区")
    text = await page.locator("main").inner_text()
    personal = [a.contact[1] for a in APPLICANTS] + [a.email for a in APPLICANTS] + ["@gz.gov.example.cn"]
    assert [value for value in personal if value in text] == []

    await page.get_by_role("textbox", name="查找人员").fill("番禺")
    await expect(page.get_by_role("button", name=re.compile("胡晓红"))).to_be_visible()
    await expect(page.get_by_role("button", name=re.compile("刘建平"))).to_have_count(0)
    await page.get_by_role("textbox", name="查找人员").fill("")
    await page.get_by_role("textbox", name="查找人员").blur()

    assert await serious_violations(page) == []
    await shoot(page, "console-sign-in")


@pytest.mark.parametrize("role", list(PEOPLE))
async def test_each_role_has_its_own_menu_a_403_elsewhere_and_its_own_inbox(
    page: Page, system: System, role: str
) -> None:
    subject, name, foreign = PEOPLE[role]
    await page.goto("/console")
    await sign_in(page, name)
    await expect(page).to_have_url(re.compile(r"/console$"))
    await expect(page.get_by_test_id("console-person")).to_contain_text(ROLE_NAMES[role])

    entries = page.locator("aside [data-menu-entry]")
    await expect(entries).to_have_count(len(COMMON) + len(MENUS[role]))
    assert [t.strip() for t in await entries.all_inner_texts()] == COMMON + MENUS[role]

    # An address typed in is a new page: the session, kept in memory only, is asked for again,
    # and the page asked for shows 403 (the address stays) instead of another role's page.
    await page.goto(foreign)
    await expect(page).to_have_url(re.compile(r"/console/sign-in\?redirect="))
    await sign_in(page, name)
    await expect(page).to_have_url(re.compile(re.escape(foreign) + "$"))
    await expect(page.get_by_role("heading", level=1, name="无权访问此页面")).to_be_visible()
    await expect(page.locator('[data-status="403"]')).to_be_visible()
    assert [t.strip() for t in await entries.all_inner_texts()] == COMMON + MENUS[role]

    # The inbox: the person's messages, newest first, the unread count in the header.
    headers = await token_of(system, subject)
    expected = (await system.notifications.get("/inbox", params={"limit": 20}, headers=headers)).json()
    unread = expected["unread_count"]
    await bell(page).click()
    await expect(page.get_by_role("heading", level=1, name="站内信")).to_be_visible()
    await expect(bell(page)).to_have_accessible_name(f"站内信，{unread} 条未读" if unread else "站内信")
    if not expected["items"]:
        await expect(page.get_by_text("暂无站内信")).to_be_visible()
        return
    titles = page.locator(".inbox__title")
    await expect(titles).to_have_count(len(expected["items"]))
    shown = [t.replace("未读：", "").strip() for t in await titles.all_inner_texts()]
    assert shown == [m["title"] for m in expected["items"]]

    first_unread = next(m for m in expected["items"] if not m["read"])
    row = page.locator(f'[data-message-id="{first_unread["id"]}"]')
    await row.get_by_role("button", name="标为已读").click()
    await expect(row.get_by_role("button", name="标为未读")).to_be_visible()
    await expect(bell(page)).to_have_accessible_name(f"站内信，{unread - 1} 条未读" if unread > 1 else "站内信")
    await expect(page.get_by_test_id("inbox-unread-summary")).to_contain_text(str(unread - 1) if unread > 1 else "没有")
    assert await unread_of(system, subject) == unread - 1


async def test_an_officer_s_console_reads_its_messages_and_signs_out(page: Page, shoot: Shoot, system: System) -> None:
    subject, name, _ = PEOPLE["district_officer"]
    await page.goto("/console")
    await sign_in(page, name)
    await expect(page.get_by_role("heading", level=1, name=f"您好，{name}")).to_be_visible()
    await expect(page.locator(".console-home__function")).to_have_count(len(MENUS["district_officer"]))
    assert await serious_violations(page) == []
    await shoot(page, "console-officer-home")

    await bell(page).click()
    await expect(page.locator(".inbox__item").first).to_be_visible()
    assert await serious_violations(page) == []
    await shoot(page, "console-officer-inbox")

    # Opening a message reads it; the count in the header follows.
    before = await unread_of(system, subject)
    unread_row = page.locator(".inbox__item--unread").first
    title = (await unread_row.locator(".inbox__title").inner_text()).replace("未读：", "").strip()
    await unread_row.locator(".inbox__title").click()
    await expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    await expect(page.get_by_role("button", name="标为未读")).to_be_visible()
    await expect(bell(page)).to_have_accessible_name(f"站内信，{before - 1} 条未读" if before > 1 else "站内信")
    await shoot(page, "console-officer-message")

    await page.locator('aside [data-menu-entry="district-reviews"]').click()
    await expect(page.get_by_role("heading", level=1, name="申请审核")).to_be_visible()
    await expect(page.get_by_role("tab", name=re.compile(r"^待初审"))).to_be_visible()

    await page.get_by_role("button", name="退出登录").click()
    await expect(page).to_have_url(re.compile(r"/console/sign-in"))
    await expect(page.get_by_text("您已退出登录")).to_be_visible()
    await page.goto("/console/inbox")
    await expect(page).to_have_url(re.compile(r"/console/sign-in\?redirect="))
