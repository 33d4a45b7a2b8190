"""The registry in process on the real PostgreSQL and Kafka, and what its tests do again and again."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from sme_contracts import Event
from sme_contracts.review import StationRecognised
from sme_kit.testing import wait_until
from sme_kit.testing.events import event_feeder
from sme_kit.testing.services import RunningService, ServiceEnv, running_service
from sme_registry.bootstrap import app as registry_app
from sme_registry.config import RegistrySettings

USCC = "91440106MA59C1XE2H"  # 天河区
OTHER_USCC = "91440104MA5D0QRT7D"  # 越秀区
PDF = b"%PDF-1.7\n" + b"0" * 1024
REQUIRED_KINDS = ("business_licence", "premises_proof", "management_system", "staff_proof")

# Personal data as an applicant enters it: it must never leave registry's full records.
LEGAL_REPRESENTATIVE = "欧阳振华"
CONTACT_NAME = "司马晓芸"
CONTACT_PHONE = "13712345678"
STAFF = [
    {"name": "诸葛明远", "role": "服务站站长", "phone": "13698765432"},
    {"name": "上官静怡", "role": "服务专员", "phone": "020-38885678"},
]
PERSONAL_DATA = (LEGAL_REPRESENTATIVE, CONTACT_NAME, CONTACT_PHONE, *(s["name"] for s in STAFF), "13698765432")


def full_form(uscc: str = USCC, district_code: str = "440106", **overrides: Any) -> dict[str, Any]:
    """A complete application form of an eligible applicant."""
    form: dict[str, Any] = {
        "uscc": uscc,
        "entity_name": "广州市天河区创新企业服务有限公司",
        "district_code": district_code,
        "legal_representative": LEGAL_REPRESENTATIVE,
        "registered_address": "广州市天河区天河路 100 号 801 室",
        "station_name": "广州市民营和中小企业服务站（天河创新园）",
        "station_address": "广州市天河区天河路 100 号 1 楼服务大厅",
        "operator_type": "sme_service_centre",
        "office_area_sqm": 260,
        "services": ["information", "legal", "financing"],
        "personalised_services": "跨境电商企业出海合规辅导",
        "industries": ["新一代信息技术"],
        "service_area": "天河区珠江新城",
        "service_experience": "近三年为辖区 300 余家中小企业提供政策咨询与融资对接服务",
        "management_system": "服务台账制度、服务质量回访制度；设站长 1 名、服务专员 2 名",
        "resident_institutions": [{"name": "广州某律师事务所", "services": "法律咨询"}],
        "contact": {"name": CONTACT_NAME, "phone": CONTACT_PHONE},
        "staff": copy.deepcopy(STAFF),
    }
    form.update(overrides)
    return form


class Registry(RunningService[RegistrySettings]):
    """A running registry and the steps its tests take through its API."""

    def operator(self, uscc: str = USCC, **claims: str) -> dict[str, str]:
        return self.auth("station_operator", org=uscc, **claims)

    def district(self, code: str = "440106") -> dict[str, str]:
        return self.auth("district_officer", district=code)

    @property
    def bureau(self) -> dict[str, str]:
        return self.auth("bureau_admin")

    async def open_round(
        self, year: int | None = None, opens: int = -10, closes: int = 10, deadline: int = 20
    ) -> dict[str, Any]:
        """Open a round whose window lies `opens`..`closes` days from today."""
        day = self.today()
        body = {
            "year": year or day.year,
            "window_opens_on": (day + timedelta(days=opens)).isoformat(),
            "window_closes_on": (day + timedelta(days=closes)).isoformat(),
            "forwarding_deadline": (day + timedelta(days=deadline)).isoformat(),
        }
        response = await self.http.post("/rounds", json=body, headers=self.bureau)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def draft(self, form: dict[str, Any] | None = None) -> str:
        form = form or full_form()
        response = await self.http.post("/applications", json=form, headers=self.operator(form["uscc"]))
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    async def attach(self, application_id: str, uscc: str = USCC, kinds: tuple[str, ...] = REQUIRED_KINDS) -> None:
        for kind in kinds:
            response = await self.http.post(
                f"/applications/{application_id}/attachments",
                data={"kind": kind},
                files={"file": (f"{kind}.pdf", PDF, "application/pdf")},
                headers=self.operator(uscc),
            )
            assert response.status_code == 201, response.text

    async def submit(self, application_id: str, uscc: str = USCC) -> httpx.Response:
        return await self.http.post(f"/applications/{application_id}/submit", headers=self.operator(uscc))

    async def submitted(self, form: dict[str, Any] | None = None) -> str:
        """A complete application with its attachments, submitted in the open round."""
        form = form or full_form()
        application_id = await self.draft(form)
        await self.attach(application_id, form["uscc"])
        response = await self.submit(application_id, form["uscc"])
        assert response.status_code == 200, response.text
        return application_id

    async def forwarded(self, form: dict[str, Any] | None = None) -> str:
        form = form or full_form()
        application_id = await self.submitted(form)
        response = await self.http.post(
            f"/applications/{application_id}/forward",
            json={"opinion": "材料齐全，同意上报"},
            headers=self.district(form["district_code"]),
        )
        assert response.status_code == 200, response.text
        return application_id

    async def produce(self, event: Event, source: str = "/gz/sme/review") -> None:
        """Publish an event of another service onto this test's topics, as that service would."""
        async with event_feeder(self.settings.kafka_bootstrap_servers, self.settings.kafka_topic_prefix) as feeder:
            await feeder.send(event, source=source)

    async def recognise(
        self,
        application_id: str,
        *,
        uscc: str = USCC,
        district_code: str = "440106",
        on: date | None = None,
        plaque_number: str | None = None,
    ) -> dict[str, Any]:
        """Review puts the applicant on the final list; returns the station registry created."""
        await self.produce(
            StationRecognised(
                application_id=application_id,
                round_year=self.today().year,
                uscc=uscc,
                entity_name="广州市天河区创新企业服务有限公司",
                district_code=district_code,
                plaque_number=plaque_number or f"穗中小服站〔{self.today().year}〕{application_id[:4]}号",
                final_list_id="fl-1",
                final_list_published_on=on or self.today(),
                recognised_at=self.clock.now(),
            )
        )

        async def registered() -> dict[str, Any] | None:
            found = await self.http.get("/stations", params={"limit": 200}, headers=self.bureau)
            stations = [s for s in found.json()["items"] if s["application_id"] == application_id]
            return stations[0] if stations else None

        return await wait_until(registered, what=f"the station of application {application_id}")


@pytest.fixture
def registry_settings(service_env: ServiceEnv) -> RegistrySettings:
    return service_env.settings(RegistrySettings)


def running(settings: RegistrySettings) -> contextlib.AbstractAsyncContextManager[Registry]:
    """A registry app in process: its lifespan (migrations, relay, consumers, timers) and a client."""
    return running_service(registry_app, settings, service_type=Registry)


@pytest.fixture
async def registry(registry_settings: RegistrySettings) -> AsyncIterator[Registry]:
    async with running(registry_settings) as started:
        yield started
