"""我的申请 in a real browser, on the real services: an applicant's whole way through the form.

A round is open on the services' clock; a new Guangzhou applicant, known to the sign-in list by
its notice contact, signs in, fills in every section of the application form, uploads its
materials (progress shown; an .exe and a file over 20 MB refused before upload), saves a draft,
leaves for the inbox, comes back from the list to its data, and submits. 天河区's officer, signed
in, finds it in the queue and returns it with a reason; the applicant reads the reason on the
application's page, corrects and resubmits; the officer forwards it, review opens the case, and
the applicant's timeline shows expert review.
Then an individual business (type 92) and an entity registered in Shenzhen try to apply: the
eligibility error is on the USCC field, nothing is saved, and registry holds nothing of them.
Every screen of the applicant is scanned by axe and photographed at phone and desktop width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import FilePayload, Locator, Page, expect

from .. import programme
from ..programme import Applicant, Application
from ..system import System
from .conftest import Shoot, serious_violations
from .console import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

APPLICANT = Applicant(
    organisation_code="MA5WEB0A1",
    entity_name="广州市天河区汇才企业服务有限公司",
    district_code="440106",
    station_name="广州市民营和中小企业服务站（天河汇才）",
    address="广州市天河区体育西路 191 号",
    legal_representative="黄志强",
    contact_name="林晓燕",
    contact_phone="13512345678",
    email="linxy@huicai.example.cn",
)
RETURN_REASON = "请补充专职人员劳动合同及近三个月社保缴纳证明"
FORWARD_OPINION = "材料齐全，符合申报条件，同意上报"
OFFICER = ("district-440106", "刘建平")  # 天河区's officer, listed by the development sign-in
PDF = programme.PDF
PNG = programme.PNG


@dataclass(frozen=True)
class IndividualBusiness(Applicant):
    """A 个体工商户: its code's entity type is 92, and it has no legal-person status."""

    @property
    def uscc(self) -> str:
        return programme.uscc(self.district_code, self.organisation_code, entity_type="92")


INDIVIDUAL = IndividualBusiness(
    organisation_code="L23456789",
    entity_name="广州市天河区陈记便利店",
    district_code="440106",
    station_name="—",
    address="广州市天河区石牌西路 1 号",
    legal_representative="陈记",
    contact_name="陈记",
    contact_phone="13600000001",
    email="chenji@example.cn",
)
SHENZHEN = Applicant(
    organisation_code="MA5FQH001",
    entity_name="深圳市南山区前海企业服务有限公司",
    district_code="440300",
    station_name="—",
    address="深圳市南山区科技园 1 号",
    legal_representative="吴海",
    contact_name="吴海",
    contact_phone="13600000002",
    email="wuhai@example.cn",
)

INDIVIDUAL_MESSAGE = "个体工商户（统一社会信用代码以 92 开头）不具备法人资格，不能申请认定服务站"
SHENZHEN_MESSAGE = "申请单位须在广州注册：统一社会信用代码第 3–8 位（登记管理机关行政区划码）为 440300，不属于广州市"

# What one step leaves for the next (the steps share one system, in file order).
state: dict[str, Any] = {}


async def sign_in_as(page: Page, applicant: Applicant) -> None:
    """The development sign-in: the organisation's operator (listed by its notice contact)."""
    await expect(page.get_by_role("heading", level=1, name="登录工作台")).to_be_visible()
    await page.locator(f'button[data-subject="operator-{applicant.uscc}"]').click()
    await expect(page.get_by_test_id("console-person")).to_be_visible()


async def open_as(page: Page, applicant: Applicant, path: str) -> None:
    await page.goto(path)
    await sign_in_as(page, applicant)
    await expect(page).to_have_url(re.compile(re.escape(path.split("?")[0])))


async def screen(page: Page, shoot: Shoot, name: str) -> None:
    """The screen as it stands: no serious accessibility failure, photographed at both widths (from
    its top, so that the header is where a person sees it). The pointer is moved off the button it
    last pressed: a hovered button is a passing state, not the screen."""
    await page.mouse.move(1, 1)
    assert await serious_violations(page) == [], name
    await page.evaluate("window.scrollTo(0, 0)")
    await shoot(page, name)


def payload(name: str, mime: str, content: bytes) -> FilePayload:
    """A file the browser's file chooser is given (no file on disk)."""
    return {"name": name, "mimeType": mime, "buffer": content}


def field(page: Page, path: str) -> Locator:
    return page.locator("#app-" + re.sub(r"[._]", "-", path))


def field_error(page: Page, path: str) -> Locator:
    return page.locator("#app-" + re.sub(r"[._]", "-", path) + "-error")


async def choose(page: Page, path: str, option: str) -> None:
    """An Element Plus select: open it, pick the option by its words."""
    await field(page, path).click(force=True)  # the placeholder lies over the select's input
    await page.locator(".el-select-dropdown__item:visible", has_text=option).first.click()


async def next_section(page: Page, title: str) -> None:
    await page.get_by_role("button", name="保存并继续").click()
    await expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()


async def registry_applications(system: System, applicant: Applicant) -> dict[str, Any]:
    answer = await system.registry.get("/applications", headers=system.operator(applicant.uscc))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


# The first step starts the five services and builds the application (minutes on a busy 2-core
# machine); the second fills in the whole form, screen by screen, with an upload on a slow line.
@pytest.mark.timeout(900)
async def test_a_round_is_open_and_a_new_applicant_is_known(system: System, web_dist: Path) -> None:
    assert (web_dist / "index.html").is_file()
    today = await system.today()
    await programme.open_round(
        system, today.year, today - timedelta(days=5), today + timedelta(days=20), today + timedelta(days=30)
    )
    for applicant in (APPLICANT, INDIVIDUAL, SHENZHEN):
        await programme.set_contact(system, applicant)
    subject, name = OFFICER
    official = {
        "name": name,
        "role": "district_officer",
        "district_code": APPLICANT.district_code,
        "email": f"{subject}@gz.gov.example.cn",
    }
    url = f"/directory/officials/{subject}"
    programme.ok(await system.notifications.put(url, json=official, headers=system.bureau))
    assert (await registry_applications(system, APPLICANT))["total"] == 0


@pytest.mark.timeout(900)
async def test_the_applicant_fills_in_every_section_saves_a_draft_and_comes_back_to_it(
    page: Page, shoot: Shoot, system: System, tmp_path: Path
) -> None:
    await open_as(page, APPLICANT, "/console/station/applications")
    await expect(page.get_by_role("heading", level=1, name="我的申请")).to_be_visible()
    round_card = page.get_by_test_id("current-round")
    await expect(round_card).to_contain_text("正在受理")
    await expect(page.get_by_test_id("applications-table")).to_contain_text("本单位还没有申请记录。")
    await screen(page, shoot, "applicant-list-empty")

    await page.get_by_role("link", name="新建申请").click()
    await expect(page.get_by_role("heading", level=1, name="新建服务站认定申请")).to_be_visible()
    # 申请单位: the code is the signed-in organisation's, and names its district.
    await expect(field(page, "uscc")).to_have_value(APPLICANT.uscc)
    await field(page, "entity_name").fill(APPLICANT.entity_name)
    await field(page, "legal_representative").fill(APPLICANT.legal_representative)
    await field(page, "registered_address").fill(APPLICANT.address + " 801 室")
    await expect(page.locator(".el-select__selected-item", has_text="天河区").first).to_be_visible()
    await screen(page, shoot, "applicant-form-applicant")
    await next_section(page, "服务场所")
    await expect(page).to_have_url(re.compile(r"/console/station/applications/[0-9a-f-]{36}/edit\?section=premises$"))
    state["id"] = page.url.split("/applications/")[1].split("/")[0]

    await field(page, "station_name").fill(APPLICANT.station_name)
    await field(page, "station_address").fill(APPLICANT.address + " 1 楼服务大厅")
    await field(page, "office_area_sqm").fill("二百")
    await field(page, "office_area_sqm").blur()
    await expect(field_error(page, "office_area_sqm")).to_have_text("请填写 0 至 1,000,000 之间的数字")
    await field(page, "office_area_sqm").fill("260")
    await expect(field_error(page, "office_area_sqm")).to_have_count(0)
    await screen(page, shoot, "applicant-form-premises")
    await next_section(page, "服务能力与经验")

    await choose(page, "operator_type", "中小企业服务中心")
    for service in ("信息服务", "法律服务", "融资服务"):
        await page.locator("label.el-checkbox", has_text=service).click()
        await expect(page.get_by_role("checkbox", name=service)).to_be_checked()
    await field(page, "personalised_services").fill("专精特新企业成长辅导")
    await field(page, "industries").fill("新一代信息技术、先进制造业")
    await field(page, "service_area").fill("天河区体育中心、珠江新城片区")
    await field(page, "service_experience").fill("近三年为辖区 300 余家中小企业提供政策咨询、融资对接与法律服务")
    await page.get_by_role("button", name="添加入驻机构").click()
    await field(page, "resident_institutions.0.name").fill("广州某律师事务所")
    await field(page, "resident_institutions.0.services").fill("法律咨询、合同审查")
    await screen(page, shoot, "applicant-form-capability")
    await next_section(page, "管理制度")

    await field(page, "management_system").fill("服务站工作制度、服务台账制度、服务质量回访制度；设站长、服务专员")
    await screen(page, shoot, "applicant-form-management")
    await next_section(page, "人员")

    await field(page, "contact.name").fill(APPLICANT.contact_name)
    await field(page, "contact.phone").fill(APPLICANT.contact_phone)
    await field(page, "contact.email").fill(APPLICANT.email)
    for index, (name, role, phone) in enumerate(APPLICANT.staff):
        await field(page, f"staff.{index}.name").fill(name)
        await field(page, f"staff.{index}.role").fill(role)
        await field(page, f"staff.{index}.phone").fill(phone)
    # Fewer than 2 full-time staff shows on the list as soon as a row goes.
    await page.get_by_role("button", name="删除专职工作人员 2").click()
    await expect(field_error(page, "staff")).to_have_text("须配备不少于 2 名专职工作人员，当前填报 1 名")
    await page.get_by_role("button", name="添加工作人员").click()
    name, role, phone = APPLICANT.staff[1]
    await field(page, "staff.1.name").fill(name)
    await field(page, "staff.1.role").fill(role)
    await field(page, "staff.1.phone").fill("1390013")
    await field(page, "staff.1.phone").blur()
    await expect(field_error(page, "staff.1.phone")).to_contain_text("电话号码格式不正确")
    await field(page, "staff.1.phone").fill(phone)
    await expect(field_error(page, "staff.1.phone")).to_have_count(0)
    await expect(field_error(page, "staff")).to_have_count(0)
    await expect(page.get_by_text("已填报 2 名专职工作人员。")).to_be_visible()
    await screen(page, shoot, "applicant-form-people")
    await next_section(page, "附件")

    # Refused before a byte is sent: a program, and a file over 20 MB.
    await page.get_by_test_id("file-business_licence").set_input_files(
        files=[payload("setup.exe", "application/x-msdownload", b"MZ\x90\x00" + b"\x00" * 64)]
    )
    await expect(field_error(page, "attachments.business_licence")).to_have_text(
        "“setup.exe”不是可接受的文件类型：仅接受 PDF、PNG、JPEG、DOCX 文件"
    )
    big = tmp_path / "营业执照（扫描件）.pdf"
    big.write_bytes(PDF + b"0" * (20 * 1024 * 1024))
    await page.get_by_test_id("file-business_licence").set_input_files(big)
    await expect(field_error(page, "attachments.business_licence")).to_contain_text("超过 20 MB 上限")
    assert await attachments_of(system, state["id"]) == []

    # A PDF on a slow line: its progress shows while it goes.
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 256 * 1024},
    )
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(PDF + b"0" * (2 * 1024 * 1024))
    await page.get_by_test_id("file-business_licence").set_input_files(licence)
    progress = page.get_by_role("progressbar", name="营业执照.pdf 上传进度")
    await expect(progress).to_be_visible()
    await expect(page.get_by_test_id("upload-progress")).to_contain_text("正在上传 营业执照.pdf")
    await shoot(page, "applicant-form-uploading")
    await expect(page.locator('[data-kind="business_licence"] .attachment__file')).to_contain_text(
        "营业执照.pdf", timeout=60_000
    )
    await cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    await expect(field_error(page, "attachments.business_licence")).to_have_count(0)
    uploads = {
        "premises_proof": ("场地照片.png", PNG),
        "management_system": ("管理制度.pdf", PDF),
        "staff_proof": ("劳动合同.pdf", PDF),
    }
    for kind, (filename, content) in uploads.items():
        mime = "image/png" if filename.endswith(".png") else "application/pdf"
        await page.get_by_test_id(f"file-{kind}").set_input_files(files=[payload(filename, mime, content)])
        await expect(page.locator(f'[data-kind="{kind}"] .attachment__file')).to_contain_text(filename)
    await screen(page, shoot, "applicant-form-attachments")
    assert sorted(a["kind"] for a in await attachments_of(system, state["id"])) == [
        "business_licence",
        "management_system",
        "premises_proof",
        "staff_proof",
    ]

    await page.get_by_test_id("save-draft").click()
    await expect(page.get_by_text("草稿已保存，可随时从“我的申请”继续填写。")).to_be_visible()

    # Away to the inbox, and back from the list: the draft holds what was typed.
    await page.locator('aside [data-menu-entry="console-inbox"]').click()
    await expect(page.get_by_role("heading", level=1, name="站内信")).to_be_visible()
    await page.locator('aside [data-menu-entry="station-applications"]').click()
    table = page.get_by_test_id("applications-table")
    await expect(table).to_contain_text("草稿")
    await expect(table).to_contain_text(APPLICANT.entity_name)
    await screen(page, shoot, "applicant-list-draft")
    await page.get_by_role("link", name=f"继续填写“{APPLICANT.entity_name}”的申请").click()
    await expect(field(page, "entity_name")).to_have_value(APPLICANT.entity_name)
    await expect(field(page, "uscc")).to_be_disabled()
    await page.get_by_role("link", name=re.compile("人员")).click()
    await expect(field(page, "staff.1.name")).to_have_value(APPLICANT.staff[1][0])
    await expect(field(page, "contact.email")).to_have_value(APPLICANT.email)

    await page.get_by_role("link", name=re.compile("核对并提交")).click()
    await expect(page.get_by_role("heading", level=2, name="核对并提交")).to_be_visible()
    answers = page.locator(".readout")
    for shown in (APPLICANT.uscc, APPLICANT.station_name, "260 平方米", "法律服务", "广州某律师事务所", "劳动合同.pdf"):
        await expect(answers).to_contain_text(shown)
    await screen(page, shoot, "applicant-form-check-answers")

    # The declaration is needed; the summary says so and links to it.
    await page.get_by_role("button", name="提交申请").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary).to_contain_text("请确认所填信息和所附材料真实、准确、完整")
    await page.get_by_text("我已核对以上内容，确认真实、准确、完整").click()
    await page.get_by_role("button", name="提交申请").click()
    dialog = page.get_by_role("dialog", name="提交申请")
    await expect(dialog).to_contain_text("天河区民营和中小企业主管部门初审")
    await dialog.get_by_role("button", name="确定提交").click()
    await expect(page).to_have_url(re.compile(rf"/console/station/applications/{state['id']}$"))
    await expect(page.locator('[data-status="submitted"]')).to_have_text("待区级初审")
    await expect(page.locator('[data-stage="district"]')).to_have_attribute("data-state", "current")
    await screen(page, shoot, "applicant-application-submitted")


async def attachments_of(system: System, application_id: str) -> list[dict[str, Any]]:
    answer = await system.registry.get(
        f"/applications/{application_id}/attachments", headers=system.operator(APPLICANT.uscc)
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def test_the_district_officer_finds_it_in_the_queue_and_returns_it_with_a_reason(
    page: Page, shoot: Shoot, system: System
) -> None:
    await page.goto("/console/district/reviews")
    await sign_in(page, OFFICER[1])
    await page.get_by_role("tab", name=re.compile(r"^待初审")).click()
    row = page.locator(".el-table__body tbody tr", has_text=APPLICANT.entity_name)
    await expect(row).to_contain_text(APPLICANT.uscc)
    await row.get_by_role("link", name=APPLICANT.entity_name).click()
    await expect(page.get_by_role("heading", level=1, name=APPLICANT.entity_name)).to_be_visible()
    await expect(page.get_by_test_id("attachments")).to_contain_text("营业执照.pdf")

    await page.get_by_role("button", name="退回补正").click()
    dialog = page.get_by_role("dialog", name="退回补正")
    await dialog.get_by_label("第 1 条").fill(RETURN_REASON)
    await dialog.get_by_role("button", name="下一步：确认").click()
    confirm = page.get_by_role("dialog", name="确认退回补正")
    await expect(confirm.get_by_test_id("notice-reasons")).to_have_text(RETURN_REASON)
    await screen(page, shoot, "applicant-officer-return")
    await confirm.get_by_role("button", name="确认退回补正").click()
    await expect(page.get_by_test_id("application-status")).to_have_text("退回补正")
    assert (await programme.application_view(system, Application(APPLICANT, state["id"])))["status"] == "returned"


async def test_the_applicant_reads_the_reason_corrects_and_resubmits(page: Page, shoot: Shoot) -> None:
    await open_as(page, APPLICANT, f"/console/station/applications/{state['id']}")
    notice = page.get_by_test_id("returned-notice")
    await expect(notice).to_contain_text(RETURN_REASON)
    await expect(notice).to_contain_text("天河区民营和中小企业主管部门")
    await expect(page.locator('[data-stage="district"]')).to_have_attribute("data-state", "returned")
    await screen(page, shoot, "applicant-application-returned")

    await page.get_by_test_id("resubmit").click()
    await expect(page.get_by_role("heading", level=1, name="修改并重新提交申请")).to_be_visible()
    await expect(page.get_by_test_id("returned-notice")).to_contain_text(RETURN_REASON)
    await page.get_by_role("link", name=re.compile("附件")).click()
    await page.get_by_test_id("file-staff_proof").set_input_files(
        files=[payload("社保缴纳证明.pdf", "application/pdf", PDF)]
    )
    await expect(page.locator('[data-kind="staff_proof"] .attachment__file')).to_have_count(2)
    await screen(page, shoot, "applicant-form-returned-attachments")
    await page.get_by_role("link", name=re.compile("核对并提交")).click()
    await page.get_by_text("我已核对以上内容，确认真实、准确、完整").click()
    await page.get_by_role("button", name="重新提交申请").click()
    await page.get_by_role("dialog", name="提交申请").get_by_role("button", name="确定提交").click()
    await expect(page.locator('[data-status="submitted"]')).to_have_text("待区级初审")
    await expect(page.get_by_text("（共提交 2 次）")).to_be_visible()


async def test_the_officer_forwards_it_and_review_opens_the_case(page: Page, shoot: Shoot, system: System) -> None:
    await page.goto(f"/console/district/reviews/{state['id']}")
    await sign_in(page, OFFICER[1])
    await expect(page.get_by_test_id("application-status")).to_have_text("待区级初审")
    await expect(page.get_by_test_id("decision-history")).to_contain_text(RETURN_REASON)
    await page.get_by_role("button", name="上报市工业和信息化局").click()
    dialog = page.get_by_role("dialog", name="上报市工业和信息化局")
    await dialog.get_by_label("初审意见").fill(FORWARD_OPINION)
    await dialog.get_by_role("button", name="下一步：确认").click()
    confirm = page.get_by_role("dialog", name="确认上报市工业和信息化局")
    await confirm.get_by_role("button", name="确认上报市工业和信息化局").click()
    await expect(page.get_by_test_id("application-status")).to_have_text("已上报市工业和信息化局")
    state["case_id"] = await programme.case_opened(system, Application(APPLICANT, state["id"]))


async def test_the_timeline_shows_it_in_expert_review(page: Page, shoot: Shoot) -> None:
    await open_as(page, APPLICANT, f"/console/station/applications/{state['id']}")
    progress = page.get_by_test_id("application-progress")
    await expect(page.locator('[data-stage="submitted"]')).to_have_attribute("data-state", "done")
    await expect(page.locator('[data-stage="district"]')).to_have_attribute("data-state", "done")
    await expect(page.locator('[data-stage="expert"]')).to_have_attribute("data-state", "current")
    await expect(page.locator('[data-stage="notice"]')).to_have_attribute("data-state", "waiting")
    await expect(progress).to_contain_text("服务总站正在组织专家评审。")
    await expect(progress).to_contain_text(f"初审意见：{FORWARD_OPINION}")
    await expect(page.locator('[data-status="forwarded"]')).to_be_visible()
    await screen(page, shoot, "applicant-application-timeline")

    await page.get_by_role("link", name=re.compile("返回我的申请")).click()
    await expect(page.get_by_test_id("current-round")).to_contain_text("已有在办申请")
    await screen(page, shoot, "applicant-list-in-progress")


@pytest.mark.parametrize(
    ("applicant", "message", "shot"),
    [
        (INDIVIDUAL, INDIVIDUAL_MESSAGE, "applicant-ineligible-individual"),
        (SHENZHEN, SHENZHEN_MESSAGE, "applicant-ineligible-shenzhen"),
    ],
    ids=["individual-business", "shenzhen"],
)
async def test_an_entity_that_may_not_apply_is_told_on_its_code_and_nothing_is_stored(
    page: Page, shoot: Shoot, system: System, applicant: Applicant, message: str, shot: str
) -> None:
    await open_as(page, applicant, "/console/station/applications")
    await expect(page.get_by_text("本单位不符合申请条件")).to_be_visible()
    await expect(page.get_by_role("link", name="新建申请")).to_have_count(0)

    await page.goto("/console/station/applications/new")
    await sign_in_as(page, applicant)
    await expect(field_error(page, "uscc")).to_have_text(message)
    # Typed again and left, it says the same.
    await field(page, "uscc").fill("")
    await field(page, "uscc").fill(applicant.uscc)
    await field(page, "uscc").blur()
    await expect(field_error(page, "uscc")).to_have_text(message)
    await field(page, "entity_name").fill(applicant.entity_name)
    await page.get_by_test_id("save-draft").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary.get_by_role("link", name=message)).to_be_visible()
    await page.get_by_role("button", name="保存并继续").click()
    await expect(page).to_have_url(re.compile(r"/console/station/applications/new"))
    await screen(page, shoot, shot)

    # Nor would the service keep it, were the form bypassed.
    # (It names Tianhe as its district: only the code itself is wrong.)
    body = {**applicant.form(), "district_code": "440106", "station_district_code": "440106"}
    refused = await system.registry.post("/applications", json=body, headers=system.operator(applicant.uscc))
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["uscc"]
    assert (await registry_applications(system, applicant))["total"] == 0
