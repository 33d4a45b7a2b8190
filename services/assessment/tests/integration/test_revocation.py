"""Revocation on the guideline's eight grounds: each automatic ground raised by its trigger, the
operator's withdrawal, the bureau's own proposals with evidence, and its decisions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from sme_contracts.assessment import NonParticipationRecorded, RevocationDismissed, RevocationProposed
from sme_contracts.registry import StationExpired
from sme_contracts.review import ReReviewFailed, ReReviewPassed
from sme_kit.testing import wait_until
from sme_kit.testing.events import of_type

from .conftest import NOW, PDF, TIANHE, USCC, Others, Service

pytestmark = pytest.mark.integration


def expired(station_id: str, *, applied: bool) -> StationExpired:
    return StationExpired(
        station_id=station_id,
        uscc=USCC,
        name=f"广州市民营和中小企业服务站（{station_id}）",
        district_code=TIANHE,
        valid_until=date(2026, 11, 27),
        re_review_applied=applied,
    )


def failed(station_id: str) -> ReReviewFailed:
    return ReReviewFailed(
        application_id=f"app-rr-{station_id}",
        station_id=station_id,
        round_year=2026,
        uscc=USCC,
        district_code=TIANHE,
        reason="专家评审未达推荐分数线",
        decided_on=date(2026, 11, 20),
        decided_at=NOW,
    )


async def test_ground_5_is_proposed_when_the_validity_ends_without_re_review_or_the_re_review_fails(
    service: Service, others: Others
) -> None:
    for station_id in ("st-1", "st-2", "st-3"):
        await others.register(station_id, valid_from=date(2023, 11, 28))
    await service.wait_for_stations("st-1", "st-2", "st-3")

    await others.registry(expired("st-1", applied=False))
    await others.registry(expired("st-2", applied=True))  # applied: the re-review decides
    await others.review(failed("st-3"))
    await others.review(failed("st-3"))  # a second trigger while one is open adds to it
    await others.review(
        ReReviewPassed(
            application_id="app-rr-st-2",
            station_id="st-2",
            round_year=2026,
            uscc=USCC,
            district_code=TIANHE,
            confirmed_on=date(2026, 11, 25),
            decided_at=NOW,
        )
    )

    no_re_review = await service.wait_for_revocation("st-1", 5)
    assert no_re_review["trigger"] == "有效期已于2026-11-27届满，未申请复核"
    re_review = await service.wait_for_revocation("st-3", 5)
    assert re_review["origin"] == "automatic"
    await service.wait_for_stations("st-1", "st-2", status="expired")
    assert await service.revocations(station_id="st-2") == []

    async def both_told() -> dict[str, Any] | None:
        detail = await service.ok("GET", f"/revocations/{re_review['id']}", service.bureau)
        return detail if detail["notes"] else None

    detail = await wait_until(both_told, what="the second trigger added to the open case")
    assert len(await service.revocations(station_id="st-3")) == 1
    assert "专家评审未达推荐分数线" in detail["evidence"]
    revocations = service.reader("gz.sme.assessment.revocation")
    await revocations.wait_for(RevocationProposed, lambda e: e.ground == 5, count=2)
    assert sorted(e.station_id for e in of_type(revocations.events, RevocationProposed)) == ["st-1", "st-3"]


async def test_skipping_the_assessment_without_reason_is_recorded_and_proposed_on_ground_6(
    service: Service, others: Others
) -> None:
    await others.register("st-1")
    await others.register("st-2")
    await service.wait_for_stations("st-1", "st-2")
    await service.open_cycle(2026)
    skip = {"station_id": "st-1", "excused": False, "reason": "未按通知提交考核材料，亦未说明理由"}
    await service.ok("POST", "/cycles/cy-2026/non-participation", service.head, 403, json=skip)
    await service.ok("POST", "/cycles/cy-2026/non-participation", service.bureau, 201, json=skip)
    await service.ok("POST", "/cycles/cy-2026/non-participation", service.bureau, 409, json=skip)
    excused = {"station_id": "st-2", "excused": True, "reason": "办公场所装修停业，经核实同意免于本年度考核"}
    await service.ok("POST", "/cycles/cy-2026/non-participation", service.bureau, 201, json=excused)

    [case] = await service.revocations(station_id="st-1")
    assert (case["ground"], case["trigger"], case["evidence"]) == (6, "无故不参加2026年度考核", skip["reason"])
    assert await service.revocations(station_id="st-2") == []
    assert await service.compute("cy-2026") == {}  # neither takes part: no result
    listed = await service.ok("GET", "/cycles/cy-2026/non-participation", service.district(TIANHE))
    assert [(r["station_id"], r["excused"]) for r in listed["items"]] == [("st-1", False), ("st-2", True)]

    found = await service.reader("gz.sme.assessment.result").wait_for(NonParticipationRecorded, count=2)
    assert sorted((e.station_id, e.excused) for e in found) == [
        ("st-1", False),
        ("st-2", True),
    ]


async def test_the_operator_asks_to_withdraw_and_the_bureau_raises_other_grounds_with_evidence(
    service: Service, others: Others
) -> None:
    await others.register("st-1")
    await others.register("st-2")
    await service.wait_for_stations("st-1", "st-2")

    await service.ok("POST", "/stations/st-1/withdrawal", service.operator("st-2"), 404, data={"reason": "替别人申请"})
    withdrawal = await service.ok(
        "POST",
        "/stations/st-1/withdrawal",
        service.operator("st-1"),
        201,
        data={"reason": "因业务调整，申请不再承担服务站工作"},
        files=[("attachments", ("退出申请（盖章）.pdf", PDF, "application/pdf"))],
    )
    assert (withdrawal["ground"], withdrawal["origin"], len(withdrawal["attachments"])) == (7, "operator", 1)
    await service.ok("POST", "/stations/st-1/withdrawal", service.operator("st-1"), 409, data={"reason": "再申请"})

    refused = await service.http.post(
        "/revocations", headers=service.bureau, data={"station_id": "st-2", "ground": "5", "evidence": "手工提出"}
    )
    assert refused.status_code == 422
    proposal = {"station_id": "st-2", "ground": "3", "evidence": "2026年10月起连续两月未开放服务场所"}
    await service.ok("POST", "/revocations", service.district(TIANHE), 403, data=proposal)
    breach = await service.ok(
        "POST",
        "/revocations",
        service.bureau,
        201,
        data=proposal,
        files=[("attachments", ("现场核查记录.png", b"\x89PNG\r\n\x1a\n" + b"0" * 32, "image/png"))],
    )
    assert (breach["ground"], breach["ground_text"], breach["origin"]) == (3, "严重违反服务公约", "bureau")
    await service.ok("POST", "/revocations", service.bureau, 409, data=proposal)
    bad_file = await service.http.post(
        "/revocations",
        headers=service.bureau,
        data={**proposal, "ground": "8"},
        files=[("attachments", ("x.exe", b"MZ\x90\x00", "application/octet-stream"))],
    )
    assert bad_file.status_code == 422
    assert len(await service.revocations(station_id="st-2")) == 1  # nothing kept of the refused one

    added = await service.ok(
        "POST", f"/revocations/{breach['id']}/evidence", service.bureau, data={"note": "区级主管部门出具的核查情况说明"}
    )
    assert [n["text"] for n in added["notes"]] == ["区级主管部门出具的核查情况说明"]
    dismissed = await service.ok(
        "POST",
        f"/revocations/{breach['id']}/decision",
        service.bureau,
        json={"decision": "dismiss", "reason": "经核查，场所暂停开放系装修所致，已恢复服务"},
    )
    assert dismissed["status"] == "dismissed"
    await service.ok("POST", f"/revocations/{breach['id']}/evidence", service.bureau, 409, data={"note": "迟到的证据"})
    await service.ok("POST", "/revocations", service.bureau, 201, data=proposal)  # closed: may be raised anew

    bad_dates = {
        "decision": "revoke",
        "reason": "同意退出",
        "effective_on": (service.today() - timedelta(days=1)).isoformat(),
    }
    await service.ok("POST", f"/revocations/{withdrawal['id']}/decision", service.bureau, 422, json=bad_dates)

    revocations = service.reader("gz.sme.assessment.revocation")
    told = (await revocations.wait_for(RevocationDismissed))[0]
    assert (told.station_id, told.ground, told.reason) == ("st-2", 3, "经核查，场所暂停开放系装修所致，已恢复服务")
    assert {(e.ground, e.origin) for e in of_type(revocations.events, RevocationProposed)} >= {
        (7, "operator"),
        (3, "bureau"),
    }
    audit = await service.ok(
        "GET", "/audit", service.bureau, params={"target_type": "revocation", "target_id": breach["id"]}
    )
    assert [e["action"] for e in reversed(audit)] == ["propose", "add_evidence", "dismiss"]
