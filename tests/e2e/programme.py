"""The steps of a programme year as the people in it take them, over HTTP only.

Each step is one user's action with that user's token (applicant, district officer, head
station, expert, bureau, the public), asserts that the service accepted it, and returns what a
later step needs. Steps that depend on another service's reaction wait for it to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from stdnum.cn import uscc as uscc_number

from .system import System, at

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 2048
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 256
REQUIRED_ATTACHMENTS = ("business_licence", "premises_proof", "management_system", "staff_proof")
EXPERT_ORGANISATION = "12440100MB2D34567Q"  # an institution of the city, not an applicant


def uscc(district_code: str, organisation_code: str, entity_type: str = "91") -> str:
    """A unified social credit code with its check digit (GB 32100-2015)."""
    body = f"{entity_type}{district_code}{organisation_code}"
    assert len(body) == 17, body
    return body + uscc_number.calc_check_digit(body)


@dataclass(frozen=True)
class Applicant:
    """An organisation that applies to run a station, and what it writes on the form."""

    organisation_code: str
    entity_name: str
    district_code: str
    station_name: str
    address: str
    legal_representative: str
    contact_name: str
    contact_phone: str
    email: str
    services: tuple[str, ...] = ("information", "financing", "legal")
    operator_type: str = "sme_service_centre"
    staff: tuple[tuple[str, str, str], ...] = (
        ("李明", "服务站站长", "13800138000"),
        ("陈静", "服务专员", "13900139000"),
    )

    @property
    def uscc(self) -> str:
        return uscc(self.district_code, self.organisation_code)

    def form(self, *, kind: str = "new", station_id: str | None = None) -> dict[str, Any]:
        """The complete application form (§4.1.2) of this applicant."""
        return {
            "uscc": self.uscc,
            "entity_name": self.entity_name,
            "district_code": self.district_code,
            "kind": kind,
            "station_id": station_id,
            "legal_representative": self.legal_representative,
            "registered_address": self.address + " 801 室",
            "station_name": self.station_name,
            "station_address": self.address + " 1 楼服务大厅",
            "operator_type": self.operator_type,
            "office_area_sqm": 260,
            "services": list(self.services),
            "personalised_services": "专精特新企业成长辅导",
            "industries": ["新一代信息技术", "先进制造业"],
            "service_area": "本区及周边产业园区",
            "service_experience": "近三年为辖区 300 余家中小企业提供政策咨询、融资对接与法律服务",
            "management_system": "服务台账制度、服务质量回访制度；设站长 1 名、服务专员 2 名",
            "resident_institutions": [{"name": "广州某律师事务所", "services": "法律咨询、合同审查"}],
            "contact": {"name": self.contact_name, "phone": self.contact_phone, "email": self.email},
            "staff": [{"name": n, "role": r, "phone": p} for n, r, p in self.staff],
        }


def applicant(
    code: str,
    name: str,
    district_code: str,
    station: str,
    address: str,
    person: str,
    contact: tuple[str, str] = ("钟晓琳", "13622223333"),
) -> Applicant:
    """An applicant as a scenario names it: its organisation code, name, district, the station's short
    name (in the full 广州市民营和中小企业服务站（…）), address, legal representative, and contact."""
    return Applicant(
        organisation_code=code,
        entity_name=name,
        district_code=district_code,
        station_name=f"广州市民营和中小企业服务站（{station}）",
        address=address,
        legal_representative=person,
        contact_name=contact[0],
        contact_phone=contact[1],
        email=f"office@{code.lower()}.example.cn",
    )


@dataclass
class Application:
    """An applicant's application as it travels through the services."""

    applicant: Applicant
    id: str
    case_id: str | None = None
    station_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def ok(answer: Any, *expected: int) -> Any:
    """The JSON of an accepted answer (status 200/201 unless said otherwise)."""
    request = answer.request
    assert answer.status_code in (expected or (200, 201)), f"{request.method} {request.url}: {answer.text}"
    return answer.json()


# --- registry: round, application, district review -------------------------------------------


async def open_round(system: System, year: int, opens_on: date, closes_on: date, deadline: date) -> None:
    """The bureau opens the year's application round (§4.1.1)."""
    body = {
        "year": year,
        "window_opens_on": opens_on.isoformat(),
        "window_closes_on": closes_on.isoformat(),
        "forwarding_deadline": deadline.isoformat(),
    }
    ok(await system.registry.post("/rounds", json=body, headers=system.bureau), 201)


async def set_contact(system: System, applicant: Applicant) -> None:
    """The applicant tells notifications where its e-mail goes."""
    body = {"contact_name": applicant.contact_name, "email": applicant.email, "mobile": applicant.contact_phone}
    ok(await system.notifications.put("/me/contact", json=body, headers=system.operator(applicant.uscc)))


async def submit_application(
    system: System, applicant: Applicant, *, kind: str = "new", station_id: str | None = None
) -> Application:
    """The applicant fills in the form, attaches its materials and submits to its district."""
    operator = system.operator(applicant.uscc, station_id)
    draft = ok(
        await system.registry.post(
            "/applications", json=applicant.form(kind=kind, station_id=station_id), headers=operator
        ),
        201,
    )
    application_id = str(draft["id"])
    for kind_of_material in REQUIRED_ATTACHMENTS:
        ok(
            await system.registry.post(
                f"/applications/{application_id}/attachments",
                data={"kind": kind_of_material},
                files={"file": (f"{kind_of_material}.pdf", PDF, "application/pdf")},
                headers=operator,
            ),
            201,
        )
    submitted = ok(await system.registry.post(f"/applications/{application_id}/submit", headers=operator))
    assert submitted["status"] == "submitted", submitted
    return Application(applicant, application_id, station_id=station_id)


async def forward(system: System, application: Application) -> None:
    """The district's preliminary review passes: the application goes to the bureau (§4.1.3(1))."""
    ok(
        await system.registry.post(
            f"/applications/{application.id}/forward",
            json={"opinion": "材料齐全，符合申报条件，同意上报"},
            headers=system.district(application.applicant.district_code),
        )
    )


async def application_view(system: System, application: Application) -> dict[str, Any]:
    """The application as its applicant sees it in registry."""
    operator = system.operator(application.applicant.uscc, application.station_id)
    return dict(ok(await system.registry.get(f"/applications/{application.id}", headers=operator)))


# --- review: case, experts, recommendation, notice, objections, final list --------------------


async def case_opened(system: System, application: Application) -> str:
    """Wait until review opened the case of a forwarded application; returns its id."""

    async def opened() -> str | None:
        offset, total = 0, 1
        while offset < total:  # every page of the case list, 200 (the most a page holds) at a time
            params = {"limit": 200, "offset": offset}
            page = ok(await system.review.get("/cases", params=params, headers=system.head_station))
            found = next((c["id"] for c in page["items"] if c["application_id"] == application.id), None)
            if found is not None:
                return str(found)
            offset, total = offset + page["limit"], page["total"]
        return None

    application.case_id = await system.eventually(opened, f"the review case of {application.applicant.entity_name}")
    return application.case_id


async def register_experts(system: System, experts: dict[str, str]) -> None:
    """The head station puts experts (id → name) in the pool."""
    for expert_id, name in experts.items():
        ok(
            await system.review.post(
                "/experts",
                json={
                    "id": expert_id,
                    "name": name,
                    "title": "高级经济师",
                    "organisation_name": "广州市中小企业发展促进中心",
                    "organisation_uscc": EXPERT_ORGANISATION,
                    "expertise": ["企业服务", "融资"],
                },
                headers=system.head_station,
            ),
            201,
        )


async def expert_review(
    system: System, year: int, application: Application, experts: list[str], mark: int = 85
) -> None:
    """The head station assigns the experts; each scores the case on every criterion."""
    assert application.case_id, "the case must be open"
    due = (await system.today() + timedelta(days=10)).isoformat()
    ok(
        await system.review.post(
            f"/cases/{application.case_id}/assignments",
            json={"expert_ids": experts, "due_on": due},
            headers=system.head_station,
        ),
        201,
    )
    criteria = ok(await system.review.get(f"/rounds/{year}/criteria", headers=system.head_station))["criteria"]
    for expert_id in experts:
        mine = ok(await system.review.get("/my/assignments", headers=system.expert(expert_id)))
        assert application.case_id in {a["case_id"] for a in mine["items"]}
        ok(
            await system.review.put(
                f"/cases/{application.case_id}/score-sheet",
                json={"marks": {c["code"]: mark for c in criteria}, "comment": "服务场所与人员配备符合要求"},
                headers=system.expert(expert_id),
            )
        )


async def recommend(system: System, application: Application, recommendation: str = "recommend") -> None:
    reasons = "专家评审意见一致，服务能力突出" if recommendation == "recommend" else "专家评审得分偏低"
    ok(
        await system.review.put(
            f"/cases/{application.case_id}/recommendation",
            json={"recommendation": recommendation, "reasons": reasons},
            headers=system.head_station,
        )
    )


async def submit_round(system: System, year: int) -> None:
    """The head station reports the round's recommendations to the bureau (§4.1.3(2))."""
    ok(await system.review.post(f"/rounds/{year}/submission", headers=system.head_station))


async def fix_shortlist(system: System, year: int, applications: list[Application]) -> None:
    ok(
        await system.review.put(
            f"/rounds/{year}/shortlist",
            json={"application_ids": [a.id for a in applications]},
            headers=system.bureau,
        )
    )


async def publish_notice(system: System, year: int) -> dict[str, Any]:
    """The bureau publishes the shortlist for 5 working days (§4.1.3(3))."""
    return dict(ok(await system.review.post(f"/rounds/{year}/notice", headers=system.bureau), 201))


async def object_as_organisation(system: System, notice_id: str, target: Application, grounds: str) -> str:
    """An organisation files a written objection with its seal (§4.1.3(4)); returns the objection id."""
    receipt = ok(
        await system.review.post(
            f"/public/notices/{notice_id}/objections",
            data={
                "objector_type": "organisation",
                "target_application_id": target.id,
                "grounds": grounds,
                "organisation_name": "广州市某行业商会",
                "contact_phone": "020-83331234",
            },
            files={"seal_scan": ("书面异议（盖章）.png", PNG, "image/png")},
        ),
        201,
    )
    return str(receipt["id"])


async def object_as_individual(system: System, notice_id: str, target: Application, grounds: str) -> str:
    """A person files an objection under real name with contact (§4.1.3(4)); returns the objection id."""
    receipt = ok(
        await system.review.post(
            f"/public/notices/{notice_id}/objections",
            data={
                "objector_type": "individual",
                "target_application_id": target.id,
                "grounds": grounds,
                "real_name": "张三",
                "id_number": "440106199001011235",
                "contact_phone": "13800138000",
            },
        ),
        201,
    )
    return str(receipt["id"])


async def resolve_objection(system: System, objection_id: str, outcome: str, findings: str) -> None:
    ok(
        await system.review.post(
            f"/objections/{objection_id}/resolution",
            json={"outcome": outcome, "findings": findings},
            headers=system.bureau,
        )
    )


async def notice_ended(system: System, notice_id: str) -> dict[str, Any]:
    """Wait until the notice's period is over (review's durable timer ended it)."""

    async def ended() -> dict[str, Any] | None:
        notice = ok(await system.review.get(f"/public/notices/{notice_id}"))
        return notice if not notice["accepting_objections"] and notice["status"] != "published" else None

    return await system.eventually(ended, "the end of the notice period")


async def publish_final_list(system: System, year: int) -> dict[str, Any]:
    """The bureau publishes the final list; plaques are numbered (§4.1.3(5))."""
    return dict(ok(await system.review.post(f"/rounds/{year}/final-list", headers=system.bureau), 201))


async def decide_re_review(system: System, application: Application, result: str, reason: str = "") -> None:
    ok(
        await system.review.post(
            f"/cases/{application.case_id}/re-review-decision",
            json={"result": result, "reason": reason},
            headers=system.bureau,
        )
    )


async def reviewed_and_recommended(
    system: System, year: int, applications: list[Application], experts: list[str]
) -> None:
    """Every application's case opened, scored by the experts and recommended by the head station."""
    for application in applications:
        await case_opened(system, application)
        await expert_review(system, year, application, experts)
        await recommend(system, application)


# --- registry's register ----------------------------------------------------------------------


async def registered_station(system: System, application: Application) -> dict[str, Any]:
    """Wait until registry entered the applicant's station in the register; returns the full record."""

    async def entered() -> dict[str, Any] | None:
        page = ok(
            await system.registry.get(
                "/stations", params={"limit": 200}, headers=system.operator(application.applicant.uscc)
            )
        )
        found = [s for s in page["items"] if s["application_id"] == application.id]
        return found[0] if found else None

    station = await system.eventually(entered, f"the station of {application.applicant.entity_name}")
    application.station_id = station["id"]
    return station


async def public_register(system: System, **filters: str) -> list[dict[str, Any]]:
    page = ok(await system.registry.get("/public/stations", params={"limit": 100, **filters}))
    return list(page["items"])


async def station_record(system: System, station_id: str) -> dict[str, Any]:
    return dict(ok(await system.registry.get(f"/stations/{station_id}", headers=system.bureau)))


async def recognised_stations(
    system: System, applicants: list[Applicant], experts: dict[str, str], *, year: int = 2026
) -> list[Application]:
    """The whole new-application path for ``applicants`` in a round whose notice is published on the
    system's first day (Tuesday 1 December 2026): they are recognised on Tuesday 8 December."""
    await open_round(system, year, date(year, 11, 1), date(year, 12, 31), date(year, 12, 31))
    applications = []
    for applicant in applicants:
        await set_contact(system, applicant)
        application = await submit_application(system, applicant)
        await forward(system, application)
        applications.append(application)
    await register_experts(system, experts)
    await reviewed_and_recommended(system, year, applications, list(experts))
    await submit_round(system, year)
    await fix_shortlist(system, year, applications)
    notice = await publish_notice(system, year)
    await system.move_clocks_to(at(date.fromisoformat(notice["period_end"]) + timedelta(days=1), 9))
    await notice_ended(system, str(notice["id"]))
    await publish_final_list(system, year)
    for application in applications:
        await registered_station(system, application)
    return applications


async def sign_convention(system: System, application: Application) -> None:
    """The operator signs the service convention (§4.1.4)."""
    ok(
        await system.registry.post(
            f"/stations/{application.station_id}/convention",
            json={"signatory_name": application.applicant.legal_representative, "signatory_title": "法定代表人"},
            headers=system.operator(application.applicant.uscc, application.station_id),
        )
    )


async def record_promotion(system: System, application: Application, held_on: date) -> int:
    """The station records a promotion session of the SME service platform and 穗小信; returns the year's count."""
    recorded = ok(
        await system.activities.post(
            "/promotions",
            json={
                "station_id": application.station_id,
                "held_on": held_on.isoformat(),
                "subjects": ["sme_service_platform", "suixiaoxin"],
                "audience_count": 40,
                "venue": application.applicant.address,
            },
            headers=system.operator(application.applicant.uscc, application.station_id),
        ),
        201,
    )
    return int(recorded["count_this_year"])


async def known_to(system: System, service: str, application: Application, status: str = "active") -> None:
    """Wait until ``service`` (activities or assessment) knows the station with ``status``."""

    async def known() -> bool:
        found = ok(
            await system.clients[service].get(
                "/stations", params={"active_only": "false", "limit": 200}, headers=system.head_station
            )
        )
        return any(s["id"] == application.station_id and s["status"] == status for s in found["items"])

    await system.eventually(known, f"{service} to know {application.applicant.entity_name} as {status}")


async def filed_request(system: System, form: dict[str, str]) -> dict[str, Any]:
    """An enterprise files a service request on the public API and confirms it with the code texted to its contact."""
    pending = ok(await system.activities.post("/service-requests", json=form), 202)
    code = await system.next_code_to(form["contact_phone"], after=0)
    return dict(ok(await system.activities.post(f"/service-requests/{pending['id']}/confirm", json={"code": code})))
