"""The assessment service in process on the real PostgreSQL and Kafka, fed with the events the other
services publish (this test plays registry, review and activities)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from fastapi import FastAPI

from sme_assessment.bootstrap import app as assessment_app
from sme_assessment.config import AssessmentSettings
from sme_contracts import Event
from sme_contracts import activities as act
from sme_contracts.common import OperatorType, ServiceCategory
from sme_contracts.envelope import CloudEvent, wrap
from sme_contracts.registry import StationRegistered
from sme_kit.auth import mint_dev_token
from sme_kit.clock import MovableClock
from sme_kit.testing import DEFAULT_CLOCK_START, wait_until
from sme_kit.testing.clocks import move_clock_and_fire
from sme_kit.testing.events import Events, EventsFound, events, of_type, read_events  # noqa: F401 - shared helpers

PDF = b"%PDF-1.4\n%test\n" + b"0" * 64
USCC = "91440106MA59C1XE2H"
TIANHE, YUEXIU = "440106", "440104"


@pytest.fixture(autouse=True)
async def drop_test_topics(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[None]:
    """Delete this test's own topics afterwards: the shared broker must not pile up partitions."""
    yield
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap, request_timeout_ms=10000)
    try:
        await admin.start()
        mine = [name for name in await admin.list_topics() if name.startswith(topic_prefix)]
        if mine:
            await admin.delete_topics(mine)
    except KafkaError:
        pass  # best effort: a broker that is down keeps them, as it would without this fixture
    finally:
        await admin.close()


@pytest.fixture
def settings(
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    dev_secret: str,
    tmp_path: Path,
    clock_start: datetime,
) -> AssessmentSettings:
    return AssessmentSettings(
        database_url=database_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
        auth_dev_secret=dev_secret,
        environment="test",
        testing_clock=True,
        testing_clock_start=clock_start,
        relay_poll_interval_s=0.2,
        timer_poll_interval_s=0.2,
        files_dir=str(tmp_path / "files"),
    )


@dataclass
class Service:
    """The running service, its HTTP client and the tokens of its users."""

    app: FastAPI
    http: httpx.AsyncClient
    secret: str

    def as_(self, role: str, **claims: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {mint_dev_token(self.secret, role=role, **claims)}"}

    def operator(self, station_id: str) -> dict[str, str]:
        return self.as_("station_operator", org=USCC, station_id=station_id, subject=f"op-{station_id}")

    @property
    def bureau(self) -> dict[str, str]:
        return self.as_("bureau_admin", subject="bureau-li")

    @property
    def head(self) -> dict[str, str]:
        return self.as_("head_station_staff", subject="head-chen")

    def district(self, code: str) -> dict[str, str]:
        return self.as_("district_officer", district=code, subject=f"district-{code}")

    @property
    def clock(self) -> MovableClock:
        clock = self.app.state.runtime.clock
        assert isinstance(clock, MovableClock)
        return clock

    def today(self) -> date:
        return self.clock.now().date()

    async def move_to(self, moment: datetime) -> int:
        """Move the clock forward and fire what became due; returns how many timers fired."""
        return await move_clock_and_fire(self.app.state.runtime, moment)

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

        async def caught_up() -> bool:
            return int(self.app.state.runtime.consumer.seen) >= records

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


@contextlib.asynccontextmanager
async def running(settings: AssessmentSettings) -> AsyncIterator[Service]:
    app = assessment_app(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://assessment") as http,
    ):
        assert settings.auth_dev_secret is not None
        yield Service(app, http, settings.auth_dev_secret)


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

    def __init__(self, producer: AIOKafkaProducer, prefix: str) -> None:
        self._producer = producer
        self._prefix = prefix
        self.sent = 0  # records produced, duplicates included

    async def send(self, event: Event, *, source: str, envelope: CloudEvent | None = None) -> CloudEvent:
        """Publish an event (or deliver an already published envelope again); returns its envelope."""
        sent = envelope or wrap(event, source=source)
        await self._producer.send_and_wait(
            self._prefix + event.topic.name, sent.data, key=sent.key, headers=sent.headers()
        )
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
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        yield Others(producer, topic_prefix)
    finally:
        await producer.stop()


def has(kind: type[Any], count: int = 1, **fields: Any) -> EventsFound:
    """``until`` for `events`: at least ``count`` events of a type whose fields match."""

    def check(found: list[Event]) -> bool:
        matching = [e for e in of_type(found, kind) if all(getattr(e, k) == v for k, v in fields.items())]
        return len(matching) >= count

    return check
