"""Unqualified → rectification order with a deadline → report → the bureau re-assesses; still
unqualified → revocation on ground 6 → decided → "station revoked" on Kafka for registry."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from sme_contracts.assessment import (
    ReassessmentCompleted,
    RectificationReportMissing,
    RectificationReportSubmitted,
    RectificationRequired,
    RevocationProposed,
    StationRevoked,
)
from sme_kit.testing import wait_until
from sme_kit.testing.events import of_type

from .conftest import PDF, TIANHE, Others, Service

pytestmark = pytest.mark.integration


async def unqualified(service: Service, others: Others, station_id: str = "st-1") -> dict[str, Any]:
    """A station with no evidence at all, assessed and published: unqualified, ordered to rectify."""
    await others.register(station_id)
    await service.wait_for_stations(station_id)
    await service.open_cycle(2026)
    await service.compute("cy-2026")
    published = await service.publish("cy-2026", service.today() + timedelta(days=30))
    assert published[station_id]["outcome"] == "unqualified"
    return dict(published[station_id])


async def test_an_unqualified_station_rectifies_and_is_re_assessed_qualified(service: Service, others: Others) -> None:
    result = await unqualified(service, others)
    rectification_id = result["rectification_id"]
    listed = await service.ok("GET", "/rectifications", service.operator("st-1"))
    assert [(r["id"], r["status"]) for r in listed["items"]] == [(rectification_id, "ordered")]
    await service.ok(
        "POST", f"/rectifications/{rectification_id}/reassessment", service.bureau, 409,
        json={"outcome": "qualified", "opinion": "尚无报告"},
    )  # fmt: skip

    await service.ok(
        "POST",
        f"/rectifications/{rectification_id}/report",
        service.operator("st-2"),
        404,
        data={"report": "别人的整改"},
    )
    reported = await service.ok(
        "POST",
        f"/rectifications/{rectification_id}/report",
        service.operator("st-1"),
        data={"report": "一、已补足宣讲3次；二、已报送四个季度的需求信息。"},
        files=[("attachments", ("整改报告.pdf", PDF, "application/pdf"))],
    )
    assert (reported["status"], reported["report_late"]) == ("reported", False)
    detail = await service.ok("GET", f"/rectifications/{rectification_id}", service.district(TIANHE))
    assert [a["filename"] for a in detail["attachments"]] == ["整改报告.pdf"]
    download = await service.http.get(
        f"/rectifications/{rectification_id}/attachments/{detail['attachments'][0]['id']}", headers=service.bureau
    )
    assert download.content == PDF
    await service.ok("GET", f"/rectifications/{rectification_id}", service.district("440104"), 404)

    await service.ok(
        "POST",
        f"/rectifications/{rectification_id}/reassessment",
        service.district(TIANHE),
        403,
        json={"outcome": "qualified", "opinion": "区级无权复评"},
    )
    done = await service.ok(
        "POST",
        f"/rectifications/{rectification_id}/reassessment",
        service.bureau,
        json={"outcome": "qualified", "score": 68, "opinion": "整改措施落实到位"},
    )
    assert done["status"] == "qualified"
    view = await service.ok("GET", "/cycles/cy-2026/results/st-1", service.operator("st-1"))
    assert (view["outcome"], view["final_outcome"], view["rectification_status"]) == (
        "unqualified",
        "qualified",
        "qualified",
    )
    assert await service.revocations(station_id="st-1") == []

    rectifications = service.reader("gz.sme.assessment.rectification")
    reassessed = (await rectifications.wait_for(ReassessmentCompleted))[0]
    submitted = of_type(rectifications.events, RectificationReportSubmitted)[0]
    assert (submitted.rectification_id, submitted.attachment_count, submitted.late) == (rectification_id, 1, False)
    assert (reassessed.outcome, reassessed.score, reassessed.opinion) == ("qualified", 68, "整改措施落实到位")


async def test_still_unqualified_after_rectification_is_proposed_on_ground_6_and_revoked_on_kafka(
    service: Service, others: Others
) -> None:
    result = await unqualified(service, others)
    rectification_id = result["rectification_id"]
    await service.ok(
        "POST", f"/rectifications/{rectification_id}/report", service.operator("st-1"), data={"report": "已整改"}
    )
    await service.ok(
        "POST",
        f"/rectifications/{rectification_id}/reassessment",
        service.bureau,
        json={"outcome": "unqualified", "opinion": "整改报告未能说明问题已解决"},
    )

    [case] = await service.revocations(station_id="st-1", status="open")
    assert (case["ground"], case["origin"], case["ground_text"]) == (
        6,
        "automatic",
        "无故不参加年度考核，或整改后年度考核结果仍为“不合格”",
    )
    assert "整改后复评仍为“不合格”" in case["trigger"]
    operator_view = await service.ok("GET", f"/revocations/{case['id']}", service.operator("st-1"))
    assert operator_view["status"] == "open"
    await service.ok("GET", f"/revocations/{case['id']}", service.operator("st-2"), 404)

    effective = service.today() + timedelta(days=3)
    decision = {
        "decision": "revoke",
        "reason": "该站2026年度考核不合格，整改后复评仍不合格，依据指引撤销服务站称号。",
        "effective_on": effective.isoformat(),
    }
    await service.ok("POST", f"/revocations/{case['id']}/decision", service.head, 403, json=decision)
    revoked = await service.ok("POST", f"/revocations/{case['id']}/decision", service.bureau, json=decision)
    assert (revoked["status"], revoked["effective_on"], revoked["decided_on"]) == (
        "revoked",
        effective.isoformat(),
        service.today().isoformat(),
    )
    await service.ok("POST", f"/revocations/{case['id']}/decision", service.bureau, 409, json=decision)
    again = await service.http.post(
        "/revocations",
        headers=service.bureau,
        data={"station_id": "st-1", "ground": "3", "evidence": "严重违反服务公约"},
    )
    assert (again.status_code, again.json()["type"]) == (409, "https://sme.gz.gov.cn/problems/already-revoked")

    revocations = service.reader("gz.sme.assessment.revocation")
    told = (await revocations.wait_for(StationRevoked))[0]
    proposed = of_type(revocations.events, RevocationProposed)[0]
    assert (proposed.station_id, proposed.ground, proposed.origin) == ("st-1", 6, "automatic")
    assert (told.station_id, told.revocation_id, told.ground, told.effective_on) == ("st-1", case["id"], 6, effective)
    assert told.reason == decision["reason"]
    assert told.ground_text == "无故不参加年度考核，或整改后年度考核结果仍为“不合格”"

    audit = await service.ok(
        "GET", "/audit", service.bureau, params={"target_type": "revocation", "target_id": case["id"]}
    )
    assert [(entry["action"], entry["actor"]) for entry in reversed(audit)] == [
        ("propose", "bureau-li"),
        ("revoke", "bureau-li"),
    ]


async def test_a_missing_report_is_recorded_when_the_deadline_fires_after_a_restart(
    start: Callable[[], contextlib.AbstractAsyncContextManager[Service]], others: Others
) -> None:
    async with start() as first:
        result = await unqualified(first, others)
        due_on = first.today() + timedelta(days=30)
        await first.reader("gz.sme.assessment.rectification").wait_for(RectificationRequired)

    async with start() as second:
        second.clock.advance(timedelta(days=31))
        second.app.state.runtime.timer_loop.wake()

        async def recorded() -> dict[str, Any] | None:
            found = await second.ok("GET", f"/rectifications/{result['rectification_id']}", second.bureau)
            return found if found["status"] == "report_missing" else None

        missing = await wait_until(recorded, what="the missing report recorded at the deadline")
        assert missing["missing_recorded_at"] is not None
        told = await second.reader("gz.sme.assessment.rectification").wait_for(RectificationReportMissing)
        assert [(e.rectification_id, e.due_on) for e in told] == [(result["rectification_id"], due_on)]
        # The bureau, prompted, re-assesses on what it has; a late report is still accepted meanwhile.
        late = await second.ok(
            "POST",
            f"/rectifications/{result['rectification_id']}/report",
            second.operator("st-1"),
            data={"report": "迟交的整改报告"},
        )
        assert (late["status"], late["report_late"]) == ("reported", True)
