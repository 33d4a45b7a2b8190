"""The assessment service in process on the real PostgreSQL and Kafka, fed with the events the other
services publish (this test plays registry, review and activities)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from typing import Any

import pytest

from sme_assessment.bootstrap import app as assessment_app
from sme_assessment.config import AssessmentSettings
from sme_contracts import Event
from sme_contracts import activities as act
from sme_contracts.common import OperatorType, ServiceCategory
from sme_contracts.envelope import CloudEvent
from sme_contracts.registry import StationRegistered
from sme_kit.testing import DEFAULT_CLOCK_START, wait_until
from sme_kit.testing.events import EventFeeder, event_feeder
from sme_kit.testing.services import RunningService, ServiceEnv, running_service

PDF = b"%PDF-1.4\n%test\n" + b"0" * 64
USCC = "91440106MA59C1XE2H"
TIANHE, YUEXIU = "440106", "440104"


@pytest.fixture
def settings(service_env: ServiceEnv) -> AssessmentSettings:
    return service_env.settings(AssessmentSettings)


class Service(RunningService[AssessmentSettings]):
    """A running assessment service and the steps its tests take through its API."""

    def operator(self, station_id: str) -> dict[str, str]:
        return self.auth("station_operator", org=USCC, station_id=station_id, subject=f"op-{station_id}")

    @property
    def bureau(self) -> dict[str, str]:
        return self.auth("bureau_admin", subject="bureau-li")

    @property
    def head(self) -> dict[str, str]:
        return self.auth("head_station_staff", subject="head-chen")

    def district(self, code: str) -> dict[str, str]:
        return self.auth("district_officer", district=code, subject=f"district-{code}")

    async def ok(self, method: str, url: str, who: dict[str, str], expect: int = 200, **kwargs: Any) -> Any:
        response = await self.http.request(method, url, headers=who, **kwargs)
        assert response.status_code == expect, response.text
        return response.json()

    async def wait_for_stations(self, *station_ids: str, status: str = "active") -> None:
        async def known() -> bool:
            found = {s["id"]: s["status"] for s in (await self.ok("GET", "/stations", self.bureau))["items"]}
            return all(found.get(station_id) == status for station_id in station_ids)

        await wait_until(known, what=f"stations {station_ids} {status}")

    async def wait_until_consumed(self, records: int) -> None:
        """Every record produced so far was handled (or found a duplicate) and committed."""
        consumer = self.runtime.consumer
        assert consumer is not None

        async def caught_up() -> bool:
            return consumer.seen >= records

        await wait_until(caught_up, what=f"{records} records consumed")

    async def evidence(self, station_id: str, year: int) -> dict[str, Any]:
        return dict(await self.ok("GET", f"/stations/{station_id}/evidence", self.bureau, params={"year": year}))

    async def open_cycle(self, year: int, **settings: Any) -> dict[str, Any]:
        return dict(await self.ok("POST", "/cycles", self.bureau, 201, json={"year": year, **settings}))

    async def compute(self, cycle_id: str) -> dict[str, dict[str, Any]]:
        results = await self.ok("POST", f"/cycles/{cycle_id}/compute", self.head)
        return {r["station_id"]: r for r in results}

    async def publish(self, cycle_id: str, due_on: date | None = None) -> dict[str, dict[str, Any]]:
        body = {"rectification_due_on": due_on.isoformat() if due_on else None}
        results = await self.ok("POST", f"/cycles/{cycle_id}/publish", self.bureau, json=body)
        return {r["station_id"]: r for r in results}

    async def revocations(self, **params: Any) -> list[dict[str, Any]]:
        return list((await self.ok("GET", "/revocations", self.bureau, params=params))["items"])

    async def wait_for_revocation(self, station_id: str, ground: int) -> dict[str, Any]:
        async def proposed() -> dict[str, Any] | None:
            found = await self.revocations(station_id=station_id, ground=ground, status="open")
            return found[0] if found else None

        return await wait_until(proposed, what=f"a ground {ground} proposal for {station_id}")


def running(settings: AssessmentSettings) -> contextlib.AbstractAsyncContextManager[Service]:
    """An assessment app in process: its lifespan (migrations, relay, consumers, timers) and a client."""
    return running_service(assessment_app, settings, service_type=Service)


@pytest.fixture
async def service(settings: AssessmentSettings) -> AsyncIterator[Service]:
    async with running(settings) as started:
        yield started


@pytest.fixture
def start(settings: AssessmentSettings) -> Callable[[], contextlib.AbstractAsyncContextManager[Service]]:
    """``async with start() as service``: one run of the service; call it again to restart on the same database."""
    return lambda: running(settings)


# When the other services' events say they happened: the moment the service's clock starts at.
NOW = DEFAULT_CLOCK_START


class Others:
    """Plays the services assessment listens to: publishes their events the way they do."""

    def __init__(self, feeder: EventFeeder) -> None:
        self._feeder = feeder
        self.sent = 0  # records produced, duplicates included

    async def send(self, event: Event, *, source: str, envelope: CloudEvent | None = None) -> CloudEvent:
        """Publish an event (or deliver an already published envelope again); returns its envelope."""
        sent = await self._feeder.send(event, source=source, envelope=envelope)
        self.sent += 1
        return sent

    async def registry(self, event: Event) -> CloudEvent:
        return await self.send(event, source="/gz/sme/registry")

    async def review(self, event: Event) -> CloudEvent:
        return await self.send(event, source="/gz/sme/review")

    async def activities(self, event: Event, envelope: CloudEvent | None = None) -> CloudEvent:
        return await self.send(event, source="/gz/sme/activities", envelope=envelope)

    async def register(
        self, station_id: str, district: str = TIANHE, valid_from: date = date(2025, 6, 1)
    ) -> StationRegistered:
        event = StationRegistered(
            station_id=station_id,
            station_number=f"GZSME-{station_id}",
            plaque_number="穗中小服站〔2025〕001号",
            application_id=f"app-{station_id}",
            uscc=USCC,
            name=f"广州市民营和中小企业服务站（{station_id}）",
            district_code=district,
            address="广州市天河区天河路1号",
            operator_type=OperatorType.ASSOCIATION,
            services=[ServiceCategory.FINANCING],
            valid_from=valid_from,
            valid_until=valid_from.replace(year=valid_from.year + 3) - timedelta(days=1),
            registered_at=NOW,
        )
        await self.registry(event)
        return event

    async def promotions(self, station_id: str, count: int, year: int, district: str = TIANHE) -> None:
        for n in range(1, count + 1):
            await self.activities(
                act.PromotionRecorded(
                    promotion_id=f"pr-{station_id}-{year}-{n}",
                    station_id=station_id,
                    district_code=district,
                    year=year,
                    held_on=date(year, 3 + n, 10),
                    subjects=[act.PromotionSubject.SME_SERVICE_PLATFORM],
                    audience_count=30,
                    count_this_year=n,
                    recorded_at=NOW,
                )
            )

    async def activity(
        self, activity_id: str, organiser: str | None, co: list[str], held_on: date, attendance: int
    ) -> CloudEvent:
        return await self.activities(
            act.ActivityCompleted(
                activity_id=activity_id,
                activity_type=act.ActivityType.SALON,
                organiser_station_id=organiser,
                co_organiser_station_ids=co,
                held_on=held_on,
                registered_count=attendance,
                attendance_count=attendance,
                attachment_count=2,
                completed_at=NOW,
            )
        )

    async def demand_reports(self, station_id: str, year: int, quarters: list[int], district: str = TIANHE) -> None:
        for quarter in quarters:
            await self.activities(
                act.DemandReportSubmitted(
                    report_id=f"dr-{station_id}-{year}-{quarter}",
                    station_id=station_id,
                    district_code=district,
                    year=year,
                    quarter=quarter,
                    revision=1,
                    industries=["智能制造"],
                    enterprises_surveyed=20,
                    need_categories=[ServiceCategory.FINANCING],
                    submitted_at=NOW,
                )
            )


@pytest.fixture
async def others(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Others]:
    async with event_feeder(kafka_bootstrap, topic_prefix) as feeder:
        yield Others(feeder)
