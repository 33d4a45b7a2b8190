"""Review's unit of work: the kit's transaction, with review's repositories on its session.

Use cases reach data only through these names, so they run unchanged on the in-memory unit of
work of the tests (``tests/unit/fakes.py``), which offers the same names.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_review.adapters.assignments import AssignmentRepository
from sme_review.adapters.cases import CaseRepository
from sme_review.adapters.experts import ExpertRepository, PanelRepository
from sme_review.adapters.final_lists import FinalListRepository
from sme_review.adapters.notices import NoticeRepository
from sme_review.adapters.objections import ObjectionRepository
from sme_review.adapters.rounds import RoundRepository


class ReviewUnitOfWork(UnitOfWork):
    """One review transaction and every repository of the service, all on its one session."""

    def __init__(self, factory: UnitOfWorkFactory[Any], actor: Actor) -> None:
        super().__init__(factory, actor)
        self.rounds = RoundRepository(self.session)
        self.cases = CaseRepository(self.session)
        self.experts = ExpertRepository(self.session)
        self.panels = PanelRepository(self.session)
        self.assignments = AssignmentRepository(self.session)
        self.notices = NoticeRepository(self.session)
        self.objections = ObjectionRepository(self.session)
        self.final_lists = FinalListRepository(self.session)

    async def __aenter__(self) -> ReviewUnitOfWork:
        await super().__aenter__()
        return self


ReviewUowFactory: TypeAlias = UnitOfWorkFactory[ReviewUnitOfWork]
