"""Registry's unit of work: the kit's transaction with the registry's repositories on it.

Use cases reach data only through these names (``uow.applications``, ``uow.attachments``,
``uow.rounds``, ``uow.stations``), so they run unchanged on the in-memory unit of work of the
unit tests.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_registry.adapters.applications_repository import ApplicationRepository, AttachmentRepository
from sme_registry.adapters.rounds_repository import RoundRepository
from sme_registry.adapters.stations_repository import StationRepository


class RegistryUnitOfWork(UnitOfWork):
    """One transaction of the registry, with every repository on its session."""

    def __init__(self, factory: UnitOfWorkFactory[Any], actor: Actor) -> None:
        super().__init__(factory, actor)
        self.applications = ApplicationRepository(self.session)
        self.attachments = AttachmentRepository(self.session)
        self.rounds = RoundRepository(self.session)
        self.stations = StationRepository(self.session)

    async def __aenter__(self) -> RegistryUnitOfWork:
        await super().__aenter__()
        return self


RegistryUowFactory: TypeAlias = UnitOfWorkFactory[RegistryUnitOfWork]
