"""The activities service in process on the real PostgreSQL and Kafka, fed with registry's station events."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from sme_activities.bootstrap import app as activities_app
from sme_activities.config import ActivitiesSettings
from sme_contracts import Event
from sme_contracts.activities import ContactConfirmationRequested
from sme_contracts.common import OperatorType, ServiceCategory, StationStatus
from sme_contracts.registry import StationInfoChanged, StationRegistered, StationStatusChanged
from sme_kit.auth import Role
from sme_kit.testing import wait_until
from sme_kit.testing.events import (
    EventFeeder,
    TopicReader,
    event_feeder,
    events,  # noqa: F401 - the fixture reading a test's topics
)
from sme_kit.testing.services import RunningService, ServiceEnv, running_service

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
REGISTERED_AT = datetime.fromisoformat("2026-06-01T10:00:00+08:00")
CODES_TOPIC = "gz.sme.activities.contact_confirmation"


def enterprise(uscc: str = "91440106MA59C1XE2H", **changes: str | None) -> dict[str, str | None]:
    """An enterprise's answers to the registration form (its contact has a mobile number)."""
    return {
        "company_name": "广州某智能科技有限公司",
        "uscc": uscc,
        "contact_name": "李小明",
        "contact_phone": "13800138000",
        **changes,
    }


@pytest.fixture
def settings(service_env: ServiceEnv) -> ActivitiesSettings:
    return service_env.settings(ActivitiesSettings)


@dataclass
class Service(RunningService[ActivitiesSettings]):
    """The running activities service and the steps its tests take through its API."""

    codes: TopicReader | None = None

    def operator(self, station_id: str, org: str = "91440106MA59C1XE2H") -> dict[str, str]:
        return self.auth(Role.STATION_OPERATOR, org=org, station_id=station_id, subject=f"op-{station_id}")

    @property
    def head(self) -> dict[str, str]:
        return self.auth(Role.HEAD_STATION_STAFF, subject="head-1")

    @property
    def bureau(self) -> dict[str, str]:
        return self.auth(Role.BUREAU_ADMIN)

    def district(self, code: str) -> dict[str, str]:
        return self.auth(Role.DISTRICT_OFFICER, district=code)

    async def move_to(self, moment: datetime) -> int:
        """Move the clock forward and fire what became due; returns how many timers fired."""
        return await self.move_clock_to(moment)

    async def schedule(
        self,
        who: dict[str, str],
        *,
        starts_in: timedelta = timedelta(days=3),
        capacity: int = 30,
        co_organisers: tuple[str, ...] = (),
        theme_month_id: str | None = None,
        expect: int = 201,
    ) -> dict[str, Any]:
        """Schedule a two-hour salon starting ``starts_in`` from the service's now."""
        starts = self.clock.now() + starts_in
        form = {
            "activity_type": "salon",
            "title": "知识产权质押融资政策沙龙",
            "description": "解读政策，现场对接银行与服务机构。",
            "theme_month_id": theme_month_id,
            "co_organiser_station_ids": list(co_organisers),
            "institutions": ["广州某知识产权代理有限公司"],
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "venue": "天河区天河路1号服务站活动室",
            "capacity": capacity,
        }
        response = await self.http.post("/activities", json=form, headers=who)
        assert response.status_code == expect, response.text
        return dict(response.json())

    async def upload_photo(self, activity_id: str, who: dict[str, str], expect: int = 201) -> dict[str, Any]:
        response = await self.http.post(
            f"/activities/{activity_id}/evidence",
            files={"file": ("photo.png", PNG, "image/png")},
            data={"purpose": "photo"},
            headers=who,
        )
        assert response.status_code == expect, response.text
        return dict(response.json())

    async def codes_sent(self, reference: str, count: int = 1) -> list[ContactConfirmationRequested]:
        """The code messages sent for a form, oldest first, once there are ``count`` of them: what the
        notifications service reads and delivers by SMS or e-mail (the code exists nowhere else)."""
        if self.codes is None:
            self.codes = self.reader(CODES_TOPIC)
        return await self.codes.wait_for(ContactConfirmationRequested, lambda e: e.reference == reference, count=count)

    async def code_for(self, reference: str, count: int = 1) -> str:
        """The latest code sent for a form (the ``count``-th)."""
        return (await self.codes_sent(reference, count))[-1].code

    async def register(
        self, activity_id: str, *, expect: int = 202, uscc: str = "91440106MA59C1XE2H", **answers: str | None
    ) -> dict[str, Any]:
        """Register without signing in; returns the answer (a registration awaiting its code)."""
        return await self._register(activity_id, enterprise(uscc, **answers), expect)

    async def _register(self, activity_id: str, form: dict[str, str | None], expect: int) -> dict[str, Any]:
        response = await self.http.post(f"/activities/{activity_id}/registrations", json=form)
        assert response.status_code == expect, response.text
        return dict(response.json())

    async def confirm(self, url: str, code: str, expect: int = 200) -> dict[str, Any]:
        """POST the code to a form's confirm URL."""
        response = await self.http.post(f"{url}/confirm", json={"code": code})
        assert response.status_code == expect, response.text
        return dict(response.json())

    async def register_confirmed(
        self, activity_id: str, *, uscc: str = "91440106MA59C1XE2H", **answers: str | None
    ) -> dict[str, Any]:
        """Register and confirm with the code sent, as a person does; returns the registration."""
        pending = await self._register(activity_id, enterprise(uscc, **answers), 202)
        reference = pending["registration_id"]
        url = f"/activities/{activity_id}/registrations/{reference}"
        return await self.confirm(url, await self.code_for(reference))

    async def file_confirmed(self, form: dict[str, Any]) -> dict[str, Any]:
        """File a service request and confirm it with the code sent; returns the confirmed request."""
        response = await self.http.post("/service-requests", json=form)
        assert response.status_code == 202, response.text
        reference = response.json()["id"]
        return await self.confirm(f"/service-requests/{reference}", await self.code_for(reference))

    async def wait_for_station(self, station_id: str, status: str = "active") -> None:
        async def known() -> bool:
            params: dict[str, str | int] = {"active_only": "false", "limit": 200}
            found = await self.http.get("/stations", params=params, headers=self.bureau)
            return any(s["id"] == station_id and s["status"] == status for s in found.json()["items"])

        await wait_until(known, what=f"station {station_id} {status}")


def running(settings: ActivitiesSettings) -> contextlib.AbstractAsyncContextManager[Service]:
    """The activities app in process: its lifespan (migrations, relay, consumers, timers) and a client."""
    return running_service(activities_app, settings, service_type=Service)


@pytest.fixture
async def service(settings: ActivitiesSettings) -> AsyncIterator[Service]:
    async with running(settings) as started:
        yield started


class Registry:
    """Plays the registry service: publishes station events the way it does."""

    def __init__(self, feeder: EventFeeder) -> None:
        self._feeder = feeder

    async def send(self, event: Event) -> None:
        await self._feeder.send(event, source="/gz/sme/registry")

    async def register(
        self, station_id: str, district: str = "440106", services: list[ServiceCategory] | None = None
    ) -> None:
        await self.send(
            StationRegistered(
                station_id=station_id,
                station_number=f"GZSME-{station_id}",
                plaque_number="穗中小服站〔2026〕001号",
                application_id=f"app-{station_id}",
                uscc="91440106MA59C1XE2H",
                name=f"广州市民营和中小企业服务站（{station_id}）",
                district_code=district,
                address="广州市天河区天河路1号",
                operator_type=OperatorType.ASSOCIATION,
                services=services or [ServiceCategory.FINANCING, ServiceCategory.LEGAL],
                valid_from=date(2026, 6, 1),
                valid_until=date(2029, 5, 31),
                registered_at=REGISTERED_AT,
            )
        )

    async def change_status(self, station_id: str, status: StationStatus, district: str = "440106") -> None:
        await self.send(
            StationStatusChanged(
                station_id=station_id,
                uscc="91440106MA59C1XE2H",
                name=f"广州市民营和中小企业服务站（{station_id}）",
                district_code=district,
                status=status,
                previous_status=StationStatus.ACTIVE,
                reason="严重违反服务公约，撤销服务站称号",
                revocation_ground=3 if status is StationStatus.REVOKED else None,
                valid_until=date(2029, 5, 31),
                effective_on=date(2026, 11, 28),
                changed_at=datetime.fromisoformat("2026-11-28T09:00:00+08:00"),
            )
        )

    async def info_changed(self, station_id: str, fields: list[str], district: str = "440106") -> None:
        await self.send(
            StationInfoChanged(
                station_id=station_id,
                change_id=f"chg-{station_id}",
                uscc="91440106MA59C1XE2H",
                district_code=district,
                fields_changed=fields,
                completed_on=date(2026, 11, 1),
                reported_on=date(2026, 11, 20),
                late=False,
                reported_at=datetime.fromisoformat("2026-11-20T10:00:00+08:00"),
            )
        )


@pytest.fixture
async def registry(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Registry]:
    async with event_feeder(kafka_bootstrap, topic_prefix) as feeder:
        yield Registry(feeder)


Start = Callable[[], contextlib.AbstractAsyncContextManager[Service]]


@pytest.fixture
def start(settings: ActivitiesSettings) -> Start:
    """``async with start() as service``: one run of the service; call it again to restart on the same database."""
    return lambda: running(settings)
