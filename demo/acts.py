"""The demo programme in two acts, each step taken by the person it belongs to, over HTTP.

Act one (any day): the bureau opens this year's round; twelve applicants in seven districts
submit with their materials; the districts forward ten (one is returned for completion, one
still waits); four experts score; the head station recommends nine and reports; the bureau
fixes the shortlist and publishes the notice today; two objections arrive. The head station
plans its themed months and schedules activities; enterprises register and ask for services.

Act two (once the notice period is over): the bureau resolves the objections (one upheld) and
publishes the final list; the stations enter the register, sign the convention, schedule
activities, record promotion sessions and report their district's demand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from demo.api import Api, DemoError
from demo.cast import (
    APPLICANTS,
    AWAITING_DISTRICT,
    ENTERPRISE_CONTACTS,
    ENTERPRISES,
    EXPERTS,
    NOT_RECOMMENDED,
    OBJECTION_NOT_UPHELD,
    OBJECTION_UPHELD,
    OFFICIALS,
    RETURNED,
    Applicant,
)
from sme_kit.vocabulary import SHANGHAI

DEMO_MARK = "（演示数据）"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + b" " * 2048 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 512
MATERIALS = ("business_licence", "premises_proof", "management_system", "staff_proof")
STATION_ACTIVITIES = (
    ("salon", "企业融资对接沙龙"),
    ("training", "企业数字化转型培训"),
    ("dialogue", "企业政企面对面"),
    ("seminar", "企业出海合规研讨"),
)

Say = Callable[[str], None]


@dataclass
class Where:
    """How far the demo got in this system."""

    year: int
    round_exists: bool
    is_demo: bool
    review_status: str | None
    notice: dict[str, Any] | None


def where(api: Api) -> Where:
    """Read the round, the review round and the notice of this year."""
    year = api.today().year
    found = api.request("registry", "GET", f"/rounds/{year}", expect=(200, 404))
    if found is None or "window_opens_on" not in found:  # a 404 problem, not a round
        return Where(year, False, False, None, None)
    review = api.request("review", "GET", f"/rounds/{year}", expect=(200, 404), headers=api.bureau)
    status = review.get("status") if review and "cases" in review else None
    notice = None
    if review and review.get("notice_id"):
        notice = api.get("review", f"/public/notices/{review['notice_id']}")
    return Where(year, True, DEMO_MARK in found["title"], status, notice)


# --- act one ---------------------------------------------------------------------------------


def act_one(api: Api, say: Say) -> dict[str, Any]:
    """From the round's opening to the notice with its objections; returns the notice."""
    today = api.today()
    year = today.year
    _directory(api)
    say(f"· 市工业和信息化局设立 {year} 年度申请批次")
    api.post(
        "registry",
        "/rounds",
        headers=api.bureau,
        json={
            "year": year,
            "title": f"{year}年度广州市民营和中小企业服务站认定申请{DEMO_MARK}",
            "window_opens_on": (today - timedelta(days=30)).isoformat(),
            "window_closes_on": (today + timedelta(days=30)).isoformat(),
            "forwarding_deadline": (today + timedelta(days=45)).isoformat(),
        },
    )
    applications = {a.key: _submit(api, a) for a in APPLICANTS}
    say(f"· {len(applications)} 家单位提交申请（含营业执照、场所证明、管理制度、人员证明）")

    forwarded = []
    for applicant in APPLICANTS:
        application_id = applications[applicant.key]
        district = api.district(applicant.district_code)
        if applicant.key in RETURNED:
            api.post(
                "registry",
                f"/applications/{application_id}/return",
                headers=district,
                json={"reasons": RETURNED[applicant.key]},
            )
        elif applicant.key not in AWAITING_DISTRICT:
            api.post(
                "registry",
                f"/applications/{application_id}/forward",
                headers=district,
                json={"opinion": "经初审，材料齐全，符合申报条件，同意上报"},
            )
            forwarded.append(applicant)
    say(f"· 各区初审：上报 {len(forwarded)} 家，退回补正 {len(RETURNED)} 家，待初审 {len(AWAITING_DISTRICT)} 家")

    for expert_id, (name, title, organisation, uscc) in EXPERTS.items():
        api.post(
            "review",
            "/experts",
            headers=api.head_station,
            json={
                "id": expert_id,
                "name": name,
                "title": title,
                "organisation_name": organisation,
                "organisation_uscc": uscc,
                "expertise": ["企业服务", "中小企业政策"],
            },
        )
    cases = {a.key: _case_of(api, applications[a.key]) for a in forwarded}
    criteria = api.get("review", f"/rounds/{year}/criteria", headers=api.head_station)["criteria"]
    experts = list(EXPERTS)
    for index, applicant in enumerate(forwarded):
        panel = [experts[(index + k) % len(experts)] for k in range(3)]
        _expert_review(api, cases[applicant.key], applicant, panel, criteria, today)
        recommendation = "not_recommend" if applicant.key in NOT_RECOMMENDED else "recommend"
        api.put(
            "review",
            f"/cases/{cases[applicant.key]}/recommendation",
            headers=api.head_station,
            json={
                "recommendation": recommendation,
                "reasons": (
                    f"专家评审平均分约 {applicant.mark} 分，服务能力较强，建议推荐"
                    if recommendation == "recommend"
                    else f"专家评审平均分约 {applicant.mark} 分，服务经验和专职人员配备不足，暂不推荐"
                ),
            },
        )
    say(f"· 4 位专家完成 {len(forwarded)} 个案件评分；服务总站形成推荐意见并报送市工业和信息化局")
    api.post("review", f"/rounds/{year}/submission", headers=api.head_station)

    shortlist = sorted((a for a in forwarded if a.key not in NOT_RECOMMENDED), key=lambda a: -a.mark)
    api.put(
        "review",
        f"/rounds/{year}/shortlist",
        headers=api.bureau,
        json={"application_ids": [applications[a.key] for a in shortlist]},
    )
    notice = api.request(
        "review",
        "POST",
        f"/rounds/{year}/notice",
        headers=api.bureau,
        expect=(201, 409),
        json={"title": f"{year}年广州市民营和中小企业服务站拟认定名单公示{DEMO_MARK}"},
    )
    if "id" not in notice:
        raise DemoError(f"the notice could not be published: {notice.get('detail')}")
    say(f"· 拟认定名单 {len(shortlist)} 家公示：{notice['period_start']} 至 {notice['period_end']}（5 个工作日）")

    for key, grounds, _ in (OBJECTION_NOT_UPHELD, OBJECTION_UPHELD):
        _object(api, notice["id"], applications[key], grounds, as_organisation=key == OBJECTION_NOT_UPHELD[0])
    say("· 公示期内收到 2 份书面异议（单位 1 份、个人 1 份）")

    _head_station_programme(api, today, say)
    return notice  # type: ignore[no-any-return]


def _directory(api: Api) -> None:
    """The officials and the experts, so that their messages reach them and the console lists them."""
    people = {**OFFICIALS, **{expert_id: (name, "expert", None) for expert_id, (name, *_) in EXPERTS.items()}}
    for subject, (name, role, district_code) in people.items():
        api.put(
            "notifications",
            f"/directory/officials/{subject}",
            headers=api.bureau,
            json={"name": name, "role": role, "district_code": district_code, "email": f"{subject}@gz.gov.example.cn"},
        )


def _submit(api: Api, applicant: Applicant) -> str:
    operator = api.operator(applicant.uscc)
    api.put(
        "notifications",
        "/me/contact",
        headers=operator,
        json={"contact_name": applicant.contact[0], "email": applicant.email, "mobile": applicant.contact[1]},
    )
    draft = api.post("registry", "/applications", headers=operator, json=applicant.form())
    for kind in MATERIALS:
        api.post(
            "registry",
            f"/applications/{draft['id']}/attachments",
            headers=operator,
            data={"kind": kind},
            files={"file": (f"{kind}.pdf", PDF, "application/pdf")},
        )
    api.post("registry", f"/applications/{draft['id']}/submit", headers=operator)
    return str(draft["id"])


def _case_of(api: Api, application_id: str) -> str:
    def opened() -> str | None:
        offset, total = 0, 1
        while offset < total:  # every page of the case list, 200 (the most a page holds) at a time
            page = api.get("review", "/cases", params={"limit": 200, "offset": offset}, headers=api.head_station)
            found = next((c["id"] for c in page["items"] if c["application_id"] == application_id), None)
            if found is not None:
                return str(found)
            offset, total = offset + page["limit"], page["total"]
        return None

    return api.wait(opened, f"review to open the case of application {application_id}")


def _expert_review(
    api: Api, case_id: str, applicant: Applicant, panel: list[str], criteria: list[dict[str, Any]], today: date
) -> None:
    api.post(
        "review",
        f"/cases/{case_id}/assignments",
        headers=api.head_station,
        json={"expert_ids": panel, "due_on": (today + timedelta(days=10)).isoformat()},
    )
    for seat, expert_id in enumerate(panel):
        marks = {c["code"]: max(0, min(100, applicant.mark + (i + seat) % 5 - 2)) for i, c in enumerate(criteria)}
        api.put(
            "review",
            f"/cases/{case_id}/score-sheet",
            headers=api.expert(expert_id),
            json={"marks": marks, "comment": "服务场所、人员与服务经验总体符合认定条件"},
        )


def _object(api: Api, notice_id: str, application_id: str, grounds: str, *, as_organisation: bool) -> None:
    if as_organisation:
        data = {
            "objector_type": "organisation",
            "target_application_id": application_id,
            "grounds": grounds,
            "organisation_name": "广州市某行业商会",
            "contact_phone": "020-83331234",
        }
        files = {"seal_scan": ("书面异议（加盖公章）.png", PNG, "image/png")}
        api.post("review", f"/public/notices/{notice_id}/objections", data=data, files=files)
    else:
        data = {
            "objector_type": "individual",
            "target_application_id": application_id,
            "grounds": grounds,
            "real_name": "张三",
            "id_number": "440106199001011235",
            "contact_phone": "13800138000",
        }
        api.post("review", f"/public/notices/{notice_id}/objections", data=data)


def _head_station_programme(api: Api, today: date, say: Say) -> None:
    """Themed months, the head station's own activities with registrations, and SMEs asking for help."""
    year = today.year
    plan = [{"month": m, "theme": t, "goals": g} for m, t, g in _theme_months(today)]
    months = api.put("activities", f"/theme-months/{year}", headers=api.head_station, json={"months": plan})
    api.put(
        "activities",
        f"/theme-months/{year + 1}",
        headers=api.head_station,
        json={
            "months": [
                {"month": 3, "theme": "intellectual_property", "goals": ["举办专利质押融资沙龙不少于 2 场"]},
                {"month": 6, "theme": "finance_tax", "goals": ["开展减税降费政策宣讲，覆盖企业不少于 300 家"]},
                {"month": 9, "theme": "custom", "title": "数字化转型服务月", "goals": ["组织企业上云用数赋智对接会"]},
            ]
        },
    )
    theme_month = months[-1]["id"] if months else None
    activities = [
        ("lecture", "中小企业惠企政策解读会", 7, "广州市越秀区府前路 1 号市工业和信息化局会议室"),
        ("salon", "“穗小信”政策数字人使用沙龙", 9, "广州市天河区天河路 385 号"),
    ]
    for activity_type, title, in_days, venue in activities:
        starts = datetime.combine(today + timedelta(days=in_days), time(14, 30), SHANGHAI)
        created = api.post(
            "activities",
            "/activities",
            headers=api.head_station,
            json={
                "activity_type": activity_type,
                "title": title,
                "description": "服务总站主办，面向全市民营和中小企业，现场解读最新惠企政策并答疑。",
                "theme_month_id": theme_month,
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=2, minutes=30)).isoformat(),
                "venue": venue,
                "capacity": 80,
            },
        )
        forms = [
            (f"/activities/{created['id']}/registrations", _contact_answers(name, uscc), created["title"])
            for name, uscc, *_ in ENTERPRISES
        ]
        _file_and_confirm(api, forms)
    _ask_for_services(api, ENTERPRISES[:2])
    say("· 服务总站发布主题月计划、举办 2 场活动（企业已报名），受理 2 项企业服务需求")


def _theme_months(today: date) -> list[tuple[int, str, list[str]]]:
    return [(today.month, "policy", ["开展惠企政策宣讲不少于 3 场", "推广“穗小信”工信政策数字人"])]


def _contact_answers(name: str, uscc: str) -> dict[str, str]:
    contact_name, mobile = ENTERPRISE_CONTACTS[uscc]
    return {"company_name": name, "uscc": uscc, "contact_name": contact_name, "contact_phone": mobile}


def _ask_for_services(api: Api, enterprises: Iterable[tuple[str, str, str, str, str]]) -> None:
    forms = [
        (
            "/service-requests",
            {**_contact_answers(name, uscc), "district_code": district_code, "category": category, "details": details},
            "服务需求",
        )
        for name, uscc, district_code, category, details in enterprises
    ]
    _file_and_confirm(api, forms)


def _file_and_confirm(api: Api, forms: list[tuple[str, dict[str, str], str]]) -> None:
    """File public forms (path, answers, what its SMS mentions) as their enterprises' contacts do, then
    confirm each with the code texted to the contact's mobile: a form counts only once confirmed."""
    mark = api.texts_so_far()
    pending = []
    for path, answers, mentioning in forms:
        answer = api.post("activities", path, json=answers, expect=(202,))
        pending.append((f"{path}/{answer.get('registration_id') or answer['id']}", answers, mentioning))
    for url, answers, mentioning in pending:
        code = api.code_texted_to(answers["contact_phone"], mentioning, after=mark)
        api.post("activities", f"{url}/confirm", json={"code": code})


# --- act two ---------------------------------------------------------------------------------


def act_two(api: Api, year: int, say: Say) -> list[dict[str, Any]]:
    """The objections resolved, the final list published, and the new stations at work."""
    found = api.get("review", "/objections", params={"round_year": year, "limit": 200}, headers=api.bureau)
    objections = found["items"]
    applications = _applications(api, year)
    for key, _, findings in (OBJECTION_NOT_UPHELD, OBJECTION_UPHELD):
        for objection in objections:
            if objection["target_application_id"] == applications[key] and objection["status"] != "resolved":
                outcome = "not_upheld" if key == OBJECTION_NOT_UPHELD[0] else "upheld"
                api.post(
                    "review",
                    f"/objections/{objection['id']}/resolution",
                    headers=api.bureau,
                    json={"outcome": outcome, "findings": findings},
                )
    say("· 市工业和信息化局调查核实异议：1 份不成立、1 份成立")
    final = api.post(
        "review",
        f"/rounds/{year}/final-list",
        headers=api.bureau,
        json={"title": f"{year}年广州市民营和中小企业服务站最终认定名单{DEMO_MARK}"},
    )
    say(f"· 公布最终认定名单 {len(final['entries'])} 家，颁发牌匾")

    recognised = {e["application_id"] for e in final["entries"]}

    def registered() -> list[dict[str, Any]] | None:
        page = api.get("registry", "/stations", params={"limit": 200}, headers=api.bureau)
        stations = [s for s in page["items"] if s["application_id"] in recognised]
        return stations if len(stations) == len(recognised) else None

    stations = api.wait(registered, "the recognised stations in the register")
    _stations_at_work(api, stations, say)
    return stations


def _applications(api: Api, year: int) -> dict[str, str]:
    page = api.get("registry", "/applications", params={"round_year": year, "limit": 200}, headers=api.bureau)
    by_uscc = {a["uscc"]: a["id"] for a in page["items"]}
    return {a.key: by_uscc[a.uscc] for a in APPLICANTS if a.uscc in by_uscc}


def _stations_at_work(api: Api, stations: list[dict[str, Any]], say: Say) -> None:
    today = api.today()
    by_uscc = {a.uscc: a for a in APPLICANTS}

    def active_in_activities() -> bool:
        page = api.get("activities", "/stations", params={"limit": 200}, headers=api.head_station)
        known = {s["id"] for s in page["items"]}
        return all(s["id"] in known for s in stations)

    api.wait(active_in_activities, "activities to know the new stations")
    for index, station in enumerate(stations):
        applicant = by_uscc[station["uscc"]]
        operator = api.operator(applicant.uscc, station["id"])
        api.post(
            "registry",
            f"/stations/{station['id']}/convention",
            headers=operator,
            json={"signatory_name": applicant.legal_representative, "signatory_title": "法定代表人"},
        )
        for _ in range(index % 3 + 1):
            api.post(
                "activities",
                "/promotions",
                headers=operator,
                json={
                    "station_id": station["id"],
                    "held_on": today.isoformat(),
                    "subjects": ["sme_service_platform", "suixiaoxin"],
                    "audience_count": 30 + 5 * index,
                    "venue": station["address"],
                },
            )
        if index < 4:
            starts = datetime.combine(today + timedelta(days=5 + index), time(9, 30), SHANGHAI)
            partner = stations[(index + 1) % len(stations)]["id"]
            api.post(
                "activities",
                "/activities",
                headers=operator,
                json={
                    "activity_type": STATION_ACTIVITIES[index][0],
                    "title": applicant.industries[0] + STATION_ACTIVITIES[index][1],
                    "description": "服务站主办，邀请入驻服务机构与辖区企业现场对接。",
                    "co_organiser_station_ids": [partner],
                    "starts_at": starts.isoformat(),
                    "ends_at": (starts + timedelta(hours=3)).isoformat(),
                    "venue": station["address"],
                    "capacity": 40,
                },
            )
        if index < 3:
            quarter = (today.month - 1) // 3 + 1
            api.put(
                "activities",
                f"/demand-reports/{today.year}/{quarter}",
                headers=operator,
                json={
                    "industries": [
                        {
                            "industry": applicant.industries[0],
                            "enterprises_surveyed": 20 + index * 7,
                            "main_needs": ["financing", "talent"],
                        },
                    ],
                    "needs": [{"category": "financing", "enterprises": 6 + index, "description": "抵押物不足，融资难"}],
                    "enterprise_conditions": "辖区企业订单总体平稳，部分外贸企业受汇率波动影响。",
                    "service_needs": "希望开展知识产权质押融资和跨境合规培训。",
                },
            )
    _ask_for_services(api, ENTERPRISES[2:])
    say(f"· {len(stations)} 家服务站签署服务公约、登记宣讲推广、举办活动、报送需求；企业向服务站提出服务需求")
