"""The registry's use cases on the in-memory unit of work: a world and the steps tests repeat."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any, cast

import pytest

from sme_contracts.review import StationRecognised
from sme_kit.auth import Principal, Role
from sme_kit.clock import MovableClock
from sme_kit.testing.fakes import FakeUnitOfWorkFactory, World
from sme_registry.adapters.applications_repository import Attachment
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.applications import Decision
from sme_registry.domain.forms import ApplicationForm, AttachmentKind
from sme_registry.domain.stations import Station
from sme_registry.service_layer import applications, district_review, register_events, rounds
from sme_registry.service_layer.applications import FillInForm
from sme_registry.service_layer.district_review import DecideApplication

from .fakes import FakeRegistryUnitOfWork, FakeRegistryUowFactory
from .forms import COMPLETE, USCC

# 10:00 in Guangzhou, in the middle of an ordinary year.
START = datetime.fromisoformat("2026-06-15T10:00:00+08:00")
REQUIRED = (
    AttachmentKind.BUSINESS_LICENCE,
    AttachmentKind.PREMISES_PROOF,
    AttachmentKind.MANAGEMENT_SYSTEM,
    AttachmentKind.STAFF_PROOF,
)


def operator(uscc: str = USCC, station_id: str | None = None) -> Principal:
    return Principal(subject=f"op-{uscc}", role=Role.STATION_OPERATOR, org=uscc, station_id=station_id)


def district(code: str = "440106") -> Principal:
    return Principal(subject=f"officer-{code}", role=Role.DISTRICT_OFFICER, district=code)


BUREAU = Principal(subject="bureau-1", role=Role.BUREAU_ADMIN)
HEAD_STATION = Principal(subject="head-1", role=Role.HEAD_STATION_STAFF)


class Steps:
    """A world of the registry's use cases, and the steps to bring an application along."""

    def __init__(self) -> None:
        self.uow_factory: FakeRegistryUowFactory = FakeUnitOfWorkFactory(
            FakeRegistryUnitOfWork, clock=MovableClock.starting_at(START)
        )
        # What the use cases take: the fake has the real factory's surface (called with an actor).
        self.factory = cast(RegistryUowFactory, self.uow_factory)

    @property
    def world(self) -> World:
        return self.uow_factory.world

    @property
    def clock(self) -> MovableClock:
        clock = self.uow_factory.clock
        assert isinstance(clock, MovableClock)
        return clock

    def today(self) -> date:
        return self.clock.now().date()

    async def open_round(self, opens: int = -10, closes: int = 10, deadline: int = 20, year: int | None = None) -> None:
        day = self.today()
        await rounds.open_round(
            uow_factory=self.factory,
            principal=BUREAU,
            command=rounds.OpenRound(
                year=year or day.year,
                window_opens_on=day + timedelta(days=opens),
                window_closes_on=day + timedelta(days=closes),
                forwarding_deadline=day + timedelta(days=deadline),
            ),
        )

    async def draft(self, form: ApplicationForm = COMPLETE, **command: Any) -> str:
        created = await applications.create_application(
            uow_factory=self.factory,
            principal=operator(form.uscc),
            command=FillInForm(form=form, **command),
        )
        return created.id

    async def attach(self, application_id: str, kinds: tuple[AttachmentKind, ...] = REQUIRED) -> None:
        async with self.uow_factory() as uow:
            for kind in kinds:
                await uow.attachments.attach(Attachment(str(uuid.uuid4()), application_id, kind, self.clock.now()))
            await uow.commit()

    async def submit(self, application_id: str, uscc: str = USCC) -> None:
        await applications.submit_application(
            uow_factory=self.factory,
            principal=operator(uscc),
            application_id=application_id,
        )

    async def submitted(self, form: ApplicationForm = COMPLETE, **command: Any) -> str:
        application_id = await self.draft(form, **command)
        await self.attach(application_id)
        await self.submit(application_id, form.uscc)
        return application_id

    async def decide(self, application_id: str, decision: str, *reasons: str, code: str = "440106") -> None:
        await district_review.decide(
            uow_factory=self.factory,
            principal=district(code),
            command=DecideApplication(application_id, Decision(decision), tuple(reasons)),
        )

    async def forwarded(self, form: ApplicationForm = COMPLETE, **command: Any) -> str:
        application_id = await self.submitted(form, **command)
        await self.decide(application_id, "forward", code=form.district_code)
        return application_id

    async def consume(self, use_case: Callable[..., Awaitable[None]], event: Any) -> None:
        """Run a consumer's use case in one unit of work, committed, as the kit's consumer does."""
        async with self.uow_factory() as uow:
            await use_case(uow=uow, event=event)
            await uow.commit()

    def recognition(self, application_id: str, on: date | None = None, uscc: str = USCC) -> StationRecognised:
        return StationRecognised(
            application_id=application_id,
            round_year=self.today().year,
            uscc=uscc,
            entity_name=COMPLETE.entity_name,
            district_code="440106",
            plaque_number=f"穗中小服站〔{self.today().year}〕{application_id[:4]}号",
            final_list_id="fl-1",
            final_list_published_on=on or self.today(),
            recognised_at=self.clock.now(),
        )

    async def station(self, form: ApplicationForm = COMPLETE, on: date | None = None) -> Station:
        """A forwarded application of `form` recognised on the final list: its station."""
        application_id = await self.forwarded(form)
        await self.consume(register_events.register_recognised_station, self.recognition(application_id, on, form.uscc))
        async with self.uow_factory() as uow:
            found = await uow.stations.of_application(application_id)
        assert found is not None
        return found


def other_form(uscc: str, district_code: str) -> ApplicationForm:
    return replace(COMPLETE, uscc=uscc, district_code=district_code, entity_name=f"{district_code} 企业服务有限公司")


@pytest.fixture
def steps() -> Steps:
    return Steps()
