"""Registry's station events keep the read model; a station that loses its title loses its activities."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sme_contracts.activities import ActivityCancelled, ActivityCoOrganiserWithdrawn, ServiceRequestEscalated
from sme_contracts.common import StationStatus
from sme_kit.testing import wait_until
from sme_kit.testing.events import Events

from .conftest import Registry, Service

pytestmark = pytest.mark.integration


async def test_a_revoked_station_loses_the_right_to_organise_and_its_future_activities_are_cancelled_with_notice(
    service: Service, registry: Registry, events: Events
) -> None:
    for station_id in ("st-1", "st-2"):
        await registry.register(station_id)
    await service.wait_for_station("st-2")
    own = await service.schedule(service.operator("st-2"))
    shared = await service.schedule(service.operator("st-1"), co_organisers=("st-2",))
    pending = await service.file_confirmed(
        {
            "company_name": "广州某智能科技有限公司",
            "uscc": "91440106MA59C1XE2H",
            "contact_name": "李小明",
            "contact_phone": "13800138000",
            "district_code": "440106",
            "category": "financing",
            "details": "希望对接知识产权质押贷款",
            "station_id": "st-2",
        }
    )
    assert pending["confirmed"]

    await registry.change_status("st-2", StationStatus.REVOKED)
    await service.wait_for_station("st-2", status="revoked")

    cancelled = (await service.http.get(f"/activities/{own['id']}")).json()
    assert cancelled["status"] == "cancelled"
    assert "撤销" in cancelled["cancel_reason"]
    goes_on = (await service.http.get(f"/activities/{shared['id']}")).json()
    assert (goes_on["status"], goes_on["co_organiser_station_ids"]) == ("scheduled", [])

    refused = await service.schedule(service.operator("st-2"), expect=409)
    assert refused["type"] == "https://sme.gz.gov.cn/problems/station-not-active"
    as_co = await service.schedule(service.operator("st-1"), co_organisers=("st-2",), expect=409)
    assert "st-2" in as_co["detail"]

    found = await events(
        "gz.sme.activities.activity",
        lambda seen: (
            any(isinstance(e, ActivityCancelled) for e in seen)
            and any(isinstance(e, ActivityCoOrganiserWithdrawn) for e in seen)
        ),
    )
    notice = next(e for e in found if isinstance(e, ActivityCancelled))
    assert (notice.activity_id, notice.reason_code.value) == (own["id"], "organiser_not_active")
    withdrawn = next(e for e in found if isinstance(e, ActivityCoOrganiserWithdrawn))
    assert (withdrawn.activity_id, withdrawn.station_id) == (shared["id"], "st-2")
    escalated = await events(
        "gz.sme.activities.service_request", lambda seen: any(isinstance(e, ServiceRequestEscalated) for e in seen)
    )
    assert next(e for e in escalated if isinstance(e, ServiceRequestEscalated)).request_id == pending["id"]


async def test_an_activity_already_held_is_not_touched_by_a_later_revocation(
    service: Service, registry: Registry
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    held = await service.schedule(service.operator("st-1"), starts_in=timedelta(hours=1))
    await service.move_to(service.clock.now() + timedelta(hours=2))
    await registry.change_status("st-1", StationStatus.REVOKED)
    await service.wait_for_station("st-1", status="revoked")
    assert (await service.http.get(f"/activities/{held['id']}")).json()["status"] == "scheduled"


async def test_a_name_change_is_flagged_until_a_status_event_brings_the_current_name(
    service: Service, registry: Registry
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    await registry.info_changed("st-1", ["name", "address"])

    async def flagged() -> bool:
        stations = (await service.http.get("/stations", headers=service.head)).json()["items"]
        return any(s["id"] == "st-1" and s["name_may_be_outdated"] for s in stations)

    await wait_until(flagged, what="the name flagged as possibly outdated")
    listed = (await service.http.get("/stations", headers=service.head)).json()["items"]
    station = next(s for s in listed if s["id"] == "st-1")
    assert station["name"] == "广州市民营和中小企业服务站（st-1）"  # kept: the event does not say the new name
