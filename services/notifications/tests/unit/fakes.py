"""In-memory repositories and unit of work of the notifications service, for use-case tests.

They keep what the SQL repositories keep, with the same methods the use cases call; the domain's
objects are frozen, so stored state cannot be changed by a test holding one. What needs SQL itself
(``SKIP LOCKED`` between dispatchers, the unique key under concurrent consumers) is left to the
integration tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

from sme_kit.clock import MovableClock
from sme_kit.paging import PageOf, PageRequest
from sme_kit.testing.fakes import FakeUnitOfWork, FakeUnitOfWorkFactory, World
from sme_kit.uow import Actor
from sme_notifications.domain.channels import OUTBOUND_CHANNELS, Channel
from sme_notifications.domain.deliveries import Attempt, Delivery, DeliveryFilter, DeliveryStatus, InboxItem
from sme_notifications.domain.facts import ApplicationFact, OrganisationFact, StationFact
from sme_notifications.domain.preferences import Preferences
from sme_notifications.domain.recipients import Contact, Official, OfficialRole, Organisation, Recipient, RecipientKind
from sme_notifications.domain.sign_in import KnownOrganisation

_DUE = (DeliveryStatus.PENDING, DeliveryStatus.SENDING)

T = TypeVar("T")


class InMemoryDeliveries:
    """Deliveries in the order they were recorded (the table's serial id), and their attempts."""

    def __init__(self) -> None:
        self.rows: dict[str, Delivery] = {}
        self.attempts: dict[str, list[Attempt]] = {}

    def _key(self, delivery: Delivery) -> tuple[str, Recipient, Channel]:
        return (delivery.event_id, delivery.recipient, delivery.channel)

    async def add_if_new(self, delivery: Delivery) -> bool:
        taken = {self._key(row) for row in self.rows.values()}
        if delivery.delivery_id in self.rows or self._key(delivery) in taken:
            return False
        self.rows[delivery.delivery_id] = delivery
        return True

    async def add_attempt(self, delivery_id: str, attempt: Attempt) -> None:
        self.attempts.setdefault(delivery_id, []).append(attempt)

    async def get(self, delivery_id: str) -> Delivery | None:
        return self.rows.get(delivery_id)

    async def attempts_of(self, delivery_id: str) -> list[Attempt]:
        return sorted(self.attempts.get(delivery_id, []), key=lambda attempt: attempt.number)

    def _waiting(self) -> list[Delivery]:
        return [d for d in self.rows.values() if d.status in _DUE and d.channel in OUTBOUND_CHANNELS]

    async def claim_due(self, *, now: datetime, lease_until: datetime, limit: int) -> list[Delivery]:
        due = [d for d in self._waiting() if d.next_attempt_at is not None and d.next_attempt_at <= now]
        order = list(self.rows)
        claimed = sorted(due, key=lambda d: (d.next_attempt_at, order.index(d.delivery_id)))[:limit]
        for delivery in claimed:
            self.rows[delivery.delivery_id] = replace(
                delivery, status=DeliveryStatus.SENDING, next_attempt_at=lease_until, updated_at=now
            )
        return claimed

    async def save_outcome(self, before: Delivery, after: Delivery) -> bool:
        stored = self.rows.get(before.delivery_id)
        if stored is None or stored.status is not DeliveryStatus.SENDING or stored.attempts != before.attempts:
            return False
        self.rows[after.delivery_id] = after
        return True

    async def save(self, delivery: Delivery) -> None:
        if delivery.delivery_id in self.rows:
            self.rows[delivery.delivery_id] = delivery

    async def next_due_at(self) -> datetime | None:
        due = [d.next_attempt_at for d in self._waiting() if d.next_attempt_at is not None]
        return min(due, default=None)

    async def search(self, where: DeliveryFilter, page: PageRequest) -> PageOf[Delivery]:
        def matches(d: Delivery) -> bool:
            wanted: dict[str, Any] = {
                "event_type": (where.event_type, d.event_type),
                "event_id": (where.event_id, d.event_id),
                "recipient": (where.recipient, str(d.recipient)),
                "audience": (where.audience, str(d.audience)),
                "channel": (where.channel, d.channel),
                "status": (where.status, d.status),
            }
            if any(asked is not None and asked != value for asked, value in wanted.values()):
                return False
            if where.created_from is not None and d.created_at < where.created_from:
                return False
            return where.created_to is None or d.created_at < where.created_to

        newest_first = [d for d in reversed(self.rows.values()) if matches(d)]
        return PageOf.sliced(newest_first, page)

    async def of_event(self, event_id: str) -> Sequence[Delivery]:
        return [d for d in self.rows.values() if d.event_id == event_id]


@dataclass
class InboxReads:
    """Read marks: (delivery id, reader) → when it was read."""

    marks: dict[tuple[str, str], datetime] = field(default_factory=dict)


class InMemoryInbox:
    """The delivered in-app messages of some inboxes, with one reader's marks."""

    def __init__(self, deliveries: InMemoryDeliveries, reads: InboxReads) -> None:
        self._deliveries = deliveries
        self._reads = reads

    def _items(self, inboxes: Sequence[Recipient], reader: str) -> list[InboxItem]:
        return [
            (d, self._reads.marks.get((d.delivery_id, reader)))
            for d in reversed(self._deliveries.rows.values())
            if d.channel is Channel.IN_APP and d.status is DeliveryStatus.DELIVERED and d.recipient in inboxes
        ]

    async def messages(
        self, inboxes: Sequence[Recipient], reader: str, *, unread_only: bool, page: PageRequest
    ) -> PageOf[InboxItem]:
        items = [item for item in self._items(inboxes, reader) if not unread_only or item[1] is None]
        return PageOf.sliced(items, page)

    async def unread_count(self, inboxes: Sequence[Recipient], reader: str) -> int:
        return sum(1 for _, read_at in self._items(inboxes, reader) if read_at is None)

    async def message(self, delivery_id: str, inboxes: Sequence[Recipient], reader: str) -> InboxItem | None:
        return next((item for item in self._items(inboxes, reader) if item[0].delivery_id == delivery_id), None)

    async def mark_read(self, delivery_id: str, reader: str, now: datetime) -> None:
        self._reads.marks.setdefault((delivery_id, reader), now)

    async def mark_unread(self, delivery_id: str, reader: str) -> None:
        self._reads.marks.pop((delivery_id, reader), None)


@dataclass
class _Station:
    uscc: str
    district_code: str
    name: str | None = None
    status: str | None = None


class InMemoryDirectory:
    """Organisations, officials, preferences, and the stations and applications learnt from events."""

    def __init__(self) -> None:
        self.organisations: dict[str, Organisation] = {}
        self.officials_by_subject: dict[str, Official] = {}
        self.preferences: dict[Recipient, Preferences] = {}
        self.stations: dict[str, _Station] = {}
        self.applications: dict[str, ApplicationFact] = {}

    # --- organisations ----------------------------------------------------------------------------

    async def organisation(self, uscc: str) -> Organisation | None:
        return self.organisations.get(uscc)

    async def learn_organisation(self, fact: OrganisationFact, now: datetime) -> None:
        found = self.organisations.get(fact.uscc) or Organisation(uscc=fact.uscc, name=None, contact=Contact())
        self.organisations[fact.uscc] = replace(found, name=fact.name)

    async def known_organisations(self) -> list[KnownOrganisation]:
        names: dict[str, str | None] = {uscc: org.name for uscc, org in self.organisations.items()}
        districts: dict[str, str] = {}
        for application in self.applications.values():
            if names.get(application.uscc) is None:
                names[application.uscc] = application.entity_name
            districts[application.uscc] = application.district_code
        stations_of: dict[str, list[tuple[bool, str]]] = {}
        for station_id, station in sorted(self.stations.items()):
            names.setdefault(station.uscc, None)
            districts[station.uscc] = station.district_code
            stations_of.setdefault(station.uscc, []).append((station.status != "active", station_id))
        return [
            KnownOrganisation(
                uscc=uscc,
                name=name,
                district_code=districts.get(uscc),
                station_ids=tuple(station_id for _, station_id in sorted(stations_of.get(uscc, []))),
            )
            for uscc, name in sorted(names.items())
        ]

    async def set_contact(self, uscc: str, contact: Contact, now: datetime) -> None:
        found = self.organisations.get(uscc) or Organisation(uscc=uscc, name=None, contact=Contact())
        self.organisations[uscc] = replace(found, contact=contact)

    async def clear_contact(self, uscc: str, now: datetime) -> bool:
        found = self.organisations.get(uscc)
        if found is None:
            return False
        self.organisations[uscc] = replace(found, contact=Contact())
        return True

    # --- officials --------------------------------------------------------------------------------

    async def official(self, subject: str) -> Official | None:
        return self.officials_by_subject.get(subject)

    async def officials(self, *, role: OfficialRole | None = None, district_code: str | None = None) -> list[Official]:
        found = [
            official
            for official in self.officials_by_subject.values()
            if (role is None or official.role is role)
            and (district_code is None or official.district_code == district_code)
        ]
        return sorted(found, key=lambda o: (o.role.value, o.district_code or "", o.subject))

    async def officials_page(
        self, page: PageRequest, *, role: OfficialRole | None = None, district_code: str | None = None
    ) -> PageOf[Official]:
        return PageOf.sliced(await self.officials(role=role, district_code=district_code), page)

    async def save_official(self, official: Official, now: datetime) -> bool:
        created = official.subject not in self.officials_by_subject
        self.officials_by_subject[official.subject] = official
        return created

    async def delete_official(self, subject: str) -> bool:
        self.preferences.pop(Recipient.official(subject), None)
        return self.officials_by_subject.pop(subject, None) is not None

    # --- addresses at send time -------------------------------------------------------------------

    async def address_of(self, recipient: Recipient, channel: Channel) -> str | None:
        contact: Contact | Official | None = None
        if recipient.kind is RecipientKind.ORG:
            org = self.organisations.get(recipient.id)
            contact = org.contact if org else None
        elif recipient.kind is RecipientKind.OFFICIAL:
            contact = self.officials_by_subject.get(recipient.id)
        if contact is None:
            return None
        return contact.email if channel is Channel.EMAIL else contact.mobile

    # --- stations and applications ----------------------------------------------------------------

    async def learn_station(self, fact: StationFact, now: datetime) -> None:
        found = self.stations.get(fact.station_id)
        self.stations[fact.station_id] = _Station(
            uscc=fact.uscc,
            district_code=fact.district_code,
            name=fact.name if fact.name is not None else (found.name if found else None),
            status=fact.status if fact.status is not None else (found.status if found else None),
        )

    async def station(self, station_id: str) -> tuple[str, str | None] | None:
        found = self.stations.get(station_id)
        return (found.uscc, found.name) if found else None

    async def active_station_operators(self) -> list[tuple[str, str | None]]:
        found: dict[str, str | None] = {}
        for station in sorted(self.stations.values(), key=lambda s: s.uscc):
            if station.status == "active":
                found.setdefault(station.uscc, station.name)
        return list(found.items())

    async def learn_application(self, fact: ApplicationFact, now: datetime) -> None:
        found = self.applications.get(fact.application_id)
        name = fact.entity_name if fact.entity_name is not None else (found.entity_name if found else None)
        self.applications[fact.application_id] = replace(fact, entity_name=name)

    async def application(self, application_id: str) -> tuple[str, str | None] | None:
        found = self.applications.get(application_id)
        return (found.uscc, found.entity_name) if found else None

    # --- preferences ------------------------------------------------------------------------------

    async def preferences_of(self, recipients: Iterable[Recipient]) -> dict[Recipient, Preferences]:
        return {recipient: self.preferences[recipient] for recipient in recipients if recipient in self.preferences}

    async def set_preferences(self, recipient: Recipient, chosen: Preferences, now: datetime) -> None:
        self.preferences[recipient] = chosen


class FakeNotificationsUnitOfWork(FakeUnitOfWork):
    """The in-memory unit of work with the repositories of `NotificationsUnitOfWork`, by the same names."""

    def __init__(self, world: World, actor: Actor) -> None:
        super().__init__(world, actor)
        self.deliveries = world.repository(InMemoryDeliveries)
        self.directory = world.repository(InMemoryDirectory)
        self.inbox = InMemoryInbox(self.deliveries, world.repository(InboxReads))


def fake_uow_factory(start: datetime) -> FakeUnitOfWorkFactory[FakeNotificationsUnitOfWork]:
    return FakeUnitOfWorkFactory(FakeNotificationsUnitOfWork, clock=MovableClock.starting_at(start))
