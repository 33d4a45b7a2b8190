"""Notifications' unit of work: the kit's transaction with this service's repositories on it.

Use cases reach data only through it (``uow.deliveries``, ``uow.directory``, ``uow.inbox``), so
they run unchanged on the in-memory unit of work of the unit tests.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_notifications.adapters.deliveries_repository import DeliveryRepository
from sme_notifications.adapters.directory_repository import DirectoryRepository
from sme_notifications.adapters.inbox_repository import InboxRepository


class NotificationsUnitOfWork(UnitOfWork):
    """One transaction of the notifications service, with every repository on its session."""

    def __init__(self, factory: UnitOfWorkFactory[Any], actor: Actor) -> None:
        super().__init__(factory, actor)
        self.deliveries = DeliveryRepository(self.session)
        self.directory = DirectoryRepository(self.session)
        self.inbox = InboxRepository(self.session)

    async def __aenter__(self) -> NotificationsUnitOfWork:
        await super().__aenter__()
        return self


NotificationsUowFactory: TypeAlias = UnitOfWorkFactory[NotificationsUnitOfWork]
