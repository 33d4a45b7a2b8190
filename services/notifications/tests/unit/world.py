"""A notifications service in memory: its unit of work, routing and senders, and the people of the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sme_contracts import Event
from sme_contracts.envelope import wrap
from sme_kit.auth import Principal, Role
from sme_kit.testing.fakes import FakeUnitOfWorkFactory, World
from sme_notifications.adapters.routing_file import load_routing_table
from sme_notifications.adapters.template_store import TemplateStore
from sme_notifications.domain.channels import Channel, FailureKind, OutgoingMessage, SendFailed
from sme_notifications.domain.deliveries import RetryPolicy
from sme_notifications.domain.recipients import Official, OfficialRole
from sme_notifications.service_layer.dispatch import DispatchPolicy
from sme_notifications.service_layer.route_event import Routing, route_event
from sme_notifications.service_layer.unit_of_work import NotificationsUnitOfWork, NotificationsUowFactory

from .fakes import FakeNotificationsUnitOfWork, InMemoryDeliveries, InMemoryDirectory, fake_uow_factory

START = datetime.fromisoformat("2026-11-28T10:00:00+08:00")
ORG_A = "91440106MA59C1XE2H"
ORG_B = "91440112MA59C1XE27"
POLICY = DispatchPolicy(
    retry=RetryPolicy(max_attempts=3, base_delay=timedelta(seconds=30), max_delay=timedelta(seconds=120)),
    lease=timedelta(minutes=5),
    batch_size=50,
)
_TABLE = load_routing_table()
_TEMPLATES = TemplateStore()

BUREAU = Principal(subject="bu-1", role=Role.BUREAU_ADMIN)
PLATFORM = Principal(subject="ops-1", role=Role.PLATFORM_OPERATOR)
OFFICER_TH = Principal(subject="do-th", role=Role.DISTRICT_OFFICER, district="440106")
EXPERT = Principal(subject="ex-1", role=Role.EXPERT, expert_id="ex-1")


def operator(org: str = ORG_A, subject: str = "op-1") -> Principal:
    return Principal(subject=subject, role=Role.STATION_OPERATOR, org=org)


OFFICIALS = (
    Official("do-th", "李明", OfficialRole.DISTRICT_OFFICER, "440106", "liming@th.example.gov.cn", "13900139000"),
    Official("hs-1", "周敏", OfficialRole.HEAD_STATION_STAFF, None, "zhoumin@hs.example.org", None),
    Official("bu-1", "吴刚", OfficialRole.BUREAU_ADMIN, None, "wugang@gxj.example.gov.cn", "13700137000"),
    Official("ex-1", "林教授", OfficialRole.EXPERT, None, "lin@university.example.edu", "13600136000"),
)


class RecordingSender:
    """A channel that keeps what it sent, or fails each send with the failures it was given, in turn."""

    def __init__(self, *failures: FailureKind) -> None:
        self.sent: list[OutgoingMessage] = []
        self._failures = list(failures)

    async def send(self, message: OutgoingMessage) -> None:
        if self._failures:
            raise SendFailed(self._failures.pop(0), "test failure")
        self.sent.append(message)


@dataclass
class Notifications:
    """The service in memory: ``uow_factory`` over one world, the routing, and how often the doorbell rang."""

    uow_factory: FakeUnitOfWorkFactory[FakeNotificationsUnitOfWork] = field(
        default_factory=lambda: fake_uow_factory(START)
    )
    rings: int = 0
    enabled: frozenset[Channel] = frozenset(Channel)

    @property
    def routing(self) -> Routing:
        return Routing(
            table=_TABLE,
            templates=_TEMPLATES,
            enabled=self.enabled,
            portal_url="https://smefw.example",
            on_pending=self.ring,
        )

    def ring(self) -> None:
        self.rings += 1

    @property
    def factory(self) -> NotificationsUowFactory:
        """The fake factory as the use cases' signatures name it (it has the same surface)."""
        return cast(NotificationsUowFactory, self.uow_factory)

    @property
    def world(self) -> World:
        return self.uow_factory.world

    @property
    def deliveries(self) -> InMemoryDeliveries:
        """The delivery record as committed (read directly, as a test's database query would)."""
        return self.world.repository(InMemoryDeliveries)

    @property
    def directory(self) -> InMemoryDirectory:
        return self.world.repository(InMemoryDirectory)

    async def receive(self, event: Event, *, event_id: str | None = None) -> tuple[str, int]:
        """Route one event as the consumer does; returns its id and how many deliveries it created."""
        envelope = wrap(event, source="/gz/sme/test", event_id=event_id, time=START)
        async with self.uow_factory() as uow:
            created = await route_event(
                event=event, envelope=envelope, uow=cast(NotificationsUnitOfWork, uow), routing=self.routing
            )
            await uow.commit()
        return envelope.id, created

    async def register_officials(self) -> None:
        async with self.uow_factory() as uow:
            for official in OFFICIALS:
                await uow.directory.save_official(official, START)
            await uow.commit()
