"""Assessment's unit of work: the kit's transaction with this service's repositories on it.

Use cases reach data only through it (``uow.cycles``, ``uow.stations``, …), so they run unchanged
on the in-memory unit of work of the unit tests.
"""

from __future__ import annotations

from typing import Any

from sme_assessment.adapters.cycles import (
    CycleRepository,
    ManualScoreRepository,
    NonParticipationRepository,
    ResultRepository,
)
from sme_assessment.adapters.evidence import EvidenceRepository
from sme_assessment.adapters.plans import DeadlineRepository, LapseRepository, WorkDocumentRepository
from sme_assessment.adapters.rectifications import RectificationRepository
from sme_assessment.adapters.revocations import RevocationRepository
from sme_assessment.adapters.stations import StationRepository
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory


class AssessmentUnitOfWork(UnitOfWork):
    """One transaction of the assessment service, with every repository on its session."""

    def __init__(self, factory: UnitOfWorkFactory[Any], actor: Actor) -> None:
        super().__init__(factory, actor)
        self.stations = StationRepository(self.session)
        self.evidence = EvidenceRepository(self.session)
        self.deadlines = DeadlineRepository(self.session)
        self.documents = WorkDocumentRepository(self.session)
        self.lapses = LapseRepository(self.session)
        self.cycles = CycleRepository(self.session)
        self.manual_scores = ManualScoreRepository(self.session)
        self.non_participations = NonParticipationRepository(self.session)
        self.results = ResultRepository(self.session)
        self.rectifications = RectificationRepository(self.session)
        self.revocations = RevocationRepository(self.session)

    async def __aenter__(self) -> AssessmentUnitOfWork:
        await super().__aenter__()
        return self


AssessmentUoWFactory = UnitOfWorkFactory[AssessmentUnitOfWork]
