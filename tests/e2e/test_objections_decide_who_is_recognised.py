"""Scenario 2: objections during the notice decide who is recognised (§4.1.3(4)–(5)).

Two applicants are on the notice. A person objects to one of them (its full-time staff are
fewer than two) and the bureau upholds it: that applicant is declined and told why. An
organisation objects to the other under its seal, and the bureau does not uphold it: that one
is recognised and enters the register.
"""

from __future__ import annotations

from datetime import date

import pytest

from . import programme as p
from .system import System, at

pytestmark = [pytest.mark.e2e, pytest.mark.scenario]

YEAR = 2026
UPHELD = p.Applicant(
    organisation_code="MA59EE7K3",
    entity_name="广州市番禺区科创企业服务有限公司",
    district_code="440113",
    station_name="广州市民营和中小企业服务站（番禺科创）",
    address="广州市番禺区市桥街繁华路 18 号",
    legal_representative="梁国栋",
    contact_name="何丽娟",
    contact_phone="13922334455",
    email="helijuan@panyu-kechuang.example.cn",
)
NOT_UPHELD = p.Applicant(
    organisation_code="MA5CQ8RT1",
    entity_name="广州市白云区产业园运营管理有限公司",
    district_code="440111",
    station_name="广州市民营和中小企业服务站（白云产业园）",
    address="广州市白云区云城东路 500 号",
    legal_representative="罗志伟",
    contact_name="邓晓燕",
    contact_phone="13533445566",
    email="dengxiaoyan@baiyun-park.example.cn",
    operator_type="industrial_park",
)
EXPERTS = {"expert-xu": "徐文杰", "expert-guo": "郭美玲", "expert-ma": "马俊峰"}
FINDINGS_UPHELD = "经调取社保缴纳记录核实，该单位专职服务人员仅1名，与申报材料不符，异议成立。"
FINDINGS_NOT_UPHELD = "经实地核查，该单位服务场所为长期租赁的固定场所，异议不成立。"


class Story:
    upheld: p.Application
    not_upheld: p.Application
    notice_id: str
    objections: dict[str, str]


story = Story()


async def test_two_applicants_reach_the_notice(system: System) -> None:
    await p.open_round(system, YEAR, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    for applicant in (UPHELD, NOT_UPHELD):
        await p.set_contact(system, applicant)
    story.upheld = await p.submit_application(system, UPHELD)
    story.not_upheld = await p.submit_application(system, NOT_UPHELD)
    for application in (story.upheld, story.not_upheld):
        await p.forward(system, application)
    await p.register_experts(system, EXPERTS)
    await p.reviewed_and_recommended(system, YEAR, [story.upheld, story.not_upheld], list(EXPERTS))
    await p.submit_round(system, YEAR)
    await p.fix_shortlist(system, YEAR, [story.upheld, story.not_upheld])
    notice = await p.publish_notice(system, YEAR)
    story.notice_id = str(notice["id"])
    assert notice["period_end"] == "2026-12-07"


async def test_objections_within_the_period_are_received_and_the_applicants_told(system: System) -> None:
    await system.move_clocks_to(at("2026-12-03", 15))
    story.objections = {
        "upheld": await p.object_as_individual(
            system, story.notice_id, story.upheld, "该单位实际专职服务人员仅1名，与申报材料不符，请核查。"
        ),
        "not_upheld": await p.object_as_organisation(
            system, story.notice_id, story.not_upheld, "该单位服务场所系临时租用，不具备固定办公场所。"
        ),
    }
    for applicant in (UPHELD, NOT_UPHELD):
        told = await system.inbox_message(system.operator(applicant.uscc), "gz.sme.review.notice.objection_received.v1")
        assert "张三" not in told["body"]  # the objector's identity stays with the bureau


async def test_the_final_list_waits_for_every_objection_to_be_resolved(system: System) -> None:
    await system.move_clocks_to(at("2026-12-08", 9))
    await p.notice_ended(system, story.notice_id)

    refused = await system.review.post(f"/rounds/{YEAR}/final-list", headers=system.bureau)
    assert refused.status_code == 409, refused.text
    assert sorted(refused.json()["unresolved_objection_ids"]) == sorted(story.objections.values())


async def test_the_bureau_upholds_one_objection_and_not_the_other(system: System) -> None:
    await p.resolve_objection(system, story.objections["upheld"], "upheld", FINDINGS_UPHELD)
    await p.resolve_objection(system, story.objections["not_upheld"], "not_upheld", FINDINGS_NOT_UPHELD)

    final = await p.publish_final_list(system, YEAR)
    assert [(e["entity_name"], e["plaque_number"]) for e in final["entries"]] == [
        (NOT_UPHELD.entity_name, "穗中小服站〔2026〕001号")
    ]


async def test_the_applicant_whose_objection_was_upheld_is_declined_and_told_why(system: System) -> None:
    async def declined() -> dict[str, object] | None:
        view = await p.application_view(system, story.upheld)
        return view if view["status"] == "declined" else None

    application = await system.eventually(declined, "registry to decline the application")
    assert FINDINGS_UPHELD in str(application["outcome_reason"])

    operator = system.operator(UPHELD.uscc)
    told = await system.inbox_message(operator, "gz.sme.review.outcome.application_declined.v1")
    assert FINDINGS_UPHELD in told["body"]
    mail = await system.mail_to(UPHELD.email, FINDINGS_UPHELD)
    assert "未获通过" in str(mail["Subject"])
    assert await p.public_register(system, district_code=UPHELD.district_code) == []


async def test_the_applicant_whose_objection_was_not_upheld_is_recognised(system: System) -> None:
    station = await p.registered_station(system, story.not_upheld)
    assert station["plaque_number"] == "穗中小服站〔2026〕001号"
    [public] = await p.public_register(system, district_code=NOT_UPHELD.district_code)
    assert (public["entity_name"], public["valid_until"]) == (NOT_UPHELD.entity_name, "2029-12-07")

    operator = system.operator(NOT_UPHELD.uscc, str(station["id"]))
    resolved = await system.inbox_message(operator, "gz.sme.review.notice.objection_resolved.v1")
    assert "不影响您单位列入最终认定名单" in resolved["body"]
    await system.inbox_message(operator, "gz.sme.review.outcome.station_recognised.v1")
    await system.mail_to(NOT_UPHELD.email, "穗中小服站〔2026〕001号")
