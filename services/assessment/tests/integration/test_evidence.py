"""Evidence arrives as events from registry and activities; the same fact never counts twice."""

from __future__ import annotations

from datetime import date

import pytest

from sme_contracts import activities as act
from sme_contracts import registry as reg

from .conftest import NOW, TIANHE, USCC, Others, Service

pytestmark = pytest.mark.integration


async def test_evidence_from_every_service_counts_once_however_often_it_is_told(
    service: Service, others: Others
) -> None:
    await others.register("st-1")
    await others.register("st-2")
    await service.wait_for_stations("st-1", "st-2")

    held = await others.activity("act-1", "st-1", ["st-2"], date(2026, 5, 20), attendance=40)
    await others.activities(
        act.ActivityCompleted.model_validate_json(held.data), envelope=held
    )  # the same message delivered again
    await others.activity("act-1", "st-1", ["st-2"], date(2026, 5, 20), attendance=40)  # the same fact re-published
    await others.activity("act-2", None, ["st-1"], date(2026, 9, 1), attendance=25)  # head station's, co-organised
    await others.activity("act-3", "st-1", [], date(2026, 10, 8), attendance=15)
    await others.activities(
        act.ActivityCancelled(
            activity_id="act-3",
            organiser_station_id="st-1",
            organiser_district_code=TIANHE,
            starts_at=NOW,
            reason_code=act.CancelReason.BY_ORGANISER,
            reason="主办方取消",
            registered_count=0,
            cancelled_at=NOW,
        )
    )
    await others.promotions("st-1", 2, 2026)
    await others.promotions("st-1", 2, 2026)  # told twice: still two sessions
    await others.demand_reports("st-1", 2026, [1, 2])
    await others.activities(
        act.DemandReportSubmitted(
            report_id="dr-st-1-2026-2-rev",
            station_id="st-1",
            district_code=TIANHE,
            year=2026,
            quarter=2,
            revision=2,
            industries=["跨境电商"],
            enterprises_surveyed=25,
            need_categories=[],
            submitted_at=NOW,
        )
    )
    await others.activities(
        act.TrainingHeld(
            training_id="tr-1",
            title="2026年第三季度服务站工作人员业务培训",
            held_on=date(2026, 8, 15),
            attendance=[act.StationAttendance(station_id="st-1", district_code=TIANHE, attended=2)],
            total_attended=2,
            recorded_at=NOW,
        )
    )
    for request_id, satisfaction in (("rq-1", 5), ("rq-2", 4)):
        await others.activities(
            act.ServiceRequestClosed(
                request_id=request_id,
                station_id="st-1",
                district_code=TIANHE,
                category=None,
                handling=act.RequestHandling.SELF,
                outcome=act.RequestOutcome.RESOLVED,
                satisfaction=satisfaction,
                by_head_station=False,
                closed_at=NOW.replace(year=2026, month=10, day=1),
            )
        )
    await others.activities(
        act.ServiceRequestEscalated(
            request_id="rq-3",
            station_id="st-1",
            district_code=TIANHE,
            category=None,
            received_at=NOW,
            acceptance_due_on=None,
            reason="服务站未在5个工作日内受理",
            escalated_at=NOW.replace(year=2026, month=10, day=9),
        )
    )
    change = reg.StationInfoChanged(
        station_id="st-1",
        change_id="chg-1",
        uscc=USCC,
        district_code=TIANHE,
        fields_changed=["address"],
        completed_on=date(2026, 7, 1),
        reported_on=date(2026, 8, 20),
        late=True,
        reported_at=NOW,
    )
    await others.registry(change)
    await others.registry(change)  # re-published: one late change
    await others.registry(
        reg.StationConventionSigned(
            station_id="st-1", uscc=USCC, district_code=TIANHE, convention_version="2025.1", signed_at=NOW
        )
    )

    await service.wait_until_consumed(others.sent)
    st1 = await service.evidence("st-1", 2026)
    assert st1 == st1 | {
        "activities_organised": 1,  # act-1 (act-3 was cancelled)
        "activities_co_organised": 1,  # act-2
        "attendance": 65,
        "promotion_sessions": 2,
        "trainings_held": 1,
        "trainings_attended": 1,
        "demand_quarters": [1, 2],
        "requests_closed": 2,
        "requests_escalated": 1,
        "satisfaction_average": 4.5,
        "late_info_changes": 1,
        "convention_signed": True,
        "plan": "missing",
        "summary": "missing",
    }
    st2 = await service.evidence("st-2", 2026)
    assert (st2["activities_co_organised"], st2["attendance"], st2["trainings_attended"]) == (1, 40, 0)

    # An operator reads its own station's evidence; another station's is not found.
    mine = await service.ok("GET", "/stations/st-2/evidence", service.operator("st-2"), params={"year": 2026})
    assert mine["activities_co_organised"] == 1
    await service.ok("GET", "/stations/st-1/evidence", service.operator("st-2"), 404, params={"year": 2026})
    await service.ok("GET", "/stations/st-1/evidence", service.district("440104"), 404, params={"year": 2026})
