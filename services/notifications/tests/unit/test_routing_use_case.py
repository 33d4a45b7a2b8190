"""Routing one consumed event, on the in-memory unit of work: who is told over which channel, what is
learnt, what is published at once and what is left for the dispatcher."""

from __future__ import annotations

from sme_contracts.notifications import DeliverySucceeded
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.deliveries import DeliveryStatus
from sme_notifications.domain.preferences import Preferences
from sme_notifications.domain.recipients import Contact, Recipient

from ..conftest import ORG_A, ORG_A_NAME, Sample
from .world import START, Notifications

RETURNED = "gz.sme.registry.application.returned.v1"
SUBMITTED = "gz.sme.registry.application.submitted.v1"
A = Recipient.org(ORG_A)


async def give_contact(service: Notifications, uscc: str = ORG_A, *, mobile: str | None = "13800138000") -> None:
    async with service.uow_factory() as uow:
        await uow.directory.set_contact(uscc, Contact("王芳", "wangfang@example.com", mobile), START)
        await uow.commit()


async def test_an_in_app_message_is_delivered_with_the_event_and_announced(sample: Sample) -> None:
    service = Notifications()
    event_id, created = await service.receive(sample(RETURNED))

    assert created == 1  # nobody's e-mail or mobile is known yet
    (delivery,) = await service.deliveries.of_event(event_id)
    assert (delivery.recipient, delivery.channel, delivery.status) == (A, Channel.IN_APP, DeliveryStatus.DELIVERED)
    assert delivery.mandatory
    announced = service.world.events_of(DeliverySucceeded)
    assert [(e.delivery_id, e.channel, e.source_event_id) for e in announced] == [
        (delivery.delivery_id, "in_app", event_id)
    ]
    assert service.rings == 0  # nothing left for the dispatcher


async def test_e_mails_and_sms_are_left_pending_for_the_dispatcher_which_is_rung_after_the_commit(
    sample: Sample,
) -> None:
    service = Notifications()
    await give_contact(service)
    event_id, created = await service.receive(sample(RETURNED))

    assert created == 3
    found = {d.channel: d for d in await service.deliveries.of_event(event_id)}
    assert {channel: d.status for channel, d in found.items()} == {
        Channel.IN_APP: DeliveryStatus.DELIVERED,
        Channel.EMAIL: DeliveryStatus.PENDING,
        Channel.SMS: DeliveryStatus.PENDING,
    }
    assert found[Channel.EMAIL].next_attempt_at == found[Channel.EMAIL].created_at  # due at once
    assert len(service.world.events_of(DeliverySucceeded)) == 1  # only the in-app one, so far
    assert service.rings == 1


async def test_the_same_event_routed_again_adds_nothing(sample: Sample) -> None:
    service = Notifications()
    await give_contact(service)
    event = sample(RETURNED)
    event_id, first = await service.receive(event)
    _, again = await service.receive(event, event_id=event_id)

    assert (first, again) == (3, 0)
    assert len(await service.deliveries.of_event(event_id)) == 3
    assert len(service.world.events_of(DeliverySucceeded)) == 1


async def test_an_event_teaches_the_directory_the_organisation_s_name_and_its_application(sample: Sample) -> None:
    service = Notifications()
    await service.receive(sample(SUBMITTED))

    organisation = await service.directory.organisation(ORG_A)
    assert organisation is not None
    assert organisation.name == ORG_A_NAME
    assert await service.directory.application("app-a") == (ORG_A, ORG_A_NAME)


async def test_an_ordinary_notice_respects_the_recipient_s_preferences_and_a_mandatory_one_does_not(
    sample: Sample,
) -> None:
    service = Notifications()
    await service.register_officials()
    await give_contact(service)
    async with service.uow_factory() as uow:
        await uow.directory.set_preferences(A, Preferences(email=False, sms=False), START)
        await uow.commit()

    ordinary, _ = await service.receive(sample("gz.sme.review.notice.objection_received.v1"))
    mandatory, _ = await service.receive(sample(RETURNED))

    to_a = [d.channel for d in await service.deliveries.of_event(ordinary) if d.recipient == A]
    assert to_a == [Channel.IN_APP]
    assert {d.channel for d in await service.deliveries.of_event(mandatory)} == set(Channel)


async def test_an_official_s_own_preferences_apply_to_its_personal_messages(sample: Sample) -> None:
    service = Notifications()
    await service.register_officials()
    async with service.uow_factory() as uow:
        await uow.directory.set_preferences(Recipient.official("ex-1"), Preferences(email=False, sms=False), START)
        await uow.commit()

    event_id, _ = await service.receive(sample("gz.sme.review.case.expert_assigned.v1"))

    found = await service.deliveries.of_event(event_id)
    assert [(str(d.recipient), d.channel) for d in found] == [("official:ex-1", Channel.IN_APP)]


async def test_a_district_s_officers_each_get_a_personal_email_beside_the_shared_inbox(sample: Sample) -> None:
    service = Notifications()
    await service.register_officials()
    event_id, _ = await service.receive(sample(SUBMITTED))

    to_district = {
        (str(d.recipient), d.channel)
        for d in await service.deliveries.of_event(event_id)
        if d.audience == Recipient.district("440106")
    }
    assert to_district == {("district:440106", Channel.IN_APP), ("official:do-th", Channel.EMAIL)}


async def test_a_station_nobody_knows_is_audited_as_unresolved_and_nobody_is_told(sample: Sample) -> None:
    service = Notifications()
    event_id, created = await service.receive(
        sample("gz.sme.activities.service_request.received.v1", station_id="st-unknown")
    )

    assert all(d.recipient.kind.value != "org" for d in await service.deliveries.of_event(event_id))
    (row,) = [row for row in service.world.audited if row.action == "route"]
    assert row.target_id == event_id
    assert row.details["deliveries"] == created
    assert "station:st-unknown" in row.details["unresolved"]


async def test_a_channel_switched_off_in_this_deployment_is_not_planned(sample: Sample) -> None:
    service = Notifications(enabled=frozenset({Channel.IN_APP}))
    await give_contact(service)
    event_id, created = await service.receive(sample(RETURNED))

    assert created == 1
    assert [d.channel for d in await service.deliveries.of_event(event_id)] == [Channel.IN_APP]
