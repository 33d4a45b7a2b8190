"""Scenario 4: re-review at the end of the 3 years (§4.2; §4.3 ground 5).

Two stations are recognised on 8 December 2026, valid to 7 December 2029. In September 2029
registry tells both that re-review is due. One applies in that year's round, is reviewed by the
experts and confirmed by the bureau: its validity runs 3 more years. The other never applies:
when its validity ends registry marks it expired, and assessment proposes revocation on ground 5.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from . import programme as p
from .system import System, at

pytestmark = [pytest.mark.e2e, pytest.mark.scenario]

RENEWS = p.Applicant(
    organisation_code="MA59Q7YX3",
    entity_name="广州天河软件园企业服务中心有限公司",
    district_code="440106",
    station_name="广州市民营和中小企业服务站（天河软件园）",
    address="广州市天河区高唐路 230 号",
    legal_representative="郑伟明",
    contact_name="周晓雯",
    contact_phone="13755556666",
    email="zhouxiaowen@thsoftpark.example.cn",
    operator_type="industrial_park",
)
LAPSES = p.Applicant(
    organisation_code="MA5C8FKT2",
    entity_name="广州市荔湾区永庆坊文创运营有限公司",
    district_code="440103",
    station_name="广州市民营和中小企业服务站（永庆坊文创）",
    address="广州市荔湾区恩宁路 99 号",
    legal_representative="潘志明",
    contact_name="卢婉婷",
    contact_phone="13777778888",
    email="luwanting@yongqingfang.example.cn",
    operator_type="entrepreneurship_base",
)
EXPERTS = {"expert-tang": "唐文华", "expert-feng": "冯淑仪", "expert-cai": "蔡建新"}
# Services that compute working days (review: notice periods; activities: acceptance of service
# requests). chinese-calendar knows the years up to 2026 only.
CALENDAR_SERVICES = ("review", "activities")


def test_schedule(year: int) -> dict[str, object]:
    """A TEST holiday schedule for ``year`` — plausible, NOT the State Council's official one
    (which is published late in the previous year): New Year, a Spring Festival week, Qingming,
    Labour Day, Dragon Boat, Mid-Autumn and the National Day week, with two make-up weekend days."""
    spring = {2027: date(2027, 2, 5), 2028: date(2028, 1, 25), 2029: date(2029, 2, 12)}[year]
    holidays = [date(year, 1, 1), *(spring + timedelta(days=d) for d in range(7)), date(year, 4, 5)]
    holidays += [date(year, 5, d) for d in range(1, 6)] + [date(year, 6, 16), date(year, 9, 22)]
    holidays += [date(year, 10, d) for d in range(1, 8)]
    weekend_before = spring - timedelta(days=1)
    while weekend_before.weekday() < 5:
        weekend_before -= timedelta(days=1)
    weekend_after = date(year, 10, 8)
    while weekend_after.weekday() < 5:
        weekend_after += timedelta(days=1)
    return {
        "holidays": sorted({d.isoformat() for d in holidays}),
        "workdays": [weekend_before.isoformat(), weekend_after.isoformat()],
        "source": f"端到端测试用 {year} 年节假日安排（非国务院办公厅正式通知）",
    }


test_schedule.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


class Story:
    renews: p.Application
    lapses: p.Application
    re_review: p.Application


story = Story()


async def test_two_stations_are_recognised_for_three_years(system: System) -> None:
    story.renews, story.lapses = await p.recognised_stations(system, [RENEWS, LAPSES], EXPERTS)
    for application in (story.renews, story.lapses):
        station = await p.station_record(system, str(application.station_id))
        assert (station["valid_from"], station["valid_until"]) == ("2026-12-08", "2029-12-07")
    for year in (2027, 2028, 2029):
        await system.load_calendar(year, test_schedule(year), CALENDAR_SERVICES)


async def test_both_are_told_in_september_2029_that_re_review_is_due(system: System) -> None:
    # 90 days before the last day (7 December 2029) registry's timer reminds the operators.
    await system.move_clocks_to(at("2029-09-10", 9))
    for application in (story.renews, story.lapses):
        operator = system.operator(application.applicant.uscc, application.station_id)
        await system.inbox_message(operator, "gz.sme.registry.station.expiring.v1")
    await system.mail_to(LAPSES.email, "复核")


async def test_the_station_that_applies_passes_re_review_and_its_validity_is_extended(system: System) -> None:
    await p.open_round(system, 2029, date(2029, 9, 1), date(2029, 10, 31), date(2029, 11, 15))
    story.re_review = await p.submit_application(
        system, RENEWS, kind="re_review", station_id=str(story.renews.station_id)
    )
    await p.forward(system, story.re_review)
    await p.case_opened(system, story.re_review)
    case = p.ok(await system.review.get(f"/cases/{story.re_review.case_id}", headers=system.head_station))
    assert case["kind"] == "re_review"
    await p.expert_review(system, 2029, story.re_review, list(EXPERTS), mark=84)
    await p.recommend(system, story.re_review)
    await p.submit_round(system, 2029)
    await p.decide_re_review(system, story.re_review, "passed")

    async def renewed() -> dict[str, object] | None:
        station = await p.station_record(system, str(story.renews.station_id))
        return station if station["valid_until"] != "2029-12-07" else None

    station = await system.eventually(renewed, "registry to extend the validity")
    assert (station["status"], station["valid_from"], station["valid_until"]) == ("active", "2029-09-10", "2032-09-09")
    operator = system.operator(RENEWS.uscc, story.renews.station_id)
    await system.inbox_message(operator, "gz.sme.review.outcome.re_review_passed.v1")


async def test_the_station_that_never_applies_expires_and_revocation_on_ground_5_is_proposed(
    system: System,
) -> None:
    await system.move_clocks_to(at("2029-12-08", 9))

    async def expired() -> dict[str, object] | None:
        station = await p.station_record(system, str(story.lapses.station_id))
        return station if station["status"] == "expired" else None

    await system.eventually(expired, "registry to mark the station expired")

    async def proposed() -> list[dict[str, object]] | None:
        cases = p.ok(
            await system.assessment.get(
                "/revocations", params={"station_id": story.lapses.station_id}, headers=system.bureau
            )
        )["items"]
        return cases or None

    [case] = await system.eventually(proposed, "assessment to propose revocation")
    assert (case["ground"], case["origin"], case["status"]) == (5, "automatic", "open")
    await system.inbox_message(system.bureau, "gz.sme.assessment.revocation.proposed.v1")
    operator = system.operator(LAPSES.uscc, story.lapses.station_id)
    await system.inbox_message(operator, "gz.sme.registry.station.expired.v1")

    # The station that passed re-review stays in the register, valid into 2032.
    [listed] = await p.public_register(system)
    assert (listed["entity_name"], listed["valid_until"]) == (RENEWS.entity_name, "2032-09-09")
    assert (
        p.ok(
            await system.assessment.get(
                "/revocations", params={"station_id": story.renews.station_id}, headers=system.bureau
            )
        )["items"]
        == []
    )
