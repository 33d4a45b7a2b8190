"""The in-app inbox: each user reads its own inboxes, and nothing else.

A message in an inbox the caller does not read is answered as "not found", never as "forbidden",
so nobody learns that it exists.
"""

from __future__ import annotations

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_notifications.adapters.unit_of_work import NotificationsUowFactory
from sme_notifications.domain.deliveries import InboxItem
from sme_notifications.domain.recipients import inboxes_of
from sme_notifications.service_layer.access import reader_of

NOT_FOUND = "站内信不存在 (no such message)"


async def list_inbox(
    *, uow_factory: NotificationsUowFactory, principal: Principal, unread_only: bool, page: PageRequest
) -> tuple[PageOf[InboxItem], int]:
    """One page of the caller's messages, newest first, and how many of all it has not read."""
    inboxes = inboxes_of(reader_of(principal))
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.inbox.messages(inboxes, principal.subject, unread_only=unread_only, page=page)
        return found, await uow.inbox.unread_count(inboxes, principal.subject)


async def unread_count(*, uow_factory: NotificationsUowFactory, principal: Principal) -> int:
    """How many of the caller's messages it has not read (what the console's bell shows)."""
    inboxes = inboxes_of(reader_of(principal))
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.inbox.unread_count(inboxes, principal.subject)


async def read_message(*, uow_factory: NotificationsUowFactory, principal: Principal, delivery_id: str) -> InboxItem:
    inboxes = inboxes_of(reader_of(principal))
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.inbox.message(delivery_id, inboxes, principal.subject)
    if found is None:
        raise NotFound(NOT_FOUND)
    return found


async def mark(
    *, uow_factory: NotificationsUowFactory, principal: Principal, delivery_id: str, read: bool
) -> InboxItem:
    """Mark a message read or unread for the caller (in a shared inbox, each reader has its own mark)."""
    inboxes = inboxes_of(reader_of(principal))
    async with uow_factory(Actor.of(principal)) as uow:
        if await uow.inbox.message(delivery_id, inboxes, principal.subject) is None:
            raise NotFound(NOT_FOUND)
        if read:
            await uow.inbox.mark_read(delivery_id, principal.subject, uow.clock.now())
        else:
            await uow.inbox.mark_unread(delivery_id, principal.subject)
        uow.audit("mark_read" if read else "mark_unread", "inbox_message", delivery_id)
        found = await uow.inbox.message(delivery_id, inboxes, principal.subject)
        await uow.commit()
    assert found is not None
    return found
