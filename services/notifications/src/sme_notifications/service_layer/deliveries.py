"""The delivery record: searched and read by the bureau and the platform team, and a failed
e-mail or SMS sent again on their request."""

from __future__ import annotations

from collections.abc import Callable

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_notifications.adapters.unit_of_work import NotificationsUowFactory
from sme_notifications.domain.deliveries import Attempt, Delivery, DeliveryFilter
from sme_notifications.service_layer.access import require_record_reader

NOT_FOUND = "投递记录不存在 (no such delivery)"


async def search_deliveries(
    *, uow_factory: NotificationsUowFactory, principal: Principal, where: DeliveryFilter, page: PageRequest
) -> PageOf[Delivery]:
    """One page of the deliveries that match, newest first, and how many match in all."""
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.deliveries.search(where, page)


async def read_delivery(
    *, uow_factory: NotificationsUowFactory, principal: Principal, delivery_id: str
) -> tuple[Delivery, list[Attempt]]:
    """One delivery with every try made."""
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        delivery = await uow.deliveries.get(delivery_id)
        if delivery is None:
            raise NotFound(NOT_FOUND)
        return delivery, await uow.deliveries.attempts_of(delivery_id)


async def resend_failed(
    *,
    uow_factory: NotificationsUowFactory,
    principal: Principal,
    delivery_id: str,
    reason: str,
    wake_dispatcher: Callable[[], None],
) -> Delivery:
    """Give a finally failed e-mail or SMS a fresh set of tries (e.g. after a long outage was fixed)."""
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        delivery = await uow.deliveries.get(delivery_id)
        if delivery is None:
            raise NotFound(NOT_FOUND)
        requeued = delivery.requeued(uow.clock.now())
        await uow.deliveries.save(requeued)
        uow.audit("resend", "delivery", delivery_id, reason=reason, channel=delivery.channel.value)
        uow.after_commit(wake_dispatcher)
        await uow.commit()
    return requeued
