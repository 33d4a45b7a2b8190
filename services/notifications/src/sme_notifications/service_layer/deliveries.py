"""Use cases of deliveries: turning events into messages, and searching the record."""

from __future__ import annotations

from sme_contracts.registry import ApplicationSubmitted
from sme_kit.auth import Principal, Role
from sme_kit.problems import Forbidden
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_notifications.adapters.repository import DeliveryRepository
from sme_notifications.domain.deliveries import Delivery, application_submitted_deliveries


async def notify_application_submitted(event: ApplicationSubmitted, event_id: str, uow: UnitOfWork) -> int:
    """Record the deliveries of one submitted application; a repeated event adds none."""
    items = application_submitted_deliveries(
        event_id=event_id,
        event_type=event.event_type,
        entity_name=event.entity_name,
        uscc=event.uscc,
        district_code=event.district_code,
        round_year=event.round_year,
        now=uow.clock.now(),
    )
    return await DeliveryRepository(uow.session).add_once(items)


async def search_deliveries(
    uow_factory: UnitOfWorkFactory, principal: Principal, *, event_type: str | None, recipient: str | None, limit: int
) -> list[Delivery]:
    """The delivery record, for the bureau and the platform team."""
    if not principal.is_role(Role.BUREAU_ADMIN, Role.PLATFORM_OPERATOR):
        raise Forbidden(
            "投递记录仅限市工信局和平台运维人员查阅 (delivery records are for the bureau and platform operators)"
        )
    async with uow_factory(Actor.of(principal)) as uow:
        return await DeliveryRepository(uow.session).search(event_type=event_type, recipient=recipient, limit=limit)
