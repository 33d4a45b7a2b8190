"""Scenario 1: a new application goes from submission to plaque, across all five services.

The round opens, an applicant in 天河区 submits with its materials, the district forwards, three
experts score, the head station recommends and reports, the bureau fixes the shortlist and
publishes the notice on Tuesday 1 December 2026 (5 working days: to Monday 7 December), the
period passes, the final list is published, and the station stands in the public register
valid for 3 years; its operator heard of every step in its inbox and by e-mail.
"""

from __future__ import annotations

from datetime import date

import pytest

from sme_kit.testing.documents import DocumentReader

from . import programme as p
from .system import System, at

pytestmark = [pytest.mark.e2e, pytest.mark.scenario]

YEAR = 2026
APPLICANT = p.Applicant(
    organisation_code="MA59C1XE2",
    entity_name="广州市天河区创新企业服务有限公司",
    district_code="440106",
    station_name="广州市民营和中小企业服务站（天河创新园）",
    address="广州市天河区天河路 100 号",
    legal_representative="欧阳振华",
    contact_name="司马晓芸",
    contact_phone="13712345678",
    email="sima.xiaoyun@tianhe-chuangxin.example.cn",
)
EXPERTS = {"expert-lin": "林晓明", "expert-huang": "黄志强", "expert-zhou": "周慧敏"}


class Story:
    application: p.Application
    notice: dict[str, object]
    station: dict[str, object]


story = Story()


async def test_an_applicant_submits_in_the_open_round_and_its_district_is_told(system: System) -> None:
    await p.open_round(system, YEAR, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    await p.set_contact(system, APPLICANT)
    story.application = await p.submit_application(system, APPLICANT)

    message = await system.inbox_message(
        system.district(APPLICANT.district_code), "gz.sme.registry.application.submitted.v1"
    )
    assert APPLICANT.entity_name in message["body"]
    assert APPLICANT.legal_representative not in message["body"]  # no personal data in the district's notice


async def test_the_district_forwards_and_review_opens_a_case(system: System) -> None:
    await p.forward(system, story.application)

    case_id = await p.case_opened(system, story.application)
    case = p.ok(await system.review.get(f"/cases/{case_id}", headers=system.head_station))
    assert case["status"] == "in_review"
    assert (await p.application_view(system, story.application))["status"] == "forwarded"
    await system.inbox_message(system.operator(APPLICANT.uscc), "gz.sme.registry.application.forwarded.v1")


async def test_three_experts_score_and_the_head_station_recommends_and_reports(system: System) -> None:
    await p.register_experts(system, EXPERTS)
    await p.expert_review(system, YEAR, story.application, list(EXPERTS), mark=86)
    scores = p.ok(await system.review.get(f"/cases/{story.application.case_id}/scores", headers=system.bureau))
    assert scores["complete"] is True
    assert scores["score"] == 86.0

    await p.recommend(system, story.application)
    await p.submit_round(system, YEAR)
    round_ = p.ok(await system.review.get(f"/rounds/{YEAR}", headers=system.bureau))
    assert round_["status"] == "submitted"


async def test_the_bureau_publishes_the_shortlist_for_five_working_days(system: System) -> None:
    await p.fix_shortlist(system, YEAR, [story.application])
    story.notice = await p.publish_notice(system, YEAR)

    assert (story.notice["published_on"], story.notice["period_start"], story.notice["period_end"]) == (
        "2026-12-01",
        "2026-12-01",
        "2026-12-07",
    )
    public = p.ok(await system.review.get(f"/public/notices/{story.notice['id']}"))
    assert [e["entity_name"] for e in public["entries"]] == [APPLICANT.entity_name]
    assert public["accepting_objections"] is True
    await system.inbox_message(system.operator(APPLICANT.uscc), "gz.sme.review.notice.published.v1")


async def test_the_final_list_waits_for_the_period_to_pass(system: System) -> None:
    early = await system.review.post(f"/rounds/{YEAR}/final-list", headers=system.bureau)
    assert early.status_code == 409, early.text

    # Monday 7 December was the 5th working day: on Tuesday 8 December the period is over.
    await system.move_clocks_to(at("2026-12-08", 9))
    await p.notice_ended(system, str(story.notice["id"]))
    final = await p.publish_final_list(system, YEAR)

    assert final["published_on"] == "2026-12-08"
    assert [(e["entity_name"], e["plaque_number"]) for e in final["entries"]] == [
        (APPLICANT.entity_name, "穗中小服站〔2026〕001号")
    ]


async def test_the_station_enters_the_public_register_valid_for_three_years(system: System) -> None:
    story.station = await p.registered_station(system, story.application)
    assert story.station["status"] == "active"

    [public] = await p.public_register(system, district_code=APPLICANT.district_code)
    assert public["name"] == APPLICANT.station_name
    assert public["plaque_number"] == "穗中小服站〔2026〕001号"
    assert (public["valid_from"], public["valid_until"]) == ("2026-12-08", "2029-12-07")
    published = str(public)
    for personal in (APPLICANT.legal_representative, APPLICANT.contact_name, APPLICANT.contact_phone, "李明"):
        assert personal not in published
    assert (await p.application_view(system, story.application))["status"] == "recognised"


async def test_the_final_list_and_the_plaque_certificate_print_the_same_plaque_number(
    system: System, printed: DocumentReader
) -> None:
    final_list = await system.review.get(f"/public/final-lists/{YEAR}/document")
    operator = system.operator(APPLICANT.uscc, str(story.station["id"]))
    certificate = await system.registry.get(f"/stations/{story.station['id']}/certificate", headers=operator)

    assert (final_list.status_code, certificate.status_code) == (200, 200)
    listed = printed.read(final_list.content, "e2e-final-list")
    certified = printed.read(certificate.content, "e2e-certificate")
    assert listed.has(f"1穗中小服站〔2026〕001号{APPLICANT.entity_name}天河区")
    for phrase in ("牌匾编号：穗中小服站〔2026〕001号", APPLICANT.station_name, "有效期自2026年12月8日至2029年12月7日"):
        assert certified.has(phrase), phrase
    assert not certified.has(APPLICANT.legal_representative)


async def test_activities_and_assessment_know_the_new_station(system: System) -> None:
    await p.known_to(system, "activities", story.application)
    await p.known_to(system, "assessment", story.application)
    [known] = [
        s
        for s in p.ok(await system.assessment.get("/stations", headers=system.bureau))["items"]
        if s["id"] == story.application.station_id
    ]
    assert (known["valid_from"], known["valid_until"]) == ("2026-12-08", "2029-12-07")


async def test_the_operator_was_told_in_its_inbox_and_by_email(system: System) -> None:
    operator = system.operator(APPLICANT.uscc, str(story.station["id"]))
    recognised = await system.inbox_message(operator, "gz.sme.review.outcome.station_recognised.v1")
    assert "穗中小服站〔2026〕001号" in recognised["body"]

    mail = await system.mail_to(APPLICANT.email, "穗中小服站〔2026〕001号")
    assert "已被认定为广州市民营和中小企业服务站" in str(mail["Subject"])
    seen = {m["event_type"] for m in await system.inbox(operator)}
    assert {
        "gz.sme.registry.application.submitted.v1",
        "gz.sme.registry.application.forwarded.v1",
        "gz.sme.review.notice.published.v1",
        "gz.sme.review.outcome.station_recognised.v1",
    } <= seen
