"""Work plans and summaries (§4.1.4): submitted by the bureau's deadlines; at a deadline the missing
ones are recorded; a late one is accepted and recorded as late."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sme_contracts.assessment import SubmissionOverdue, WorkDocumentSubmitted
from sme_kit.vocabulary import SHANGHAI

from .conftest import PDF, TIANHE, YUEXIU, Others, Service

pytestmark = pytest.mark.integration


def plan(title: str = "2027年度服务站工作计划") -> dict[str, str]:
    return {"kind": "plan", "year": "2027", "title": title, "content": "一、全年开展政策宣讲不少于4次……"}


async def test_missing_plans_are_recorded_at_the_deadline_and_a_late_one_is_accepted_as_late(
    service: Service, others: Others
) -> None:
    await others.register("st-1")
    await others.register("st-2")
    await others.register("st-3", YUEXIU, valid_from=date(2027, 5, 1))  # recognised after the deadline
    await service.wait_for_stations("st-1", "st-2", "st-3")

    usual = {"plan_due_on": "2027-03-31", "summary_due_on": "2028-01-15"}
    await service.ok("PUT", "/work-documents/deadlines/2027", service.head, 403, json=usual)
    past = {"plan_due_on": "2026-03-31", "summary_due_on": "2027-01-15"}
    await service.ok("PUT", "/work-documents/deadlines/2026", service.bureau, 422, json=past)
    await service.ok("PUT", "/work-documents/deadlines/2026", service.bureau, 422, json={})
    # The system starts late in 2026: only the summary deadline still lies ahead.
    started = await service.ok(
        "PUT", "/work-documents/deadlines/2026", service.bureau, json={"summary_due_on": "2027-01-15"}
    )
    assert (started["plan_due_on"], started["summary_due_on"]) == (None, "2027-01-15")
    deadlines = await service.ok("PUT", "/work-documents/deadlines/2027", service.bureau, json=usual)
    assert (deadlines["plan_due_on"], deadlines["summary_due_on"]) == ("2027-03-31", "2028-01-15")

    on_time = await service.ok(
        "POST",
        "/stations/st-1/work-documents",
        service.operator("st-1"),
        201,
        data=plan(),
        files=[("attachments", ("2027年度工作计划.pdf", PDF, "application/pdf"))],
    )
    assert (on_time["late"], on_time["revision"], on_time["due_on"]) == (False, 1, "2027-03-31")
    await service.ok("POST", "/stations/st-1/work-documents", service.operator("st-2"), 404, data=plan())
    revised = await service.ok(
        "POST", "/stations/st-1/work-documents", service.operator("st-1"), 201, data=plan("2027年度工作计划（修订）")
    )
    assert (revised["id"], revised["revision"]) == (on_time["id"], 2)

    assert await service.move_clock_to(datetime(2027, 4, 1, 0, 0, 1, tzinfo=SHANGHAI)) >= 1
    lapses = await service.ok("GET", "/work-documents/lapses", service.district(TIANHE), params={"year": 2027})
    assert [(lapse["station_id"], lapse["kind"], lapse["status"]) for lapse in lapses["items"]] == [
        ("st-2", "plan", "missing")
    ]
    await service.ok("PUT", "/work-documents/deadlines/2027", service.bureau, 409, json={"plan_due_on": "2027-04-30"})
    moved = await service.ok(
        "PUT", "/work-documents/deadlines/2027", service.bureau, json={"summary_due_on": "2028-01-20"}
    )
    assert (moved["plan_due_on"], moved["summary_due_on"]) == ("2027-03-31", "2028-01-20")

    service.clock.set(datetime(2027, 4, 3, 10, 0, tzinfo=SHANGHAI))
    late = await service.ok("POST", "/stations/st-2/work-documents", service.operator("st-2"), 201, data=plan())
    assert (late["late"], late["days_late"]) == (True, 3)
    [lapse] = (await service.ok("GET", "/work-documents/lapses", service.bureau, params={"year": 2027}))["items"]
    assert (lapse["status"], lapse["days_late"]) == ("late", 3)

    # Who reads what: the operator its own, a district its own district's, with attachments behind the same check.
    mine = await service.ok("GET", "/work-documents", service.operator("st-1"))
    assert [d["station_id"] for d in mine["items"]] == ["st-1"]
    detail = await service.ok("GET", f"/work-documents/{on_time['id']}", service.district(TIANHE))
    assert (detail["title"], [a["filename"] for a in detail["attachments"]]) == (
        "2027年度工作计划（修订）",
        ["2027年度工作计划.pdf"],
    )
    await service.ok("GET", f"/work-documents/{on_time['id']}", service.district(YUEXIU), 404)
    await service.ok("GET", f"/work-documents/{on_time['id']}", service.operator("st-2"), 404)
    file_url = f"/work-documents/{on_time['id']}/attachments/{detail['attachments'][0]['id']}"
    assert (await service.http.get(file_url, headers=service.operator("st-1"))).content == PDF
    assert (await service.http.get(file_url, headers=service.operator("st-2"))).status_code == 404

    risky = await service.ok("GET", "/reports/stations-at-risk", service.bureau, params={"year": 2027})
    assert {line["station_id"]: line["reasons"] for line in risky}["st-2"] == ["promotion_below_duty", "plan_late"]

    work_documents = service.reader("gz.sme.assessment.work_document")
    overdue = await work_documents.wait_for(SubmissionOverdue, lambda e: e.year == 2027, count=2)
    plans = [e for e in overdue if e.kind == "plan"]
    assert [(e.station_id, e.status, e.days_late) for e in plans] == [
        ("st-2", "missing", None),
        ("st-2", "late", 3),
    ]
    submitted = await work_documents.wait_for(WorkDocumentSubmitted, count=3)
    assert sorted((e.station_id, e.revision, e.late, e.attachment_count) for e in submitted) == [
        ("st-1", 1, False, 1),
        ("st-1", 2, False, 1),
        ("st-2", 1, True, 0),
    ]
