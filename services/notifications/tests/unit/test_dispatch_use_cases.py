"""Sending what is due and the delivery record, on the in-memory unit of work: claims, outcomes, the
events they publish, and who may read or resend."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sme_contracts.notifications import DeliveryFailed, DeliverySucceeded
from sme_kit.errors import Conflict, Forbidden, NotFound
from sme_kit.paging import PageRequest
from sme_notifications.domain.channels import Channel, FailureKind
from sme_notifications.domain.deliveries import Delivery, DeliveryFilter, DeliveryStatus
from sme_notifications.domain.recipients import Contact
from sme_notifications.service_layer import deliveries, dispatch

from ..conftest import ORG_A, Sample
from .world import BUREAU, OFFICER_TH, PLATFORM, POLICY, START, Notifications, RecordingSender

RETURNED = "gz.sme.registry.application.returned.v1"


async def with_pending_email(sample: Sample) -> tuple[Notifications, Delivery]:
    """A service whose applicant A has a contact, after A's application was returned (e-mail + SMS pending)."""
    service = Notifications()
    async with service.uow_factory() as uow:
        await uow.directory.set_contact(ORG_A, Contact("王芳", "wangfang@example.com", None), START)
        await uow.commit()
    event_id, _ = await service.receive(sample(RETURNED))
    (email,) = [d for d in await service.deliveries.of_event(event_id) if d.channel is Channel.EMAIL]
    return service, email


async def send_due(service: Notifications, sender: RecordingSender) -> list[Delivery]:
    claimed = await dispatch.claim_due(uow_factory=service.factory, policy=POLICY)
    return [
        await dispatch.send_one(
            delivery=delivery,
            address=address,
            sender=sender,
            uow_factory=service.factory,
            retry=POLICY.retry,
        )
        for delivery, address in claimed
    ]


async def test_a_due_email_is_sent_to_the_directory_s_address_recorded_and_announced(sample: Sample) -> None:
    service, email = await with_pending_email(sample)
    sender = RecordingSender()

    (outcome,) = await send_due(service, sender)

    assert [(m.delivery_id, m.address) for m in sender.sent] == [(email.delivery_id, "wangfang@example.com")]
    assert (outcome.status, outcome.attempts) == (DeliveryStatus.DELIVERED, 1)
    assert (await service.deliveries.get(email.delivery_id)) == outcome
    assert [e.delivery_id for e in service.world.events_of(DeliverySucceeded) if e.channel == "email"] == [
        email.delivery_id
    ]
    assert [row.action for row in service.world.audited if row.target_id == email.delivery_id] == ["deliver"]
    assert await send_due(service, sender) == []  # nothing is due any more


async def test_a_failed_try_waits_for_its_retry_and_the_last_one_fails_for_good(sample: Sample) -> None:
    service, email = await with_pending_email(sample)
    sender = RecordingSender(*[FailureKind.UNREACHABLE] * POLICY.retry.max_attempts)

    (first,) = await send_due(service, sender)
    assert (first.status, first.attempts, first.error_code) == (DeliveryStatus.PENDING, 1, "unreachable")
    assert await send_due(service, sender) == []  # not due before its retry
    wait = await dispatch.next_due_at(uow_factory=service.factory)
    assert wait is not None
    assert timedelta(0) < wait <= POLICY.retry.base_delay

    for _ in range(POLICY.retry.max_attempts - 1):
        service.world.clock.advance(POLICY.retry.max_delay)  # type: ignore[attr-defined]
        (last,) = await send_due(service, sender)
    assert (last.status, last.attempts) == (DeliveryStatus.FAILED, POLICY.retry.max_attempts)
    assert [e.delivery_id for e in service.world.events_of(DeliveryFailed)] == [email.delivery_id]
    assert len(await service.deliveries.attempts_of(email.delivery_id)) == POLICY.retry.max_attempts


async def test_a_permanent_refusal_fails_at_once(sample: Sample) -> None:
    service, email = await with_pending_email(sample)

    (outcome,) = await send_due(service, RecordingSender(FailureKind.REJECTED))

    assert (outcome.status, outcome.attempts, outcome.error_code) == (DeliveryStatus.FAILED, 1, "rejected")
    assert [e.delivery_id for e in service.world.events_of(DeliveryFailed)] == [email.delivery_id]


async def test_an_address_erased_from_the_directory_before_sending_fails_the_delivery(sample: Sample) -> None:
    service, _ = await with_pending_email(sample)
    async with service.uow_factory() as uow:
        await uow.directory.clear_contact(ORG_A, START)
        await uow.commit()
    sender = RecordingSender()

    (outcome,) = await send_due(service, sender)

    assert sender.sent == []
    assert (outcome.status, outcome.error_code) == (DeliveryStatus.FAILED, "no_address")


async def test_an_outcome_is_dropped_when_another_dispatcher_took_the_delivery_over(sample: Sample) -> None:
    service, email = await with_pending_email(sample)
    ((claimed, _),) = await dispatch.claim_due(uow_factory=service.factory, policy=POLICY)
    async with service.uow_factory() as uow:  # another dispatcher recorded a try meanwhile
        await uow.deliveries.save(claimed.failed_attempt(START, FailureKind.TIMEOUT, "slow", POLICY.retry)[0])
        await uow.commit()

    await dispatch.record_outcome(
        delivery=claimed,
        failure=None,
        uow_factory=service.factory,
        retry=POLICY.retry,
    )

    assert (await service.deliveries.get(email.delivery_id)).status is DeliveryStatus.PENDING  # type: ignore[union-attr]
    assert [e for e in service.world.events_of(DeliverySucceeded) if e.channel == "email"] == []


async def test_only_the_bureau_and_platform_operators_read_the_record(sample: Sample) -> None:
    service, email = await with_pending_email(sample)
    factory = service.factory

    where = DeliveryFilter(channel=Channel.EMAIL)
    for reader in (BUREAU, PLATFORM):
        found = await deliveries.search_deliveries(
            uow_factory=factory, principal=reader, where=where, page=PageRequest(limit=10)
        )
        assert [d.delivery_id for d in found.items] == [email.delivery_id]
        assert found.total == 1
    with pytest.raises(Forbidden):
        await deliveries.search_deliveries(
            uow_factory=factory, principal=OFFICER_TH, where=where, page=PageRequest(limit=10)
        )
    with pytest.raises(NotFound):
        await deliveries.read_delivery(uow_factory=factory, principal=BUREAU, delivery_id="nope")


async def test_a_finally_failed_email_is_resent_on_request_with_a_fresh_set_of_tries(sample: Sample) -> None:
    service, email = await with_pending_email(sample)
    await send_due(service, RecordingSender(FailureKind.REJECTED))
    woken: list[str] = []

    requeued = await deliveries.resend_failed(
        uow_factory=service.factory,
        principal=BUREAU,
        delivery_id=email.delivery_id,
        reason="邮件服务器已修复",
        wake_dispatcher=lambda: woken.append("rung"),
    )

    assert (requeued.status, requeued.attempts) == (DeliveryStatus.PENDING, 0)
    assert woken == ["rung"]
    (row,) = [row for row in service.world.audited if row.action == "resend"]
    assert (row.target_id, row.reason) == (email.delivery_id, "邮件服务器已修复")
    sender = RecordingSender()
    await send_due(service, sender)
    assert [m.delivery_id for m in sender.sent] == [email.delivery_id]


async def test_a_delivered_message_is_not_resent(sample: Sample) -> None:
    service, email = await with_pending_email(sample)
    await send_due(service, RecordingSender())

    with pytest.raises(Conflict) as refused:
        await deliveries.resend_failed(
            uow_factory=service.factory,
            principal=BUREAU,
            delivery_id=email.delivery_id,
            reason="再发一次",
            wake_dispatcher=lambda: None,
        )
    assert refused.value.code == "delivery-not-failed"
