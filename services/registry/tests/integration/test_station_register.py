"""The register follows review and assessment: recognition, re-review, decline, revocation."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sme_contracts.assessment import StationRevoked
from sme_contracts.common import RevocationGround
from sme_contracts.registry import StationRegistered, StationStatusChanged
from sme_contracts.review import ApplicationDeclined, DeclineReason, ReReviewFailed, ReReviewPassed
from sme_kit.testing import wait_until
from sme_kit.testing.clocks import move_clock_and_fire
from sme_kit.vocabulary import SHANGHAI

from .conftest import OTHER_USCC, PERSONAL_DATA, USCC, Registry, full_form

pytestmark = pytest.mark.integration

TOPIC = "gz.sme.registry.station"


async def test_a_recognised_applicant_gets_a_station_valid_three_years_from_the_final_list(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.forwarded()
    station = await registry.recognise(application_id, on=date(2026, 12, 1))

    assert (station["valid_from"], station["valid_until"], station["status"]) == ("2026-12-01", "2029-11-30", "active")
    assert station["station_number"] == "GZSME-2026-0001"
    assert station["plaque_number"].startswith("穗中小服站")
    assert (station["name"], station["district_code"]) == ("广州市民营和中小企业服务站（天河创新园）", "440106")
    application = (await registry.http.get(f"/applications/{application_id}", headers=registry.operator())).json()
    assert application["status"] == "recognised"

    reader = registry.reader(TOPIC)
    [registered] = await reader.wait_for(StationRegistered)
    [status] = await reader.wait_for(StationStatusChanged)
    assert (registered.station_id, registered.valid_until) == (station["id"], date(2029, 11, 30))
    assert (status.status, status.previous_status) == ("active", None)
    assert not [value for raw in reader.raw for value in PERSONAL_DATA if value in raw.decode()]


async def test_station_numbers_run_per_year_of_recognition(registry: Registry) -> None:
    await registry.open_round()
    first = await registry.recognise(await registry.forwarded(), on=date(2026, 12, 1))
    second = await registry.recognise(
        await registry.forwarded(full_form(uscc=OTHER_USCC, district_code="440104")),
        uscc=OTHER_USCC,
        district_code="440104",
        on=date(2026, 12, 1),
    )
    assert (first["station_number"], second["station_number"]) == ("GZSME-2026-0001", "GZSME-2026-0002")


async def test_a_declined_application_is_closed_with_the_reason(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.forwarded()
    await registry.produce(
        ApplicationDeclined(
            application_id=application_id,
            round_year=registry.today().year,
            uscc=USCC,
            entity_name="广州市天河区创新企业服务有限公司",
            district_code="440106",
            reason_code=DeclineReason.NOT_RECOMMENDED,
            reason="专家评审未推荐",
            declined_at=registry.clock.now(),
        )
    )

    async def declined() -> dict[str, str] | None:
        view = (await registry.http.get(f"/applications/{application_id}", headers=registry.operator())).json()
        return view if view["status"] == "declined" else None

    view = await wait_until(declined, what="the application declined")
    assert view["outcome_reason"] == "专家评审未推荐"


async def test_re_review_passed_renews_validity_and_moves_the_expiry_timers(registry: Registry) -> None:
    await registry.open_round()
    year = registry.today().year
    station = await registry.recognise(await registry.forwarded(), on=date(year - 2, 1, 1))
    assert station["valid_until"] == f"{year}-12-31"
    re_review = await registry.submitted(full_form(kind="re_review", station_id=station["id"]))
    await registry.http.post(f"/applications/{re_review}/forward", json={}, headers=registry.district())
    await registry.produce(
        ReReviewPassed(
            application_id=re_review,
            station_id=station["id"],
            round_year=year,
            uscc=USCC,
            district_code="440106",
            confirmed_on=date(year, 12, 20),
            decided_at=registry.clock.now(),
        )
    )
    [renewed] = await registry.reader(TOPIC).wait_for(StationStatusChanged, lambda e: "复核通过" in e.reason)
    assert (renewed.status, renewed.previous_status, renewed.valid_until) == (
        "active",
        "active",
        date(year + 3, 12, 19),
    )
    view = (await registry.http.get(f"/stations/{station['id']}", headers=registry.bureau)).json()
    assert (view["valid_from"], view["valid_until"]) == (f"{year}-12-20", f"{year + 3}-12-19")
    application = (await registry.http.get(f"/applications/{re_review}", headers=registry.operator())).json()
    assert application["status"] == "recognised"

    # The old last day passes without the station expiring: its timers moved with the renewal.
    assert await move_clock_and_fire(registry.runtime, datetime(year + 1, 1, 2, tzinfo=SHANGHAI)) == 0
    view = (await registry.http.get(f"/stations/{station['id']}", headers=registry.bureau)).json()
    assert view["status"] == "active"


async def test_a_failed_re_review_closes_the_application_and_leaves_revocation_to_assessment(
    registry: Registry,
) -> None:
    await registry.open_round()
    year = registry.today().year
    station = await registry.recognise(await registry.forwarded(), on=date(year - 2, 1, 1))
    re_review = await registry.submitted(full_form(kind="re_review", station_id=station["id"]))
    await registry.produce(
        ReReviewFailed(
            application_id=re_review,
            station_id=station["id"],
            round_year=year,
            uscc=USCC,
            district_code="440106",
            reason="服务能力不足",
            decided_on=registry.today(),
            decided_at=registry.clock.now(),
        )
    )

    async def declined() -> dict[str, str] | None:
        view = (await registry.http.get(f"/applications/{re_review}", headers=registry.operator())).json()
        return view if view["status"] == "declined" else None

    view = await wait_until(declined, what="the re-review declined")
    assert view["outcome_reason"] == "复核未通过：服务能力不足"
    station_view = (await registry.http.get(f"/stations/{station['id']}", headers=registry.bureau)).json()
    assert station_view["status"] == "active"


async def test_a_revocation_keeps_ground_date_and_history_and_cancels_the_expiry(registry: Registry) -> None:
    await registry.open_round()
    station = await registry.recognise(await registry.forwarded(), on=registry.today())
    effective = registry.today() + timedelta(days=1)
    await registry.produce(
        StationRevoked(
            station_id=station["id"],
            revocation_id="rv-1",
            uscc=USCC,
            district_code="440106",
            ground=RevocationGround.VOLUNTARY_WITHDRAWAL,
            ground_text="主动申请不再承担服务站工作",
            reason="运营单位书面申请退出",
            decided_on=registry.today(),
            effective_on=effective,
            decided_at=registry.clock.now(),
        ),
        source="/gz/sme/assessment",
    )
    [revoked] = await registry.reader(TOPIC).wait_for(StationStatusChanged, lambda e: e.status == "revoked")
    assert (revoked.revocation_ground, revoked.previous_status, revoked.effective_on) == (7, "active", effective)

    view = (await registry.http.get(f"/stations/{station['id']}", headers=registry.bureau)).json()
    assert (view["status"], view["revocation_ground"], view["revoked_on"]) == ("revoked", 7, effective.isoformat())
    assert "运营单位书面申请退出" in view["revocation_reason"]
    history = (await registry.http.get(f"/stations/{station['id']}/history", headers=registry.bureau)).json()
    assert [(h["previous_status"], h["status"]) for h in history["items"]] == [(None, "active"), ("active", "revoked")]

    assert await move_clock_and_fire(registry.runtime, registry.clock.now() + timedelta(days=3 * 366 + 2)) == 0
    public = await registry.http.get("/public/stations")
    assert public.json()["total"] == 0
