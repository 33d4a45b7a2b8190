"""The bureau's dashboard (统计) in a real browser, on the real services.

Two stations are recognised in December 2026, in 天河区 and 越秀区 (the 2026 round's review is then
finalised); two more organisations apply in the same round, one still with 天河区 and one returned
by 越秀区. 天河区's station records three promotion sessions and meets the year's duty; 越秀区's
records one. Two enterprises file service requests; the station of 天河区 accepts one. The bureau
opens 统计 for 2026: every figure says what it counts and for which period, and each figure's table
holds exactly the numbers of the lists it summarises, as the services answer them to the bureau
(registry's counts per district and its register, review's round, activities' promotion progress
and service requests, assessment's results by district). One figure's Excel export reads back the
same rows. The head station's 统计 shows the same tables. The page is scanned with axe and
photographed at phone and desktop width.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.async_api import Locator, Page, expect

from .. import programme as p
from ..system import System
from .conftest import Shoot
from .console import looks_right, open_signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.web, pytest.mark.scenario]

YEAR = 2026
BUREAU = ("bureau-chen", "陈卫东")
HEAD_STATION = ("hs-liang", "梁嘉颖")
EXPERTS = {"expert-qiu": "邱振华", "expert-fang": "方慧敏", "expert-kong": "孔德明"}
DISTRICTS = {"440103": "荔湾区", "440104": "越秀区", "440105": "海珠区", "440106": "天河区", "440111": "白云区"}
CONTACT = ("何嘉欣", "13622226666")

TIANHE = p.applicant(
    "MA5L3RT82",
    "广州市天河区科创企业服务有限公司",
    "440106",
    "天河科创",
    "广州市天河区科华街 251 号",
    "莫志远",
    CONTACT,
)
YUEXIU = p.applicant(
    "MA5M8WQ47",
    "广州市越秀区东风企业服务中心有限公司",
    "440104",
    "越秀东风",
    "广州市越秀区东风中路 410 号",
    "区丽华",
    CONTACT,
)
WAITING = p.applicant(
    "MA5N2HK19",
    "广州市天河区棠下产业服务有限公司",
    "440106",
    "天河棠下",
    "广州市天河区棠下二社 8 号",
    "温家俊",
    CONTACT,
)
RETURNED = p.applicant(
    "MA5P6JD35",
    "广州市越秀区北京路商务服务有限公司",
    "440104",
    "越秀北京路",
    "广州市越秀区北京路 88 号",
    "陆慧琳",
    CONTACT,
)
REQUESTS = [
    {
        "company_name": "广州市天河区明远软件有限公司",
        "uscc": p.uscc("440106", "MA5Q1LM73"),
        "contact_name": "罗志明",
        "contact_phone": "13933334444",
        "district_code": "440106",
        "category": "financing",
        "details": "希望对接知识产权质押融资，约 200 万元。",
    },
    {
        "company_name": "广州市越秀区广府文创有限公司",
        "uscc": p.uscc("440104", "MA5R7TN28"),
        "contact_name": "黎晓彤",
        "contact_phone": "13933335555",
        "district_code": "440104",
        "category": "legal",
        "details": "需要劳动合同和知识产权许可合同的法律咨询。",
    },
]
PATH = f"/console/bureau/statistics?year={YEAR}"

stations: list[p.Application] = []
accepted: list[str] = []


def figure(page: Page, key: str) -> Locator:
    return page.locator(f'[data-figure="{key}"]')


async def table_of(card: Locator) -> dict[str, dict[str, int]]:
    """A figure's table as {category: {series: count}}, its 合计 row and column left out."""
    headers = [text.strip() for text in await card.locator(".el-table__header th").all_inner_texts()]
    table: dict[str, dict[str, int]] = {}
    for row in await card.locator(".el-table__body tbody tr").all():
        cells = [text.strip() for text in await row.locator("td").all_inner_texts()]
        if cells[0] == "合计":
            continue
        table[cells[0]] = {
            header: int(cell) for header, cell in zip(headers[1:], cells[1:], strict=True) if header != "合计"
        }
    return table


def nonzero(table: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The cells that count something: the services list only what exists."""
    kept = {category: {k: v for k, v in row.items() if v} for category, row in table.items()}
    return {category: row for category, row in kept.items() if row}


async def as_bureau(system: System, service: str, path: str, **params: Any) -> Any:
    return p.ok(await system.clients[service].get(path, params=params, headers=system.bureau))


async def test_two_stations_are_recognised_and_others_apply(system: System) -> None:
    subject, name = BUREAU
    official = {"name": name, "role": "bureau_admin", "email": f"{subject}@gz.gov.example.cn"}
    p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))
    stations.extend(await p.recognised_stations(system, [TIANHE, YUEXIU], EXPERTS, year=YEAR))
    for station in stations:
        await p.known_to(system, "activities", station)

    await p.set_contact(system, WAITING)
    await p.submit_application(system, WAITING)
    await p.set_contact(system, RETURNED)
    returned = await p.submit_application(system, RETURNED)
    answer = await system.registry.post(
        f"/applications/{returned.id}/return",
        json={"reasons": ["请补充服务场所产权证明"]},
        headers=system.district(RETURNED.district_code),
    )
    p.ok(answer)

    today = await system.today()
    tianhe, yuexiu = stations
    for days in (5, 3, 1):
        await p.record_promotion(system, tianhe, today - timedelta(days=days))
    await p.record_promotion(system, yuexiu, today - timedelta(days=2))

    for form in REQUESTS:
        pending = p.ok(await system.activities.post("/service-requests", json=form), 202)
        code = await system.next_code_to(form["contact_phone"], after=0)
        confirmed = p.ok(
            await system.activities.post(f"/service-requests/{pending['id']}/confirm", json={"code": code})
        )
        if form["district_code"] == TIANHE.district_code:
            operator = system.operator(TIANHE.uscc, tianhe.station_id)
            p.ok(await system.activities.post(f"/service-requests/{confirmed['id']}/accept", headers=operator))
            accepted.append(str(confirmed["id"]))


async def test_each_figure_says_what_it_counts_and_matches_its_lists(page: Page, system: System, shoot: Shoot) -> None:
    await open_signed_in(page, PATH, BUREAU[1])
    await expect(page.get_by_role("heading", level=1, name="统计")).to_be_visible()
    for key in ("applications", "review", "stations", "promotion", "assessment", "requests"):
        await expect(figure(page, key).get_by_test_id("figure-chart").locator("svg")).to_be_visible()

    # Applications of the 2026 round, per district and status: registry's counts for each district.
    card = figure(page, "applications")
    await expect(card.get_by_test_id("figure-caption")).to_contain_text("2026年度批次已提交的认定申请")
    expected: dict[str, dict[str, int]] = {}
    labels = {"submitted": "待区级初审", "returned": "退回补正", "rejected": "区级初审不予通过", "recognised": "已认定"}
    labels |= {"forwarded": "已上报市工业和信息化局", "declined": "未获认定"}
    for code, district in DISTRICTS.items():
        counts = await as_bureau(system, "registry", "/applications/counts", round_year=YEAR, district_code=code)
        row = {labels[line["status"]]: line["count"] for line in counts["by_status"] if line["count"]}
        if row:
            expected[district] = row
    assert expected == {"天河区": {"待区级初审": 1, "已认定": 1}, "越秀区": {"退回补正": 1, "已认定": 1}}
    assert nonzero(await table_of(card)) == expected

    # The review round: its cases by stage, as review counts them.
    card = figure(page, "review")
    round_view = await as_bureau(system, "review", f"/rounds/{YEAR}")
    assert sum(round_view["cases_by_status"].values()) == 2
    assert sum(sum(row.values()) for row in (await table_of(card)).values()) == 2
    assert nonzero(await table_of(card)) == {"已认定": {"评审案件数": round_view["cases_by_status"]["recognised"]}}

    # The register by district and status: registry's list of stations.
    card = figure(page, "stations")
    register = await as_bureau(system, "registry", "/stations", limit=200)
    by_district = Counter(DISTRICTS[station["district_code"]] for station in register["items"])
    assert nonzero(await table_of(card)) == {district: {"有效": count} for district, count in by_district.items()}

    # The promotion duty: activities' progress of every station for the year.
    card = figure(page, "promotion")
    progress = (await as_bureau(system, "activities", "/promotions/progress", year=YEAR, limit=200))["items"]
    target = progress[0]["target"]
    await expect(card.get_by_test_id("figure-caption")).to_contain_text(f"不少于 {target} 场")
    stations_by_district: dict[str, Counter[str]] = {}
    for line in progress:
        series = "已完成年度推广任务" if line["met"] else "尚未完成"
        stations_by_district.setdefault(DISTRICTS[line["district_code"]], Counter())[series] += 1
    assert nonzero(await table_of(card)) == {k: dict(v) for k, v in stations_by_district.items()}
    assert nonzero(await table_of(card)) == {"天河区": {"已完成年度推广任务": 1}, "越秀区": {"尚未完成": 1}}

    # The assessment: 2026 has no cycle yet (the service says so), and the figure says there is nothing.
    card = figure(page, "assessment")
    answer = await system.assessment.get("/reports/results-by-district", params={"year": YEAR}, headers=system.bureau)
    assert answer.status_code == 404, answer.text
    await expect(card.get_by_test_id("figure-none")).to_have_text("所选年度暂无数据。")
    assert nonzero(await table_of(card)) == {}

    # Service requests by district and timeliness: activities' list.
    card = figure(page, "requests")
    requests = (await as_bureau(system, "activities", "/service-requests", limit=200))["items"]
    assert {request["id"] for request in requests if request["accepted_at"]} == set(accepted)
    assert nonzero(await table_of(card)) == {"天河区": {"按时受理": 1}, "越秀区": {"待受理（未逾期）": 1}}

    await looks_right(page, shoot, "console-bureau-statistics")


async def test_a_figure_s_export_holds_its_table(page: Page, tmp_path: Path) -> None:
    await open_signed_in(page, PATH, BUREAU[1])
    card = figure(page, "applications")
    await expect(card.locator(".el-table__body tbody tr")).to_have_count(12)  # 11 districts and 合计
    async with page.expect_download() as started:
        await card.get_by_role("button", name="导出 Excel（服务站认定申请受理情况）").click()
    download = await started.value
    saved = tmp_path / download.suggested_filename
    await download.save_as(saved)
    assert saved.name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(saved.read_bytes())).worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    headers = [str(value) for value in values[0]]
    rows = {str(row[0]): dict(zip(headers[1:], row[1:], strict=True)) for row in values[1:]}
    assert (headers[0], headers[-1]) == ("区", "合计")
    assert (rows["天河区"]["待区级初审"], rows["天河区"]["合计"]) == (1, 2)
    assert rows["合计"]["合计"] == 4
    assert f"{YEAR}年度" in download.suggested_filename


async def test_the_head_station_sees_the_same_figures(page: Page, system: System, shoot: Shoot) -> None:
    """The head station decides too (its recommendations, the promotion duty, the service requests):
    its 统计 is the city's, figure for figure what the bureau sees."""
    await open_signed_in(page, PATH, BUREAU[1])
    keys = ("applications", "review", "stations", "promotion", "assessment", "requests")
    for key in keys:
        await expect(figure(page, key).get_by_test_id("figure-chart")).to_be_visible()
    bureau = {key: await table_of(figure(page, key)) for key in keys}

    subject, name = HEAD_STATION
    official = {"name": name, "role": "head_station_staff", "email": f"{subject}@gz.gov.example.cn"}
    p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))
    await open_signed_in(page, f"/console/head-station/statistics?year={YEAR}", name)
    await expect(page.get_by_role("heading", level=1, name="统计")).to_be_visible()
    for key in keys:
        await expect(figure(page, key).get_by_test_id("figure-chart")).to_be_visible()
    assert {key: await table_of(figure(page, key)) for key in keys} == bureau
    await looks_right(page, shoot, "console-head-station-statistics")
