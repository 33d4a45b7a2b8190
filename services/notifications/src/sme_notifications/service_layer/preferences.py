"""A recipient's channel preferences (an operator sets its organisation's, anyone else their own)."""

from __future__ import annotations

from sme_kit.auth import Principal
from sme_kit.uow import Actor
from sme_notifications.adapters.unit_of_work import NotificationsUowFactory
from sme_notifications.domain.preferences import DEFAULT_PREFERENCES, Preferences
from sme_notifications.service_layer.access import own_recipient


async def my_preferences(*, uow_factory: NotificationsUowFactory, principal: Principal) -> Preferences:
    recipient = own_recipient(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.directory.preferences_of([recipient])
    return found.get(recipient, DEFAULT_PREFERENCES)


async def set_my_preferences(
    *, uow_factory: NotificationsUowFactory, principal: Principal, chosen: Preferences
) -> Preferences:
    recipient = own_recipient(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        await uow.directory.set_preferences(recipient, chosen, uow.clock.now())
        uow.audit("set_preferences", "recipient", str(recipient), email=chosen.email, sms=chosen.sms)
        await uow.commit()
    return chosen
