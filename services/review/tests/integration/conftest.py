"""The review service in process, on the real PostgreSQL and Kafka, with a clock the test controls.

Notice periods are specified by dates (published 2026-09-28 ends 2026-10-09 …), so each test
starts the service's clock at the moment it needs (``clock_at``, else the test's ``clock_start``)
and from then on only moves it forward, as the kit intends.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from sme_contracts import Event
from sme_contracts.common import OperatorType, ServiceCategory
from sme_contracts.registry import ApplicationForwarded, ApplicationKind
from sme_kit.testing import wait_until
from sme_kit.testing.events import EventFeeder, event_feeder, read_events
from sme_kit.testing.services import RunningService, ServiceEnv, running_service
from sme_kit.vocabulary import SHANGHAI
from sme_review.bootstrap import app as review_app
from sme_review.config import ReviewSettings

pytestmark = pytest.mark.integration

YEAR = 2026
EXPERT_ORGS = ("12440100MB2D34567Q", "51440100MJK123456P", "91440115MA5AYY7R83")
APPLICANTS = {
    "A": ("91440106MA59C1XE2H", "广州市天河区创新企业服务有限公司", "440106"),
    "B": ("91440104MA5AB1CD2X", "广州市越秀区商贸服务中心有限公司", "440104"),
    "C": ("91440111MA5CQ8RT1J", "广州市白云区产业园运营管理有限公司", "440111"),
    "D": ("91440112MA59EE7K30", "广州市黄埔区科技企业孵化器有限公司", "440112"),
    "E": ("91440113MA5D00LJ56", "广州市番禺区中小企业服务协会", "440113"),
}
GOOD_MARKS = {
    "premises": 85,
    "staff": 90,
    "service_capability": 88,
    "experience": 80,
    "management_system": 75,
    "influence": 70,
}


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in Asia/Shanghai."""
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), SHANGHAI).replace(hour=hour, minute=minute)


@dataclass
class ReviewService(RunningService[ReviewSettings]):
    """One running review service (the kit's in-process service) and the ways a test talks to it."""

    feeder: EventFeeder | None = None
    forwarded: dict[str, ApplicationForwarded] = field(default_factory=dict)

    @property
    def head_station(self) -> dict[str, str]:
        return self.auth("head_station_staff", subject="hs-wang")

    @property
    def bureau(self) -> dict[str, str]:
        return self.auth("bureau_admin", subject="bureau-li")

    def expert(self, expert_id: str) -> dict[str, str]:
        return self.auth("expert", subject=expert_id)

    # --- events in and out -------------------------------------------------------------------

    async def forward(
        self,
        key: str,
        *,
        kind: ApplicationKind = ApplicationKind.NEW,
        station_id: str | None = None,
        year: int = YEAR,
    ) -> str:
        """Registry forwards applicant ``key``'s application; returns the case the service opened."""
        uscc, name, district = APPLICANTS[key]
        event = ApplicationForwarded(
            application_id=f"app-{key}-{kind.value}",
            round_year=year,
            kind=kind,
            station_id=station_id,
            uscc=uscc,
            entity_name=name,
            district_code=district,
            operator_type=OperatorType.INDUSTRIAL_PARK,
            station_address=f"{name}服务大厅",
            services=[ServiceCategory.INFORMATION, ServiceCategory.FINANCING],
            industries=["软件和信息技术服务业"],
            full_time_staff=3,
            district_opinion="材料齐全，符合申报条件，同意上报",
            forwarded_at=self.runtime.clock.now() - timedelta(days=1),
        )
        assert self.feeder is not None
        await self.feeder.send(event, source="/gz/sme/registry")
        self.forwarded[key] = event
        return await self.case_of(event.application_id)

    async def case_of(self, application_id: str) -> str:
        async def opened() -> str | None:
            offset, total = 0, 1
            while offset < total:  # every page of the list, at the kit's largest page size
                params = {"limit": 200, "offset": offset}
                page = (await self.http.get("/cases", params=params, headers=self.head_station)).json()
                found = next((c["id"] for c in page["items"] if c["application_id"] == application_id), None)
                if found is not None:
                    return str(found)
                offset, total = offset + page["limit"], page["total"]
            return None

        return await wait_until(opened, what=f"the case of {application_id}")

    async def events(self, topic: str, until: Callable[[list[Event]], bool], *, timeout: float = 20.0) -> list[Event]:
        """Every event on ``topic`` from the beginning, read until ``until`` holds for them."""
        settings = self.settings
        return await read_events(
            settings.kafka_bootstrap_servers, settings.kafka_topic_prefix, topic, until, timeout=timeout
        )

    # --- the head station's and the bureau's steps --------------------------------------------

    async def register_experts(self, *expert_ids: str) -> None:
        for index, expert_id in enumerate(expert_ids):
            response = await self.http.post(
                "/experts",
                json={
                    "id": expert_id,
                    "name": f"专家{index + 1}",
                    "title": "高级经济师",
                    "organisation_name": f"专家单位{index + 1}",
                    "organisation_uscc": EXPERT_ORGS[index % len(EXPERT_ORGS)],
                    "expertise": ["企业服务"],
                },
                headers=self.head_station,
            )
            assert response.status_code == 201, response.text

    async def use_panels_of(self, size: int) -> None:
        response = await self.http.put(
            f"/rounds/{YEAR}/criteria",
            json={"criteria": [{"code": "overall", "name": "综合评价", "weight": 100}], "min_experts_per_case": size},
            headers=self.head_station,
        )
        assert response.status_code == 200, response.text

    async def score(self, case_id: str, experts: Sequence[str], marks: dict[str, int] | None = None) -> None:
        """Assign ``experts`` to the case and have each submit its sheet."""
        due = (self.today() + timedelta(days=10)).isoformat()
        response = await self.http.post(
            f"/cases/{case_id}/assignments",
            json={"expert_ids": list(experts), "due_on": due},
            headers=self.head_station,
        )
        assert response.status_code == 201, response.text
        criteria = (await self.http.get(f"/rounds/{YEAR}/criteria", headers=self.head_station)).json()["criteria"]
        sheet = marks or {c["code"]: GOOD_MARKS.get(c["code"], 80) for c in criteria}
        for expert_id in experts:
            response = await self.http.put(
                f"/cases/{case_id}/score-sheet",
                json={"marks": sheet, "comment": "材料齐全，服务能力较强"},
                headers=self.expert(expert_id),
            )
            assert response.status_code == 200, response.text

    async def recommend(self, case_id: str, recommendation: str = "recommend") -> None:
        response = await self.http.put(
            f"/cases/{case_id}/recommendation",
            json={"recommendation": recommendation, "reasons": "专家评审意见一致，服务能力突出"},
            headers=self.head_station,
        )
        assert response.status_code == 200, response.text

    async def submit_and_shortlist(self, application_ids: Sequence[str]) -> None:
        response = await self.http.post(f"/rounds/{YEAR}/submission", headers=self.head_station)
        assert response.status_code == 200, response.text
        response = await self.http.put(
            f"/rounds/{YEAR}/shortlist", json={"application_ids": list(application_ids)}, headers=self.bureau
        )
        assert response.status_code == 200, response.text

    async def shortlisted_round(self, *keys: str) -> dict[str, str]:
        """A round with the given applicants reviewed by one expert each, recommended and shortlisted."""
        await self.register_experts("expert-1")
        await self.use_panels_of(1)
        cases = {key: await self.forward(key) for key in keys}
        for case_id in cases.values():
            await self.score(case_id, ["expert-1"])
            await self.recommend(case_id)
        await self.submit_and_shortlist([self.forwarded[key].application_id for key in keys])
        return cases

    async def publish_notice(self) -> httpx.Response:
        return await self.http.post(f"/rounds/{YEAR}/notice", headers=self.bureau)


@pytest.fixture
def start_review(service_env: ServiceEnv) -> Callable[..., contextlib.AbstractAsyncContextManager[ReviewService]]:
    """Start the service (again, on the same database and topics, when called twice)."""

    @contextlib.asynccontextmanager
    async def start(*, clock_at: datetime | None = None, **overrides: Any) -> AsyncIterator[ReviewService]:
        settings = service_env.settings(
            ReviewSettings, testing_clock_start=clock_at or service_env.clock_start, **overrides
        )
        async with (
            running_service(review_app, settings, service_type=ReviewService) as service,
            event_feeder(service_env.kafka_bootstrap, service_env.topic_prefix) as feeder,
        ):
            service.feeder = feeder
            yield service

    return start


@pytest.fixture
async def review(
    start_review: Callable[..., contextlib.AbstractAsyncContextManager[ReviewService]],
) -> AsyncIterator[ReviewService]:
    """A review service whose clock stands at 2026-09-01 10:00, the start of a round's review."""
    async with start_review(clock_at=at("2026-09-01")) as service:
        yield service
