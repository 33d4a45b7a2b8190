"""Scenario 3: a station that neglects its duties loses its title (§3.3.3, §4.3.6, §4.4, §4.3 ground 6).

Two stations are recognised in December 2026. In 2027 one of them reports a change of its legal
representative 46 days after it was completed (late: it counts against the station), holds only
one promotion session (activities warns it on 1 October and 1 December) and signs no convention,
while the other does its duty. The bureau's assessment of 2027 finds the first "unqualified";
its rectification report does not convince the bureau, which re-assesses it as still
unqualified: revocation on ground 6 is proposed and decided. Registry revokes it in the
register, activities cancels its future activity, and everyone concerned is told.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from sme_kit.vocabulary import SHANGHAI

from . import programme as p
from .system import System, at

pytestmark = [pytest.mark.e2e, pytest.mark.scenario]

DILIGENT = p.Applicant(
    organisation_code="MA59EE7K3",
    entity_name="广州市黄埔区科技企业孵化器有限公司",
    district_code="440112",
    station_name="广州市民营和中小企业服务站（黄埔科创）",
    address="广州市黄埔区科学大道 18 号",
    legal_representative="莫建华",
    contact_name="欧丽萍",
    contact_phone="13711112222",
    email="ouliping@hp-incubator.example.cn",
    operator_type="entrepreneurship_base",
)
NEGLECTFUL = p.Applicant(
    organisation_code="MA5B2T9L1",
    entity_name="广州市海珠区中大布匹商贸服务有限公司",
    district_code="440105",
    station_name="广州市民营和中小企业服务站（中大纺织）",
    address="广州市海珠区瑞康路 128 号",
    legal_representative="陈国荣",
    contact_name="黄秀英",
    contact_phone="13733334444",
    email="huangxiuying@zhongda-textile.example.cn",
    operator_type="property_service_centre",
)
EXPERTS = {"expert-luo": "罗振宇", "expert-xie": "谢婉清", "expert-peng": "彭永华"}


class Story:
    diligent: p.Application
    neglectful: p.Application
    activity_id: str
    cycle_id: str
    rectification_id: str
    revocation_id: str


story = Story()


def operator_of(system: System, application: p.Application) -> dict[str, str]:
    return system.operator(application.applicant.uscc, application.station_id)


async def submit_work_document(system: System, application: p.Application, kind: str, title: str) -> None:
    """The station submits its work plan or work summary (§4.1.4)."""
    p.ok(
        await system.assessment.post(
            f"/stations/{application.station_id}/work-documents",
            data={"kind": kind, "year": "2027", "title": title, "content": "一、全年开展政策宣讲不少于3次……"},
            files={"attachments": (f"{title}.pdf", p.PDF, "application/pdf")},
            headers=operator_of(system, application),
        ),
        201,
    )


async def test_two_stations_are_recognised_and_the_diligent_one_signs_the_convention(system: System) -> None:
    story.diligent, story.neglectful = await p.recognised_stations(system, [DILIGENT, NEGLECTFUL], EXPERTS)
    await p.sign_convention(system, story.diligent)
    for application in (story.diligent, story.neglectful):
        await p.known_to(system, "activities", application)
        await p.known_to(system, "assessment", application)


async def test_a_change_reported_after_30_days_is_late_and_counts_in_the_assessment(system: System) -> None:
    await system.move_clocks_to(at("2027-03-02", 10))
    await submit_work_document(system, story.diligent, "plan", "2027年度服务站工作计划")
    change = p.ok(
        await system.registry.post(
            f"/stations/{story.neglectful.station_id}/changes",
            json={"completed_on": "2027-01-15", "legal_representative": "陈志远"},
            headers=operator_of(system, story.neglectful),
        ),
        201,
    )
    assert change["late"] is True

    told = await system.inbox_message(operator_of(system, story.neglectful), "gz.sme.registry.station.info_changed.v1")
    assert "30" in told["body"]

    async def counted() -> dict[str, object] | None:
        evidence = p.ok(
            await system.assessment.get(
                f"/stations/{story.neglectful.station_id}/evidence", params={"year": 2027}, headers=system.bureau
            )
        )
        return evidence if evidence["late_info_changes"] == 1 else None

    await system.eventually(counted, "assessment to count the late change as evidence of 2027")


async def test_a_station_below_three_promotion_sessions_is_warned_on_1_december(system: System) -> None:
    assert await p.record_promotion(system, story.diligent, date(2027, 3, 1)) == 1
    assert await p.record_promotion(system, story.neglectful, date(2027, 3, 1)) == 1
    await system.move_clocks_to(at("2027-09-20", 10))
    assert await p.record_promotion(system, story.diligent, date(2027, 6, 18)) == 2
    assert await p.record_promotion(system, story.diligent, date(2027, 9, 16)) == 3

    await system.move_clocks_to(at("2027-12-01", 9, 5))

    async def warned() -> list[dict[str, object]] | None:
        progress = p.ok(
            await system.activities.get("/promotions/progress", params={"year": 2027}, headers=system.head_station)
        )["items"]
        by_station = {s["station_id"]: s for s in progress}
        neglectful = by_station.get(story.neglectful.station_id)
        return progress if neglectful and "2027-12-01" in neglectful["warned_on"] else None

    progress = {s["station_id"]: s for s in await system.eventually(warned, "the 1 December duty check")}
    assert progress[story.neglectful.station_id]["count"] == 1
    assert progress[story.neglectful.station_id]["warned_on"] == ["2027-10-01", "2027-12-01"]
    assert (progress[story.diligent.station_id]["met"], progress[story.diligent.station_id]["warned_on"]) == (True, [])
    await system.inbox_message(
        operator_of(system, story.neglectful),
        "gz.sme.activities.promotion.below_target.v1",
        where=lambda m: "12月1日" in m["body"] or "12-01" in m["body"],
    )


async def test_the_stations_go_on_with_their_year(system: System) -> None:
    # The diligent station reports its district's demand every quarter of 2027.
    for quarter in (1, 2, 3, 4):
        p.ok(
            await system.activities.put(
                f"/demand-reports/2027/{quarter}",
                json={
                    "industries": [{"industry": "生物医药", "enterprises_surveyed": 25, "main_needs": ["financing"]}],
                    "needs": [{"category": "financing", "enterprises": 8, "description": "研发投入大，融资需求迫切"}],
                    "enterprise_conditions": "园区企业研发投入持续增长。",
                    "service_needs": "希望对接知识产权质押融资。",
                },
                headers=operator_of(system, story.diligent),
            )
        )
    # The neglectful station plans a salon for March 2028, with the diligent one co-organising.
    starts = datetime.combine(date(2028, 3, 16), time(14, 30), SHANGHAI)
    activity = p.ok(
        await system.activities.post(
            "/activities",
            json={
                "activity_type": "salon",
                "title": "纺织服装企业融资对接沙龙",
                "co_organiser_station_ids": [story.diligent.station_id],
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=2)).isoformat(),
                "venue": NEGLECTFUL.address,
                "capacity": 40,
            },
            headers=operator_of(system, story.neglectful),
        ),
        201,
    )
    story.activity_id = str(activity["id"])


async def test_the_annual_assessment_finds_the_neglectful_station_unqualified(system: System) -> None:
    await system.move_clocks_to(at("2028-01-10", 9))
    await submit_work_document(system, story.diligent, "summary", "2027年度服务站工作总结")
    cycle = p.ok(await system.assessment.post("/cycles", json={"year": 2027}, headers=system.bureau), 201)
    story.cycle_id = str(cycle["id"])
    computed = p.ok(await system.assessment.post(f"/cycles/{story.cycle_id}/compute", headers=system.bureau))
    results = {r["station_id"]: r for r in computed}
    assert results[story.diligent.station_id]["outcome"] == "qualified", results[story.diligent.station_id]["breakdown"]
    poor = results[story.neglectful.station_id]
    assert poor["outcome"] == "unqualified"
    breakdown = str(poor["breakdown"])
    assert "宣讲 1 次" in breakdown
    assert "逾期报告信息变更 1 次" in breakdown

    p.ok(
        await system.assessment.post(
            f"/cycles/{story.cycle_id}/publish", json={"rectification_due_on": "2028-02-29"}, headers=system.bureau
        )
    )
    await system.inbox_message(operator_of(system, story.neglectful), "gz.sme.assessment.rectification.required.v1")
    await system.inbox_message(system.district(NEGLECTFUL.district_code), "gz.sme.assessment.rectification.required.v1")
    await system.inbox_message(operator_of(system, story.diligent), "gz.sme.assessment.result.published.v1")


async def test_rectification_fails_and_revocation_on_ground_6_is_proposed(system: System) -> None:
    [rectification] = p.ok(
        await system.assessment.get("/rectifications", params={"year": 2027}, headers=system.bureau)
    )["items"]
    story.rectification_id = str(rectification["id"])
    assert (rectification["station_id"], rectification["due_on"]) == (story.neglectful.station_id, "2028-02-29")

    await system.move_clocks_to(at("2028-02-20", 10))
    p.ok(
        await system.assessment.post(
            f"/rectifications/{story.rectification_id}/report",
            data={"report": "已安排专人负责宣讲工作，计划下半年补足宣讲次数。"},
            headers=operator_of(system, story.neglectful),
        )
    )
    p.ok(
        await system.assessment.post(
            f"/rectifications/{story.rectification_id}/reassessment",
            json={"outcome": "unqualified", "opinion": "整改报告仅有计划而无落实，宣讲任务仍未完成，复评仍不合格。"},
            headers=system.bureau,
        )
    )

    async def proposed() -> list[dict[str, object]] | None:
        cases = p.ok(
            await system.assessment.get(
                "/revocations", params={"station_id": story.neglectful.station_id}, headers=system.bureau
            )
        )["items"]
        return cases or None

    [case] = await system.eventually(proposed, "the revocation proposal")
    assert (case["ground"], case["origin"], case["status"]) == (6, "automatic", "open")
    story.revocation_id = str(case["id"])
    await system.inbox_message(system.bureau, "gz.sme.assessment.revocation.proposed.v1")


async def test_the_bureau_revokes_and_the_register_and_activities_follow(system: System) -> None:
    p.ok(
        await system.assessment.post(
            f"/revocations/{story.revocation_id}/decision",
            json={
                "decision": "revoke",
                "reason": "该站2027年度考核不合格，整改后复评仍不合格，依据指引第四部分第6项撤销服务站称号。",
            },
            headers=system.bureau,
        )
    )

    async def revoked() -> dict[str, object] | None:
        station = await p.station_record(system, str(story.neglectful.station_id))
        return station if station["status"] == "revoked" else None

    station = await system.eventually(revoked, "registry to revoke the station")
    assert (station["revocation_ground"], station["revoked_on"]) == (6, "2028-02-20")
    assert [s["entity_name"] for s in await p.public_register(system)] == [DILIGENT.entity_name]

    async def cancelled() -> dict[str, object] | None:
        activity = p.ok(await system.activities.get(f"/activities/{story.activity_id}"))
        return activity if activity["status"] == "cancelled" else None

    await system.eventually(cancelled, "activities to cancel the revoked station's future activity")
    await p.known_to(system, "activities", story.neglectful, status="revoked")


async def test_everyone_concerned_is_told_of_the_revocation(system: System) -> None:
    revoked = "gz.sme.assessment.revocation.station_revoked.v1"
    told = await system.inbox_message(operator_of(system, story.neglectful), revoked)
    assert "第6项" in told["body"] or "整改" in told["body"]
    await system.inbox_message(system.district(NEGLECTFUL.district_code), revoked)
    await system.mail_to(NEGLECTFUL.email, "撤销")
    await system.inbox_message(operator_of(system, story.diligent), "gz.sme.activities.activity.cancelled.v1")
