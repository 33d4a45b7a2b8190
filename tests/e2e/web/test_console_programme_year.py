"""The second half of a programme year, by clicking: one story, one system, in a real browser.

The services' clocks start on Tuesday 1 December 2026. Two applications of the 2026 round, one of
天河区 and one of 海珠区, have been forwarded by their districts, and the round asks for two experts
per case. In the browser: the head station assigns three experts to the Tianhe case; one declares a
conflict and the case leaves that expert's list; the other two score every criterion and submit; the
head station recommends the case and (the Haizhu case reviewed on the API) reports the round to the
bureau. The bureau fixes the shortlist and publishes the notice, the dialog showing the period the
statutory calendar gives (Tuesday 1 to Monday 7 December: five working days). A citizen objects to
the Haizhu applicant through the public notice's form; the bureau reads who objected and upholds
it; the head station reads the objection without its objector, as the review service answers it.
Once the period is over the bureau publishes the final list: the Tianhe station is on the public
register and its operator's inbox says it is recognised.

Then the 2026 assessment: the bureau opens the cycle, scores the station's 企业满意度 by hand, and
publishes: the station is 不合格. Its operator reports its rectification in the console; the bureau
re-assesses it as still unqualified, sees the service's own proposal on ground 6 and revokes; the
public register no longer lists the station, and the operator's inbox says why.

Every screen: no serious or critical accessibility violation, screenshots at phone and desktop width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from playwright.async_api import Page, expect

from .. import programme as p
from ..system import System, at
from .conftest import Shoot
from .console import choose, confirm, fill_date, looks_right, open_signed_in, people, pick, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

YEAR = 2026
BUREAU = ("bureau-chen", "陈卫东", "bureau_admin")
HEAD_STATION = ("hs-liang", "梁嘉颖", "head_station_staff")
EXPERT_A = ("expert-yang", "杨振华", "expert")
EXPERT_B = ("expert-lin", "林晓峰", "expert")
EXPERT_C = ("expert-cai", "蔡明远", "expert")
TIANHE = p.applicant(
    "MA5Y1R2T3",
    "广州市天河区科韵企业服务有限公司",
    "440106",
    "天河科韵",
    "广州市天河区科韵路 16 号",
    "高建新",
    ("林佩仪", "13620007777"),
)
HAIZHU = p.applicant(
    "MA5Y4K5P6",
    "广州市海珠区赤岗产业服务有限公司",
    "440105",
    "海珠赤岗",
    "广州市海珠区艺苑路 20 号",
    "区志坚",
    ("麦嘉欣", "13620008888"),
)
# The statutory calendar of 2026 has no holiday in early December: published on Tuesday the 1st,
# the notice's fifth working day is Monday the 7th.
PERIOD = "2026年12月1日（星期二） 至 2026年12月7日（星期一）（共 5 个工作日）"
# A citizen objecting in their own name (invented; the ID number's check digit is valid).
OBJECTOR = {"real_name": "欧阳明", "id_number": "440106198503150011", "phone": "13912345678"}
GROUNDS = "据了解，该单位服务场所已于今年 10 月转租他用，现场没有开展服务。"
FINDINGS = "经实地核查，该单位申报的服务场所已转租他用，与申报材料不符，异议成立。"
# Each criterion's name on the score sheet, and what B and C give it.
CRITERIA = {
    "premises": "服务场所",
    "staff": "专职人员",
    "service_capability": "服务能力",
    "experience": "服务经验",
    "management_system": "管理制度",
    "influence": "影响力",
}
MARKS = {EXPERT_B[0]: 86, EXPERT_C[0]: 82}
PASS_MARK = 45


@dataclass
class Story:
    applications: dict[str, p.Application] = field(default_factory=dict)
    notice: dict[str, Any] = field(default_factory=dict)
    objection_id: str = ""
    station: dict[str, Any] = field(default_factory=dict)

    @property
    def tianhe(self) -> p.Application:
        return self.applications[TIANHE.entity_name]

    @property
    def haizhu(self) -> p.Application:
        return self.applications[HAIZHU.entity_name]


story = Story()


def operator(system: System) -> dict[str, str]:
    return system.operator(TIANHE.uscc, story.tianhe.station_id)


# --- the set-up: the round, two forwarded applications, the people ------------------------------


async def test_two_applications_are_forwarded_and_the_people_are_known(system: System) -> None:
    for subject, name, role in (BUREAU, HEAD_STATION, EXPERT_A, EXPERT_B, EXPERT_C):
        official = {"name": name, "role": role, "email": f"{subject}@gz.gov.example.cn"}
        p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))
    await p.open_round(system, YEAR, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    for who in (TIANHE, HAIZHU):
        await p.set_contact(system, who)
        application = await p.submit_application(system, who)
        await p.forward(system, application)
        await p.case_opened(system, application)
        story.applications[who.entity_name] = application
    await p.register_experts(system, {subject: name for subject, name, _ in (EXPERT_A, EXPERT_B, EXPERT_C)})
    criteria = p.ok(await system.review.get(f"/rounds/{YEAR}/criteria", headers=system.head_station))
    body = {"criteria": criteria["criteria"], "min_experts_per_case": 2}
    p.ok(await system.review.put(f"/rounds/{YEAR}/criteria", json=body, headers=system.head_station))
    assert await system.today() == date(2026, 12, 1)


# --- 专家评审: three experts assigned, one recuses, two score -----------------------------------


async def test_the_head_station_assigns_three_experts(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, f"/console/head-station/reviews/cases/{story.tianhe.case_id}", HEAD_STATION[1])
    await expect(page.get_by_role("heading", level=1, name=TIANHE.entity_name)).to_be_visible()
    experts = page.locator(".el-form-item:has(#assign-experts) .el-select__wrapper")
    await experts.click()
    for _, name, _ in (EXPERT_A, EXPERT_B, EXPERT_C):
        await page.get_by_role("option", name=re.compile(f"^{name}")).click()
    await page.get_by_role("heading", name="指派专家").click()  # closes the list
    # fill_date closes the picker's panel: an open one is a dialog without a name
    await fill_date(page.locator("#assign-due"), "2026-12-03")
    await page.get_by_role("button", name="指派", exact=True).click()
    await expect(page.get_by_text("已指派 3 位专家")).to_be_visible()
    await expect(page.get_by_test_id("case-progress")).to_contain_text("有效评审专家 3 位，已提交评分 0/3")
    await looks_right(page, shoot, "year-review-assigned")


async def test_one_expert_declares_a_conflict_and_the_case_leaves_its_list(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/expert/tasks", EXPERT_A[1])
    row = page.locator(f'tr[data-row]:has([data-case="{story.tianhe.case_id}"])')
    await row.get_by_role("button", name=f"申报回避：{TIANHE.entity_name}").click()
    dialog = page.get_by_role("dialog", name="申报回避")
    await dialog.get_by_label("利益冲突情形").fill("本人配偶在该单位担任副总经理")
    await dialog.get_by_role("button", name="确认申报回避").click()
    await expect(page.get_by_text("已申报回避，该案件已从您的评审任务中移除")).to_be_visible()
    await expect(page.get_by_text("目前没有分配给您的评审案件")).to_be_visible()
    await looks_right(page, shoot, "year-review-expert-recused")


@pytest.mark.parametrize("expert", [EXPERT_B, EXPERT_C], ids=["B", "C"])
async def test_the_two_other_experts_score_every_criterion_and_submit(
    page: Page, shoot: Shoot, system: System, expert: tuple[str, str, str]
) -> None:
    subject, name, _ = expert
    await open_signed_in(page, "/console/expert/tasks", name)
    await page.get_by_role("link", name=TIANHE.entity_name).first.click()
    await expect(page.get_by_role("heading", level=1, name=f"评审：{TIANHE.entity_name}")).to_be_visible()
    for criterion in CRITERIA.values():
        await page.get_by_label(f"{criterion}得分（0–100）").fill(str(MARKS[subject]))
        await page.get_by_label(f"{criterion}评分说明").fill(f"{criterion}符合认定条件")
    await page.get_by_label("评审意见").fill("申请单位符合认定条件，建议推荐。")
    await expect(page.get_by_test_id("running-total")).to_contain_text(f"{MARKS[subject]}.00 分")
    await looks_right(page, shoot, f"year-review-sheet-{subject}")
    await page.get_by_role("button", name="提交评分").click()
    await confirm(page, "确认提交")
    await expect(page.get_by_test_id("sheet-total")).to_have_text(f"{MARKS[subject]}.00 分")

    mine = p.ok(await system.review.get("/my/assignments", headers=system.expert(subject)))["items"]
    assert [a["case_id"] for a in mine] == [story.tianhe.case_id]  # only the case it was assigned


async def test_the_head_station_recommends_and_reports_the_round(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, f"/console/head-station/reviews/cases/{story.tianhe.case_id}", HEAD_STATION[1])
    await expect(page.locator(f'[data-assignment-status="{EXPERT_A[0]}"]')).to_contain_text("已回避（申报利益冲突）")
    await expect(page.get_by_test_id("case-progress")).to_contain_text("有效评审专家 2 位，已提交评分 2/2")
    await expect(page.get_by_test_id("case-score")).to_contain_text("84.00 分")
    await page.locator(".el-radio").filter(has_text=re.compile(r"^\s*推荐\s*$")).click()
    await page.get_by_label("推荐理由").fill("两位专家一致认为服务场所、人员和服务能力符合认定条件，建议推荐。")
    await page.get_by_role("button", name="保存推荐意见").click()
    await confirm(page, "确认保存")
    await expect(page.get_by_test_id("recommendation-recorded")).to_contain_text("已形成推荐意见：推荐")
    await looks_right(page, shoot, "year-review-recommended")

    # The Haizhu case goes through its review on the API.
    await p.expert_review(system, YEAR, story.haizhu, [EXPERT_B[0], EXPERT_C[0]], mark=88)
    await p.recommend(system, story.haizhu)

    await page.goto(f"/console/head-station/reviews?year={YEAR}")
    await sign_in(page, HEAD_STATION[1])
    await page.get_by_role("button", name="报送市工业和信息化局").click()
    await confirm(page, "确认报送", f"将{YEAR}年度 2 个案件的推荐意见报送市工业和信息化局")
    await expect(page.get_by_test_id("round-facts")).to_contain_text("推荐意见已报市工业和信息化局")
    summary = p.ok(await system.review.get(f"/rounds/{YEAR}", headers=system.bureau))
    assert summary["status"] == "submitted"


# --- 公示: the shortlist, the period on the statutory calendar ---------------------------------


async def test_the_bureau_publishes_the_notice_with_the_period_of_the_statutory_calendar(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_signed_in(page, f"/console/bureau/decisions?tab=shortlist&year={YEAR}", BUREAU[1])
    await page.get_by_role("button", name="核定入围名单").click()
    await page.get_by_role("button", name="确认核定", exact=True).click()
    await expect(page.get_by_test_id("round-status")).to_contain_text("入围名单已核定")

    await page.get_by_role("button", name="发布公示").click()
    dialog = page.get_by_role("dialog", name=f"发布{YEAR}年度拟认定名单公示")
    await expect(dialog.get_by_test_id("notice-preview-period")).to_have_text(PERIOD)
    await looks_right(page, shoot, "year-notice-preview")
    await dialog.get_by_role("button", name="确认发布公示").click()
    await expect(page.get_by_test_id("notice-period")).to_have_text(PERIOD)

    summary = p.ok(await system.review.get(f"/rounds/{YEAR}", headers=system.bureau))
    story.notice = p.ok(await system.review.get(f"/public/notices/{summary['notice_id']}"))
    assert (story.notice["period_start"], story.notice["period_end"]) == ("2026-12-01", "2026-12-07")
    await looks_right(page, shoot, "year-notice-published")


# --- 异议: through the public form, upheld by the bureau -----------------------------------------


async def test_a_citizen_objects_through_the_public_notice_s_form(page: Page, shoot: Shoot, system: System) -> None:
    await page.goto(f"/notices/{story.notice['id']}")
    await expect(page.get_by_text(TIANHE.entity_name).first).to_be_visible()
    await page.get_by_role("link", name="在线提出异议").click()
    await page.get_by_label(HAIZHU.entity_name).check()
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
    await page.get_by_role("button", name="提交异议").click()
    await expect(page.get_by_role("heading", name="异议已提交")).to_be_visible()
    await looks_right(page, shoot, "year-objection-filed")

    async def received() -> str | None:
        params = {"notice_id": story.notice["id"]}
        found = p.ok(await system.review.get("/objections", params=params, headers=system.bureau))["items"]
        return next((str(o["id"]) for o in found if o["target_application_id"] == story.haizhu.id), None)

    story.objection_id = await system.eventually(received, "the objection in the review service")


async def test_the_bureau_reads_who_objected_and_upholds_it(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, f"/console/bureau/decisions?tab=objections&year={YEAR}", BUREAU[1])
    await page.get_by_role("link", name=f"查看并处理：对“{HAIZHU.entity_name}”的异议").click()
    await expect(page.get_by_test_id("objection-grounds")).to_have_text(GROUNDS)
    await expect(page.get_by_test_id("objector")).to_contain_text(OBJECTOR["real_name"])
    await page.get_by_text("异议成立", exact=True).click()
    await expect(page.get_by_test_id("resolution-consequences")).to_contain_text(
        f"“{HAIZHU.entity_name}”将不列入{YEAR}年度服务站最终认定名单，不予认定，不发放牌匾。"
    )
    await page.get_by_label("调查核实情况").fill(FINDINGS)
    await looks_right(page, shoot, "year-objection-decide")
    await page.get_by_role("button", name="提交处理结论").click()
    await page.get_by_role("button", name="确认异议成立", exact=True).click()
    await expect(page.get_by_test_id("resolution")).to_contain_text("异议成立")

    decided = p.ok(await system.review.get(f"/objections/{story.objection_id}", headers=system.bureau))
    assert (decided["status"], decided["outcome"]) == ("resolved", "upheld")


async def test_the_head_station_reads_the_objection_without_its_objector(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_signed_in(page, f"/console/head-station/notices?year={YEAR}", HEAD_STATION[1])
    await page.get_by_role("link", name=f"查看：对“{HAIZHU.entity_name}”的异议").click()
    await expect(page.get_by_text(FINDINGS)).to_be_visible()
    await expect(page.get_by_test_id("objector-withheld")).to_be_visible()
    text = await page.locator("main").inner_text()
    assert [v for v in (*OBJECTOR.values(), GROUNDS) if v in text] == []
    await looks_right(page, shoot, "year-objection-head-station")

    answer = p.ok(await system.review.get(f"/objections/{story.objection_id}", headers=system.head_station))
    assert (answer["objector"], answer["grounds"]) == (None, None)


# --- 认定名单: the final list, the public register, the operator told -----------------------------


async def test_after_the_period_the_final_list_is_published(page: Page, shoot: Shoot, system: System) -> None:
    await system.move_clocks_to(at("2026-12-08", 9))
    await p.notice_ended(system, str(story.notice["id"]))

    await open_signed_in(page, f"/console/bureau/final-lists?year={YEAR}", BUREAU[1])
    await expect(page.get_by_test_id("final-list-recognise").locator("li")).to_have_text([TIANHE.entity_name])
    await expect(page.get_by_test_id("final-list-decline")).to_contain_text(
        f"{HAIZHU.entity_name}（公示期内异议经调查核实成立）"
    )
    await page.get_by_role("button", name="公布最终认定名单").click()
    await page.get_by_role("button", name="确认公布", exact=True).click()
    await expect(page.get_by_test_id("final-list-published")).to_contain_text("穗中小服站〔2026〕001号")
    await looks_right(page, shoot, "year-final-list")
    story.station = await p.registered_station(system, story.tianhe)


async def test_the_station_is_on_the_public_register(page: Page, shoot: Shoot, system: System) -> None:
    async def listed() -> bool:
        return any(s["id"] == story.tianhe.station_id for s in await p.public_register(system))

    await system.eventually(listed, "the public register to list the station")
    await page.goto("/stations")
    await expect(page.get_by_text(story.station["name"]).first).to_be_visible()
    await expect(page.get_by_text(HAIZHU.entity_name)).to_have_count(0)
    await looks_right(page, shoot, "year-register")


async def test_the_operator_s_inbox_says_it_is_recognised(page: Page, shoot: Shoot, system: System) -> None:
    await system.inbox_message(operator(system), "gz.sme.review.outcome.station_recognised.v1")

    async def signs_in_as_operator() -> bool:
        found = [person for person in await people(system) if person["org"] == TIANHE.uscc]
        return bool(found and story.tianhe.station_id in found[0]["station_ids"])

    await system.eventually(signs_in_as_operator, "the development sign-in to list the station's operator")
    await open_signed_in(page, "/console/inbox", TIANHE.entity_name)
    recognised = f"祝贺！{TIANHE.entity_name}已被认定为广州市民营和中小企业服务站"
    message = page.locator(".inbox__title").filter(has_text=recognised)
    await expect(message).to_have_count(1)
    await message.click()
    await expect(page.locator(".inbox-message__body")).to_contain_text("牌匾编号：穗中小服站〔2026〕001号")
    await looks_right(page, shoot, "year-operator-recognised")


# --- 年度考核: unqualified, the rectification fails, revoked on ground 6 --------------------------


async def test_the_bureau_assesses_the_station_unqualified(page: Page, shoot: Shoot, system: System) -> None:
    await p.known_to(system, "assessment", story.tianhe)
    await open_signed_in(page, "/console/bureau/assessment", BUREAU[1])
    await page.get_by_label("合格分数线（分）").fill(str(PASS_MARK))
    await page.get_by_role("button", name="开启考核").click()
    await confirm(page, "开启考核", f"合格分数线 {PASS_MARK} 分")
    await expect(page.get_by_test_id("cycle-facts")).to_contain_text("进行中")
    await page.get_by_role("button", name="计算考核结果").click()
    await confirm(page, "计算", "人工评分")

    await page.get_by_role("link", name=f"{TIANHE.station_name}：考核依据与评分").click()
    await choose(page, "score-indicator", "企业满意度（5 分）")
    await page.locator("#score-score").fill("0")
    await page.get_by_label("评分理由").fill("经服务总站回访，辖区企业反映服务站未开放接待，满意度评价为零。")
    await page.get_by_role("button", name="录入评分").click()
    await confirm(page, "录入评分", "记入审计")
    await page.get_by_role("link", name="返回考核").click()
    await page.get_by_role("button", name="计算考核结果").click()
    await confirm(page, "计算")
    row = page.get_by_test_id("results-table").locator("tr").filter(has_text=TIANHE.station_name)
    await expect(row).to_contain_text("不合格")
    await looks_right(page, shoot, "year-assessment-computed")
    await page.get_by_role("button", name="公布结果").click()
    await confirm(page, "公布结果", "其中 1 个服务站考核“不合格”，将进入整改")
    await expect(page.get_by_test_id("cycle-facts")).to_contain_text("已公布")

    url = f"/stations/{story.tianhe.station_id}/results"
    [result] = p.ok(await system.assessment.get(url, headers=operator(system)))["items"]
    assert (result["year"], result["outcome"]) == (YEAR, "unqualified")
    await system.inbox_message(operator(system), "gz.sme.assessment.rectification.required.v1")


async def test_the_operator_reports_its_rectification(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, "/console/station/assessment", TIANHE.entity_name)
    rectification = page.get_by_test_id("rectification")
    await expect(rectification).to_contain_text("待提交整改报告")
    await rectification.get_by_role("link", name="提交整改报告").click()
    await page.get_by_label("整改报告").fill("已安排专人负责接待，计划明年上半年恢复开放。")
    await page.get_by_role("button", name="提交整改报告").click()
    await confirm(page, "确认提交", "整改报告提交后不能修改")
    await expect(page.get_by_text("已提交，待复评")).to_be_visible()
    await looks_right(page, shoot, "year-rectification-reported")


async def test_the_reassessment_fails_and_the_bureau_revokes_on_ground_6(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_signed_in(page, "/console/bureau/assessment?tab=rectifications", BUREAU[1])
    await page.get_by_role("button", name=f"复评{TIANHE.station_name}的整改").click()
    await expect(page.get_by_test_id("rectification-report")).to_contain_text("计划明年上半年恢复开放")
    await pick(page, "仍不合格")
    await page.get_by_label("复评意见").fill("整改报告只有计划，没有落实；服务站仍未开放接待，复评仍不合格。")
    await page.get_by_role("button", name="提交复评").click()
    await confirm(page, "确认复评不合格", "第6项自动提出撤销")

    async def proposed() -> list[dict[str, Any]] | None:
        params = {"station_id": story.tianhe.station_id}
        return list(p.ok(await system.assessment.get("/revocations", params=params, headers=system.bureau))["items"])

    [case] = await system.eventually(proposed, "the service's own proposal on ground 6")
    assert (case["ground"], case["origin"]) == (6, "automatic")

    await page.goto("/console/bureau/assessment?tab=revocations")
    await sign_in(page, BUREAU[1])
    row = page.get_by_test_id("revocations-table").locator("tr").filter(has_text=TIANHE.station_name)
    await expect(row).to_contain_text("系统自动提出")
    await page.get_by_role("button", name=f"决定{TIANHE.station_name}的撤销事项").click()
    await expect(page.get_by_test_id("case-facts")).to_contain_text("整改后年度考核结果仍为“不合格”")
    await pick(page, "撤销称号")
    await page.get_by_label("决定理由").fill(
        "该站2026年度考核不合格，整改后复评仍不合格，依据指引第四部分（三）第6项撤销服务站称号。"
    )
    await looks_right(page, shoot, "year-revocation-decide")
    await page.get_by_role("button", name="作出决定").click()
    await confirm(page, "撤销称号", "从公开的服务站名录中移除")
    await expect(row).to_contain_text("已撤销")


async def test_the_public_register_no_longer_lists_the_station(page: Page, shoot: Shoot, system: System) -> None:
    async def gone() -> bool:
        return all(s["id"] != story.tianhe.station_id for s in await p.public_register(system))

    await system.eventually(gone, "the public register to drop the revoked station")
    await page.goto("/stations")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page.get_by_text(story.station["name"])).to_have_count(0)
    await looks_right(page, shoot, "year-register-after-revocation")

    told = await system.inbox_message(operator(system), "gz.sme.assessment.revocation.station_revoked.v1")
    assert "撤销情形第6项" in told["body"], told["body"]
