"""The experts' review in a real browser, on the real services (专家评审, 服务总站).

The services' clocks start on Tuesday 1 December 2026. Two applications of the 2026 round are
forwarded; the head station's staff and four experts are in the notifications directory (so the
development sign-in lists them), three of the experts in the pool, and a fourth works for one of
the applicants. In the browser the head station adds an expert to the pool (a wrong credit code is
refused on its field), sets the round to two experts per case, is refused assigning the applicant's
own expert (who and why), and assigns three experts to the first case. Expert A declares a conflict:
the case leaves A's list, A typing its address sees "not found", and the head station sees A recused.
Experts B and C score every criterion with a remark each; the total follows what they type; once
submitted a sheet reads "submitted", may be revised until the head station records its
recommendation, and not after. The second case's experts are two days late: the head station sees
who and since when, reminds one of them (催办) and that expert reads the reminder in its inbox.
It sees 2/2 scored and the weighted result, records "recommend" with reasons,
cannot submit the round while the second case is undecided (the page says which), and submits once
it is decided. Every screen is scanned with axe and photographed at phone and desktop width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from playwright.async_api import Page, expect

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import confirm, fill_date, looks_right, open_signed_in, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

YEAR = 2026
HEAD_STATION = ("hs-liang", "梁嘉颖")
EXPERT_A = ("expert-he", "何志强")
EXPERT_B = ("expert-xu", "许文静")
EXPERT_C = ("expert-luo", "罗建新")
EXPERT_OF_APPLICANT = ("expert-zheng", "郑国梁")


def applicant(code: str, name: str, district_code: str, station: str, address: str, person: str) -> p.Applicant:
    return p.applicant(code, name, district_code, station, address, person, contact=("苏雅婷", "13622225555"))


TIANHE = applicant(
    "MA5R3TK18", "广州市天河区智创企业服务有限公司", "440106", "智创", "广州市天河区天河北路 233 号", "黄志明"
)
PANYU = applicant(
    "MA5P8HN42", "广州市番禺区南村产业服务中心有限公司", "440113", "南村", "广州市番禺区南村镇兴业大道 9 号", "冯伟强"
)
# What B and C write: a mark and a remark for each of the round's six default criteria.
SHEETS = {
    EXPERT_B[0]: {
        "premises": (88, "服务大厅约 260 平方米，标识统一，线上线下服务信息公开"),
        "staff": (90, "专职服务人员 2 名，分工明确"),
        "service_capability": (85, "提供信息、融资、法律三类共性服务，另有专精特新成长辅导"),
        "experience": (82, "近三年服务辖区企业 300 余家"),
        "management_system": (80, "服务台账和回访制度完整"),
        "influence": (75, "在天河区有一定知名度"),
    },
    EXPERT_C[0]: {
        "premises": (80, "场所条件良好"),
        "staff": (85, "人员配备符合要求"),
        "service_capability": (90, "服务内容丰富，能力较强"),
        "experience": (78, "服务经验较丰富"),
        "management_system": (84, "制度健全"),
        "influence": (70, "影响力一般"),
    },
}
WEIGHTS = {
    "premises": 15,
    "staff": 15,
    "service_capability": 25,
    "experience": 20,
    "management_system": 15,
    "influence": 10,
}


def total_of(sheet: dict[str, tuple[int, str]]) -> str:
    """The weighted total as the page shows it: Σ mark × weight ÷ 100, two decimals."""
    hundredths = sum(mark * WEIGHTS[code] for code, (mark, _) in sheet.items())
    return f"{hundredths // 100}.{hundredths % 100:02d}"


@dataclass
class Story:
    applications: dict[str, p.Application] = field(default_factory=dict)
    today: date = date(2026, 12, 1)

    def case_of(self, who: p.Applicant) -> str:
        case_id = self.applications[who.entity_name].case_id
        assert case_id
        return case_id


story = Story()


async def test_the_round_its_applications_the_experts_and_the_head_station_are_set_up(system: System) -> None:
    people = [(*HEAD_STATION, "head_station_staff")] + [
        (*expert, "expert") for expert in (EXPERT_A, EXPERT_B, EXPERT_C, EXPERT_OF_APPLICANT)
    ]
    for subject, name, role in people:
        official = {"name": name, "role": role, "email": f"{subject}@gz.gov.example.cn"}
        p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))

    await p.open_round(system, YEAR, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    for who in (TIANHE, PANYU):
        await p.set_contact(system, who)
        application = await p.submit_application(system, who)
        await p.forward(system, application)
        await p.case_opened(system, application)
        story.applications[who.entity_name] = application
    await p.register_experts(system, dict([EXPERT_A, EXPERT_B, EXPERT_C]))
    expert_of_applicant = {
        "id": EXPERT_OF_APPLICANT[0],
        "name": EXPERT_OF_APPLICANT[1],
        "title": "高级工程师",
        "organisation_name": TIANHE.entity_name,
        "organisation_uscc": TIANHE.uscc,
        "expertise": ["产业园区运营"],
    }
    p.ok(await system.review.post("/experts", json=expert_of_applicant, headers=system.head_station), 201)
    story.today = await system.today()


async def test_the_head_station_adds_an_expert_to_the_pool(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console/head-station/experts", HEAD_STATION[1])
    await expect(page.get_by_role("heading", level=1, name="专家库")).to_be_visible()
    for _, name in (EXPERT_A, EXPERT_B, EXPERT_C, EXPERT_OF_APPLICANT):
        await expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()

    await page.get_by_role("button", name="新增专家").click()
    dialog = page.get_by_role("dialog", name="新增专家")
    await dialog.get_by_label("专家编号（登录账号标识）").fill("expert-deng")
    await dialog.get_by_label("姓名").fill("邓慧敏")
    await dialog.get_by_label("职称").fill("副研究员")
    await dialog.get_by_label("所在单位", exact=True).fill("广州市社会科学院")
    await dialog.get_by_label("所在单位统一社会信用代码").fill("12440100MB2D34567X")
    await dialog.get_by_role("button", name="保存").click()
    # The service checks the credit code's check digit; its message stands on the field.
    await expect(dialog.locator(".el-form-item__error")).to_contain_text("统一社会信用代码无效")
    await looks_right(page, shoot, "review-pool-add-refused")

    await dialog.get_by_label("所在单位统一社会信用代码").fill(p.EXPERT_ORGANISATION)
    await dialog.get_by_role("button", name="保存").click()
    await expect(page.get_by_text("专家已入库")).to_be_visible()
    await expect(page.get_by_role("link", name="邓慧敏", exact=True)).to_be_visible()
    await looks_right(page, shoot, "review-pool")

    await page.get_by_role("link", name=EXPERT_OF_APPLICANT[1], exact=True).click()
    await expect(page.get_by_role("heading", level=1, name=EXPERT_OF_APPLICANT[1])).to_be_visible()
    await expect(page.get_by_text(TIANHE.entity_name)).to_be_visible()
    await expect(page.get_by_text("该专家没有申报利益冲突。")).to_be_visible()
    await looks_right(page, shoot, "review-pool-expert")


async def test_the_head_station_asks_for_two_experts_per_case(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, "/console/head-station/reviews?tab=criteria", HEAD_STATION[1])
    await expect(page.get_by_role("heading", level=1, name="评审")).to_be_visible()
    await expect(page.get_by_test_id("min-experts")).to_contain_text("3")
    await page.get_by_role("button", name="修改评分指标").click()
    await page.get_by_label("第 6 项权重").fill("5")
    await expect(page.get_by_test_id("weight-sum")).to_contain_text("权重合计须为 100，当前为 95")
    await page.get_by_label("第 6 项权重").fill("10")
    await expect(page.get_by_test_id("weight-sum")).to_contain_text("权重合计为 100")
    await page.get_by_label("每个案件至少评审专家人数").fill("2")
    await looks_right(page, shoot, "review-criteria-edit")
    await page.get_by_role("button", name="保存评分指标").click()
    await confirm(page, "确认保存")
    await expect(page.get_by_test_id("min-experts")).to_contain_text("2")
    await looks_right(page, shoot, "review-criteria")
    criteria = p.ok(await system.review.get(f"/rounds/{YEAR}/criteria", headers=system.head_station))
    assert criteria["min_experts_per_case"] == 2

    # The second case's experts are asked for today (they will be late).
    due = story.today.isoformat()
    body = {"expert_ids": [EXPERT_B[0], EXPERT_C[0]], "due_on": due}
    p.ok(await system.review.post(f"/cases/{story.case_of(PANYU)}/assignments", json=body, headers=system.head_station))


async def test_the_head_station_is_refused_the_applicant_s_own_expert_and_assigns_three(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_signed_in(page, f"/console/head-station/reviews?year={YEAR}", HEAD_STATION[1])
    await expect(page.get_by_test_id("round-facts")).to_contain_text("每案至少评审专家")
    await expect(page.locator(f'[data-progress="{story.case_of(TIANHE)}"]')).to_contain_text("未指派专家")
    await expect(page.locator(f'[data-progress="{story.case_of(PANYU)}"]')).to_contain_text("已评 0/2")
    await looks_right(page, shoot, "review-round-cases")

    await page.locator(f'a[data-case="{story.case_of(TIANHE)}"]').click()
    await expect(page.get_by_role("heading", level=1, name=TIANHE.entity_name)).to_be_visible()
    await expect(page.get_by_test_id("needs-experts")).to_contain_text("少于本年度要求的 2 位")
    due = (story.today + timedelta(days=7)).isoformat()
    experts_list = page.locator(".el-form-item:has(#assign-experts) .el-select__wrapper")

    async def choose(*names: str) -> None:
        await experts_list.click()
        for name in names:
            await page.get_by_role("option", name=re.compile(f"^{name}")).click()
        await page.get_by_role("heading", name="指派专家").click()  # closes the list

    await choose(EXPERT_OF_APPLICANT[1], EXPERT_A[1])
    await fill_date(page.locator("#assign-due"), due)  # its panel closed: an open one is a dialog without a name
    await page.get_by_role("button", name="指派", exact=True).click()
    refusal = page.get_by_test_id("conflict-refusal")
    await expect(refusal).to_contain_text("存在利益冲突，本次指派未生效")
    await expect(refusal).to_contain_text(
        f"{EXPERT_OF_APPLICANT[1]}：专家 {EXPERT_OF_APPLICANT[0]} 来自申请单位本单位，须回避"
    )
    await looks_right(page, shoot, "review-assign-conflict")
    case = p.ok(await system.review.get(f"/cases/{story.case_of(TIANHE)}", headers=system.head_station))
    assert case["assignments"] == []  # nobody was assigned

    await experts_list.click()
    await page.get_by_role("option", name=re.compile(f"^{EXPERT_OF_APPLICANT[1]}")).click()  # takes it off
    await choose(EXPERT_B[1], EXPERT_C[1])
    await page.get_by_role("button", name="指派", exact=True).click()
    await expect(page.get_by_text("已指派 3 位专家")).to_be_visible()
    await expect(page.get_by_test_id("case-progress")).to_contain_text("有效评审专家 3 位，已提交评分 0/3")
    for _, name in (EXPERT_A, EXPERT_B, EXPERT_C):
        await expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    await looks_right(page, shoot, "review-case-assigned")


async def test_expert_a_declares_a_conflict_and_the_case_leaves_its_list(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, "/console", EXPERT_A[1])
    await expect(page.get_by_role("heading", level=1, name=f"您好，{EXPERT_A[1]}")).to_be_visible()
    await looks_right(page, shoot, "review-expert-welcome")

    await page.locator('aside [data-menu-entry="expert-tasks"]').click()
    await expect(page.get_by_role("heading", level=1, name="我的评审任务")).to_be_visible()
    await expect(page.get_by_test_id("expert-me")).to_contain_text(EXPERT_A[1])
    row = page.locator(f'tr[data-row]:has([data-case="{story.case_of(TIANHE)}"])')
    await expect(row).to_contain_text("剩 7 天")
    await expect(row).to_contain_text("未评分")
    await looks_right(page, shoot, "review-expert-tasks")

    await row.get_by_role("button", name=f"申报回避：{TIANHE.entity_name}").click()
    dialog = page.get_by_role("dialog", name="申报回避")
    await expect(dialog).to_contain_text(TIANHE.uscc)
    await expect(dialog).to_contain_text("服务总站将改派其他专家评审该案件")
    await dialog.get_by_role("button", name="确认申报回避").click()
    await expect(dialog.locator(".el-form-item__error")).to_contain_text("请填写利益冲突情形")
    await dialog.get_by_label("利益冲突情形").fill("本人近三年曾担任该单位的财务顾问")
    await looks_right(page, shoot, "review-expert-conflict")
    await dialog.get_by_role("button", name="确认申报回避").click()
    await expect(page.get_by_text("已申报回避，该案件已从您的评审任务中移除")).to_be_visible()
    await expect(page.get_by_text("目前没有分配给您的评审案件")).to_be_visible()
    await looks_right(page, shoot, "review-expert-tasks-empty")

    # Typing the case's address: it is no longer A's, and it does not exist for A.
    await page.goto(f"/console/expert/tasks/{story.case_of(TIANHE)}")
    await sign_in(page, EXPERT_A[1])
    await expect(page.get_by_text("没有找到该评审案件")).to_be_visible()
    await expect(page.get_by_text(TIANHE.uscc)).to_have_count(0)
    await looks_right(page, shoot, "review-expert-case-not-found")


async def test_the_head_station_sees_expert_a_recused(page: Page, shoot: Shoot) -> None:
    await open_signed_in(page, f"/console/head-station/reviews/cases/{story.case_of(TIANHE)}", HEAD_STATION[1])
    status = page.locator(f'[data-assignment-status="{EXPERT_A[0]}"]')
    await expect(status).to_contain_text("已回避（申报利益冲突）")
    await expect(status).to_contain_text("本人近三年曾担任该单位的财务顾问")
    await expect(page.get_by_test_id("case-progress")).to_contain_text("有效评审专家 2 位，已提交评分 0/2")
    await expect(page.get_by_test_id("needs-experts")).to_have_count(0)
    await looks_right(page, shoot, "review-case-recused")


async def score(page: Page, expert: tuple[str, str]) -> None:
    """The expert fills in every criterion and the opinion; the total follows what is typed."""
    sheet = SHEETS[expert[0]]
    names = {"premises": "服务场所", "staff": "专职人员", "service_capability": "服务能力"}
    names |= {"experience": "服务经验", "management_system": "管理制度", "influence": "影响力"}
    first_code = next(iter(sheet))
    await page.get_by_label(f"{names[first_code]}得分（0–100）").fill(str(sheet[first_code][0]))
    partial = sheet[first_code][0] * WEIGHTS[first_code]
    await expect(page.get_by_test_id("running-total")).to_contain_text(f"{partial // 100}.{partial % 100:02d} 分")
    await expect(page.get_by_test_id("running-total")).to_contain_text("已评 1/6 项")
    for code, (mark, remark) in sheet.items():
        await page.get_by_label(f"{names[code]}得分（0–100）").fill(str(mark))
        await page.get_by_label(f"{names[code]}评分说明").fill(remark)
    await page.get_by_label("评审意见").fill("申请单位符合认定条件，服务能力较强，建议推荐。")
    await expect(page.get_by_test_id("running-total")).to_contain_text(f"{total_of(sheet)} 分")
    await expect(page.get_by_test_id("running-total")).to_contain_text("已评 6/6 项")


async def test_expert_b_scores_every_criterion_and_submits(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, "/console/expert/tasks", EXPERT_B[1])
    second = page.locator(f'tr[data-row]:has([data-case="{story.case_of(PANYU)}"])')
    await expect(second).to_contain_text("今日截止")
    await page.get_by_role("link", name=TIANHE.entity_name).first.click()
    await expect(page.get_by_role("heading", level=1, name=f"评审：{TIANHE.entity_name}")).to_be_visible()
    await expect(page.get_by_text("材料齐全，符合申报条件，同意上报")).to_be_visible()
    await expect(page.get_by_text("2 名（认定条件：不少于 2 名）")).to_be_visible()
    # Nothing of the applicant's staff reaches an expert.
    text = await page.locator("main").inner_text()
    assert [v for v in ("李明", "13800138000", TIANHE.contact_phone, TIANHE.email) if v in text] == []

    await page.get_by_role("button", name="提交评分").click()
    await expect(page.get_by_role("alert").filter(has_text="评分未能提交").first).to_be_visible()
    await expect(page.get_by_role("link", name="请为“服务场所”评分，0 至 100 的整数")).to_be_visible()
    await score(page, EXPERT_B)
    await looks_right(page, shoot, "review-expert-sheet")

    await page.get_by_role("button", name="提交评分").click()
    await expect(page.get_by_text(f"加权总分 {total_of(SHEETS[EXPERT_B[0]])} 分")).to_be_visible()
    await confirm(page, "确认提交")
    await expect(page.get_by_test_id("sheet-total")).to_have_text(f"{total_of(SHEETS[EXPERT_B[0]])} 分")
    # The service lets an expert revise its sheet until the recommendation: the page says exactly that.
    await expect(page.get_by_test_id("sheet-state")).to_contain_text("服务总站形成推荐意见之前，您可以修改评分")
    await expect(page.get_by_role("button", name="修改评分")).to_be_visible()
    await looks_right(page, shoot, "review-expert-sheet-submitted")
    mine = p.ok(await system.review.get("/my/assignments", headers=system.expert(EXPERT_B[0])))["items"]
    sheet = next(a["my_sheet"] for a in mine if a["case_id"] == story.case_of(TIANHE))
    assert sheet["marks"] == {code: mark for code, (mark, _) in SHEETS[EXPERT_B[0]].items()}
    assert sheet["remarks"]["staff"] == "专职服务人员 2 名，分工明确"


async def test_two_days_pass(system: System) -> None:
    """The services' clocks move on before the next step's browser opens: its pages read that time."""
    await system.advance_clocks(timedelta(days=2))


async def test_expert_c_sees_its_late_case_and_scores_the_first(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, "/console/expert/tasks", EXPERT_C[1])
    late = page.locator(f'tr[data-row]:has([data-case="{story.case_of(PANYU)}"])')
    await expect(late).to_contain_text("已逾期 2 天")
    # Soonest due first: the late case heads the list.
    await expect(page.locator("tr[data-row]").first).to_contain_text(PANYU.entity_name)
    await looks_right(page, shoot, "review-expert-tasks-overdue")

    # A case the expert is not assigned to does not exist for it.
    await page.goto("/console/expert/tasks/00000000-0000-4000-8000-000000000000")
    await sign_in(page, EXPERT_C[1])
    await expect(page.get_by_text("没有找到该评审案件")).to_be_visible()

    await page.goto(f"/console/expert/tasks/{story.case_of(TIANHE)}")
    await sign_in(page, EXPERT_C[1])
    await score(page, EXPERT_C)
    await page.get_by_role("button", name="提交评分").click()
    await confirm(page, "确认提交")
    await expect(page.get_by_test_id("sheet-total")).to_have_text(f"{total_of(SHEETS[EXPERT_C[0]])} 分")


async def test_the_head_station_sees_who_is_late(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, f"/console/head-station/reviews?year={YEAR}&tab=experts", HEAD_STATION[1])
    late = page.get_by_role("table", name="逾期未提交评分的专家和案件")
    await expect(late.locator("tbody tr")).to_have_count(2)
    await expect(late).to_contain_text(PANYU.entity_name)
    await expect(late).to_contain_text("2 天")
    await expect(page.get_by_text("可点击“催办”，系统即通过站内信、电子邮件和手机短信提醒该专家")).to_be_visible()
    await looks_right(page, shoot, "review-expert-progress")

    # The head station reminds B (催办): the dialog says what is sent to whom; the row then says when.
    remind_b = late.get_by_role("button", name=f"催办：{EXPERT_B[1]}（{PANYU.entity_name}）")
    await remind_b.click()
    await confirm(page, "确认催办", saying=f"提醒{EXPERT_B[1]}：其评审的{PANYU.entity_name}的评分截止日期")
    reminded = page.locator(f'[data-reminder="{story.case_of(PANYU)}:{EXPERT_B[0]}"]')
    await expect(reminded).to_contain_text("催办（第 1 次）")
    await expect(reminded).to_contain_text("每天至多催办一次")
    await expect(remind_b).to_be_disabled()
    await expect(late.get_by_role("button", name=f"催办：{EXPERT_C[1]}（{PANYU.entity_name}）")).to_be_enabled()
    await looks_right(page, shoot, "review-expert-reminded")
    message = await system.inbox_message(system.expert(EXPERT_B[0]), "gz.sme.review.case.expert_reminded.v1")
    assert PANYU.entity_name in message["title"]
    assert "已过 2 天" in message["body"]
    # Only B was reminded (one case, one key: C's reminder would have arrived before B's message).
    c_inbox = await system.inbox(system.expert(EXPERT_C[0]))
    assert [m for m in c_inbox if m["event_type"] == "gz.sme.review.case.expert_reminded.v1"] == []

    await page.get_by_role("tab", name="案件").click()
    await expect(page.locator(f'[data-progress="{story.case_of(PANYU)}"]')).to_contain_text("2 位逾期")
    await expect(page.locator(f'[data-progress="{story.case_of(TIANHE)}"]')).to_contain_text("已评 2/2")


async def test_the_head_station_sees_the_weighted_result_and_recommends(
    page: Page, shoot: Shoot, system: System
) -> None:
    await open_signed_in(page, f"/console/head-station/reviews/cases/{story.case_of(TIANHE)}", HEAD_STATION[1])
    await expect(page.get_by_test_id("case-progress")).to_contain_text("已提交评分 2/2")
    totals = [int(total_of(SHEETS[e]).replace(".", "")) for e in (EXPERT_B[0], EXPERT_C[0])]
    average = (sum(totals) + 1) // 2  # half up, in hundredths
    await expect(page.get_by_test_id("case-score")).to_contain_text(f"{average // 100}.{average % 100:02d} 分")
    scores = page.get_by_role("table", name="各位专家的评分（按评分指标）")
    await expect(scores).to_contain_text(total_of(SHEETS[EXPERT_B[0]]))
    await expect(scores).to_contain_text(total_of(SHEETS[EXPERT_C[0]]))

    await page.locator(".el-radio").filter(has_text=re.compile(r"^\s*推荐\s*$")).click()
    await page.get_by_label("推荐理由").fill(
        "两位专家评审平均分较高，服务场所、人员和服务能力均符合认定条件，建议推荐。"
    )
    await looks_right(page, shoot, "review-case-scored")
    await page.get_by_role("button", name="保存推荐意见").click()
    await confirm(page, "确认保存")
    await expect(page.get_by_test_id("recommendation-recorded")).to_contain_text("已形成推荐意见：推荐")
    await expect(page.get_by_text("推荐意见已形成或已报送，专家指派和评分已锁定。")).to_be_visible()
    await looks_right(page, shoot, "review-case-recommended")
    case = p.ok(await system.review.get(f"/cases/{story.case_of(TIANHE)}", headers=system.head_station))
    assert case["review"]["recommendation"] == "recommend"


async def test_expert_b_can_no_longer_change_its_sheet(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, f"/console/expert/tasks/{story.case_of(TIANHE)}", EXPERT_B[1])
    await expect(page.get_by_test_id("sheet-state")).to_contain_text("已提交，不可修改")
    await expect(page.get_by_role("button", name="修改评分")).to_have_count(0)
    await expect(page.get_by_label("服务场所得分（0–100）")).to_have_count(0)
    await looks_right(page, shoot, "review-expert-sheet-locked")
    marks = {code: 100 for code in WEIGHTS}
    refused = await system.review.put(
        f"/cases/{story.case_of(TIANHE)}/score-sheet", json={"marks": marks}, headers=system.expert(EXPERT_B[0])
    )
    assert refused.status_code == 409


async def test_the_round_is_submitted_once_every_case_is_decided(page: Page, shoot: Shoot, system: System) -> None:
    await open_signed_in(page, f"/console/head-station/reviews?year={YEAR}", HEAD_STATION[1])
    await expect(page.get_by_test_id("submission-counts")).to_contain_text("尚有 1 个案件未形成推荐意见，暂不能报送")
    await expect(page.get_by_role("list", name="以下案件尚未形成推荐意见：")).to_contain_text(PANYU.entity_name)
    await expect(page.get_by_role("button", name="报送市工业和信息化局")).to_be_disabled()
    await looks_right(page, shoot, "review-round-undecided")

    panyu = story.applications[PANYU.entity_name]
    criteria = p.ok(await system.review.get(f"/rounds/{YEAR}/criteria", headers=system.head_station))["criteria"]
    for expert_id in (EXPERT_B[0], EXPERT_C[0]):
        sheet = {"marks": {c["code"]: 60 for c in criteria}, "comment": "服务能力一般"}
        p.ok(
            await system.review.put(f"/cases/{panyu.case_id}/score-sheet", json=sheet, headers=system.expert(expert_id))
        )
    await p.recommend(system, panyu, "not_recommend")

    await page.reload()
    await sign_in(page, HEAD_STATION[1])
    await expect(page.get_by_test_id("submission-counts")).to_contain_text("所有评审中的案件均已形成推荐意见")
    await page.get_by_role("button", name="报送市工业和信息化局").click()
    await expect(page.get_by_text(f"将{YEAR}年度 2 个案件的推荐意见报送市工业和信息化局")).to_be_visible()
    await confirm(page, "确认报送")
    await expect(page.get_by_text("已将 2 个案件的推荐意见报送市工业和信息化局")).to_be_visible()
    await expect(page.get_by_test_id("round-facts")).to_contain_text("推荐意见已报市工业和信息化局")
    await looks_right(page, shoot, "review-round-submitted")
    summary = p.ok(await system.review.get(f"/rounds/{YEAR}", headers=system.head_station))
    assert summary["status"] == "submitted"
