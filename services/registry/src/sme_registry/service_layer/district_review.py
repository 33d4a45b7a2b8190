"""The district's preliminary review (§4.1.3(1)): forward to the bureau, return for completion, reject.

Only the officer of the district the application was filed with may decide; to every other
district the application does not exist (404).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sme_kit.auth import Principal, Role
from sme_kit.uow import Actor
from sme_kit.vocabulary import shanghai_day
from sme_registry.adapters import publisher
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.applications import Application, ApplicationStatus, Decision
from sme_registry.service_layer.access import application_not_found

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DecideApplication:
    application_id: str
    decision: Decision
    reasons: tuple[str, ...] = ()
    opinion: str = ""


async def decide(*, uow_factory: RegistryUowFactory, principal: Principal, command: DecideApplication) -> Application:
    """Record the district's decision and tell the others: review opens a case from a forward."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.applications
        application = await repository.get(command.application_id, for_update=True)
        if (
            application is None
            or application.status is ApplicationStatus.DRAFT
            or not principal.is_role(Role.DISTRICT_OFFICER)
            or principal.district != application.district_code
        ):
            raise application_not_found(command.application_id)
        round_ = await uow.rounds.get(application.round_year)
        made = application.decide(
            command.decision,
            officer=principal.subject,
            reasons=command.reasons,
            opinion=command.opinion,
            now=uow.clock.now(),
        )
        await repository.save(application)
        await repository.add_decision(application.id, made)
        uow.publish(publisher.district_decision(application, made))
        uow.audit(
            made.decision.value,
            "application",
            application.id,
            reason="；".join(made.reasons) or made.opinion or None,
            district_code=application.district_code,
            # Accepted, but the bureau sees that the district missed its own deadline.
            after_forwarding_deadline=bool(round_ and shanghai_day(made.decided_at) > round_.forwarding_deadline),
        )
        await uow.commit()
    log.info("application %s: district decision %s", application.id, made.decision.value)
    return application
