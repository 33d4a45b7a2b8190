"""The activities service's unit of work: the kit's transaction with this service's repositories on it.

Use cases reach data only through it (``uow.activities``, ``uow.stations``, …), timers through
``uow.schedule_timer``/``uow.cancel_timer`` and the holiday calendar through
``uow.working_calendar()``, so they run unchanged on the in-memory unit of work of the unit tests.
"""

from __future__ import annotations

from typing import Any

from sme_activities.adapters.activities import ActivityRepository
from sme_activities.adapters.confirmations import ContactConfirmationRepository
from sme_activities.adapters.demand_reports import DemandReportRepository
from sme_activities.adapters.promotion import PromotionRepository
from sme_activities.adapters.service_requests import ServiceRequestRepository
from sme_activities.adapters.stations import StationRepository
from sme_activities.adapters.theme_months import ThemeMonthRepository
from sme_activities.adapters.trainings import TrainingRepository
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory


class ActivitiesUnitOfWork(UnitOfWork):
    """One transaction of the activities service, with every repository on its session."""

    def __init__(self, factory: UnitOfWorkFactory[Any], actor: Actor) -> None:
        super().__init__(factory, actor)
        self.stations = StationRepository(self.session)
        self.theme_months = ThemeMonthRepository(self.session)
        self.activities = ActivityRepository(self.session)
        self.confirmations = ContactConfirmationRepository(self.session)
        self.trainings = TrainingRepository(self.session)
        self.promotion = PromotionRepository(self.session)
        self.demand_reports = DemandReportRepository(self.session)
        self.service_requests = ServiceRequestRepository(self.session)

    async def __aenter__(self) -> ActivitiesUnitOfWork:
        # The kit's __aenter__ is typed as returning the base class: narrow it so use cases see the repositories.
        await super().__aenter__()
        return self


ActivitiesUoWFactory = UnitOfWorkFactory[ActivitiesUnitOfWork]
