"""A delivery's life: delivered, retried with exponential back-off, failed after the last try."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sme_notifications.domain.channels import Channel, FailureKind
from sme_notifications.domain.deliveries import (
    ERASED_BODY,
    AttemptOutcome,
    Delivery,
    DeliveryStatus,
    RetryPolicy,
    TemplateRef,
    delivery_id_for,
    new_delivery,
)
from sme_notifications.domain.errors import DeliveryNotFailed, NotSentAgain
from sme_notifications.domain.recipients import Recipient

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")
POLICY = RetryPolicy(max_attempts=4, base_delay=timedelta(seconds=30), max_delay=timedelta(seconds=100))
ORG = Recipient.org("91440106MA59C1XE2H")


def email() -> Delivery:
    delivery, attempt = new_delivery(
        event_id="e-1",
        event_type="gz.sme.registry.application.returned.v1",
        recipient=ORG,
        audience=ORG,
        channel=Channel.EMAIL,
        template=TemplateRef("application_returned", 1),
        subject="服务站认定申请被退回补正",
        body="……",
        mandatory=True,
        now=NOW,
    )
    assert attempt is None
    return delivery


def test_an_email_starts_pending_and_due_at_once() -> None:
    delivery = email()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.PENDING, 0, NOW)


def test_an_in_app_message_is_delivered_when_it_is_recorded() -> None:
    delivery, attempt = new_delivery(
        event_id="e-1",
        event_type="t",
        recipient=ORG,
        audience=ORG,
        channel=Channel.IN_APP,
        template=TemplateRef("t", 1),
        subject="s",
        body="b",
        mandatory=False,
        now=NOW,
    )
    assert delivery.status is DeliveryStatus.DELIVERED
    assert delivery.delivered_at == NOW
    assert attempt is not None
    assert attempt.outcome is AttemptOutcome.DELIVERED


def test_the_same_event_recipient_and_channel_always_get_the_same_delivery_id() -> None:
    assert delivery_id_for("e-1", ORG, Channel.EMAIL) == delivery_id_for("e-1", ORG, Channel.EMAIL)
    assert delivery_id_for("e-1", ORG, Channel.EMAIL) != delivery_id_for("e-1", ORG, Channel.SMS)
    assert delivery_id_for("e-1", ORG, Channel.EMAIL) != delivery_id_for("e-2", ORG, Channel.EMAIL)


def test_waits_between_tries_double_up_to_the_cap() -> None:
    assert [POLICY.delay_after(n).total_seconds() for n in (1, 2, 3, 4, 5)] == [30, 60, 100, 100, 100]


def test_a_failed_try_is_retried_after_the_back_off_until_the_last_try_then_fails_for_good() -> None:
    delivery = email()
    moments = []
    for number in range(1, 4):
        delivery, attempt = delivery.failed_attempt(NOW, FailureKind.UNREACHABLE, "connection refused", POLICY)
        assert (delivery.status, attempt.outcome, attempt.number) == (
            DeliveryStatus.PENDING,
            AttemptOutcome.RETRY,
            number,
        )
        moments.append(delivery.next_attempt_at)
    assert moments == [NOW + timedelta(seconds=30), NOW + timedelta(seconds=60), NOW + timedelta(seconds=100)]
    delivery, attempt = delivery.failed_attempt(NOW, FailureKind.UNREACHABLE, "connection refused", POLICY)
    assert (delivery.status, delivery.attempts, attempt.outcome) == (DeliveryStatus.FAILED, 4, AttemptOutcome.FAILED)
    assert (delivery.error_code, delivery.last_error, delivery.next_attempt_at) == (
        "unreachable",
        "connection refused",
        None,
    )


@pytest.mark.parametrize("kind", [FailureKind.REJECTED, FailureKind.NO_ADDRESS, FailureKind.CHANNEL_OFF])
def test_a_refusal_that_retrying_cannot_fix_fails_at_once(kind: FailureKind) -> None:
    delivery, attempt = email().failed_attempt(NOW, kind, "550 mailbox unavailable", POLICY)
    assert (delivery.status, delivery.attempts, attempt.outcome) == (DeliveryStatus.FAILED, 1, AttemptOutcome.FAILED)


def test_a_success_after_failures_counts_every_try() -> None:
    delivery, _ = email().failed_attempt(NOW, FailureKind.TIMEOUT, "timeout", POLICY)
    delivered, attempt = delivery.delivered(NOW + timedelta(minutes=1))
    assert (delivered.status, delivered.attempts, attempt.number) == (DeliveryStatus.DELIVERED, 2, 2)


def test_only_a_failed_email_or_sms_can_be_sent_again() -> None:
    with pytest.raises(DeliveryNotFailed):
        email().requeued(NOW)
    failed, _ = email().failed_attempt(NOW, FailureKind.REJECTED, "550", POLICY)
    again = failed.requeued(NOW + timedelta(hours=1))
    assert (again.status, again.attempts, again.next_attempt_at) == (
        DeliveryStatus.PENDING,
        0,
        NOW + timedelta(hours=1),
    )


def code_by_sms() -> Delivery:
    contact = Recipient.contact("135****5000")
    delivery, _ = new_delivery(
        event_id="e-2",
        event_type="gz.sme.activities.contact_confirmation.requested.v1",
        recipient=contact,
        audience=contact,
        channel=Channel.SMS,
        template=TemplateRef("contact_confirmation.activity_registration", 1),
        subject="",
        body="【广州中小企业服务站】……验证码：246810……",
        mandatory=True,
        now=NOW,
        address="13500135000",
        secret=True,
    )
    return delivery


def test_a_code_s_body_and_the_address_its_event_gave_are_kept_only_until_the_delivery_is_final() -> None:
    pending = code_by_sms()
    assert (pending.address, "246810" in pending.body) == ("13500135000", True)
    retrying, _ = pending.failed_attempt(NOW, FailureKind.TIMEOUT, "timeout", POLICY)
    assert retrying.address == "13500135000"  # still needed for the next try
    delivered, _ = retrying.delivered(NOW + timedelta(minutes=1))
    assert (delivered.address, delivered.body) == (None, ERASED_BODY)
    failed, _ = pending.failed_attempt(NOW, FailureKind.REJECTED, "refused", POLICY)
    assert (failed.status, failed.address, failed.body) == (DeliveryStatus.FAILED, None, ERASED_BODY)


def test_a_one_time_code_is_never_sent_again_on_request() -> None:
    failed, _ = code_by_sms().failed_attempt(NOW, FailureKind.REJECTED, "refused", POLICY)
    with pytest.raises(NotSentAgain) as refused:
        failed.requeued(NOW + timedelta(hours=1))
    assert "验证码" in str(refused.value)
    assert (refused.value.kind, refused.value.code) == ("conflict", "not-sent-again")
