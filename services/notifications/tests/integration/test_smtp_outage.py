"""An SMTP outage: tries are recorded with their errors and retried with back-off; when the server is
back the e-mail arrives, nothing lost. After the last try the delivery fails for good, and says so."""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

import pytest

from sme_contracts import Event
from sme_contracts.notifications import DeliveryFailed, DeliverySucceeded
from sme_kit.testing import wait_until
from sme_kit.testing.events import read_events

from .conftest import Publisher, Service, SmtpServer, Start

pytestmark = pytest.mark.integration

RETURNED = "gz.sme.registry.application.returned.v1"


async def _email_of(service: Service, event_id: str) -> dict[str, Any]:
    async def probe() -> dict[str, Any] | None:
        found = [d for d in await service.deliveries(event_id=event_id) if d["channel"] == "email"]
        return found[0] if found else None

    return await wait_until(probe, what="the e-mail delivery")


async def test_an_smtp_outage_is_retried_and_the_email_arrives_when_the_server_is_back(
    start: Start,
    publish: Publisher,
    smtp: SmtpServer,
    sample: Callable[..., Event],
    kafka_bootstrap: str,
    topic_prefix: str,
) -> None:
    async with start(delivery_max_attempts=100, delivery_retry_base_s=0.1, delivery_retry_max_s=0.3) as service:
        await service.register_world()
        smtp.stop()
        event_id = await publish.send(sample(RETURNED))
        email = await _email_of(service, str(event_id))

        async def retried() -> dict[str, Any] | None:
            found = await service.delivery(str(email["delivery_id"]))
            return found if found["attempts"] >= 2 else None

        during = await wait_until(retried, what="two failed tries")
        assert during["status"] in ("pending", "sending")
        assert during["error_code"] == "unreachable"
        assert "Connection refused" in str(during["last_error"])
        assert {a["outcome"] for a in during["history"]} == {"retry"}
        # In-app and SMS do not wait for the e-mail server.
        others = {d["channel"]: d["status"] for d in await service.deliveries(event_id=event_id)}
        assert others["in_app"] == "delivered"
        assert await wait_until(lambda: _delivered(service, event_id, "sms"), what="the SMS")

        smtp.start()  # the same port again
        arrived = await wait_until(lambda: _arrived(smtp, str(email["delivery_id"])), what="the e-mail")

        recipients, message = arrived
        assert recipients == ["wangfang@example.com"]
        assert message["Subject"] == "服务站认定申请被退回补正"
        assert "广州市民营和中小企业服务站" in message["From"]
        text = message.get_content()
        assert text.startswith("王芳：")
        assert "1. 请补充专职人员劳动合同" in text
        assert "请按要求补正后重新提交。" in text

        # The server has the message a moment before the dispatcher records the outcome.
        final = await _settled(service, str(email["delivery_id"]))
        assert final["status"] == "delivered"
        assert final["attempts"] >= 3
        assert [a["outcome"] for a in final["history"]][-1] == "delivered"
        assert all(a["outcome"] == "retry" for a in final["history"][:-1])
        assert len(smtp.mailbox.by_delivery(str(email["delivery_id"]))) == 1

    events = await read_events(
        kafka_bootstrap,
        topic_prefix,
        "gz.sme.notifications.delivery",
        lambda found: any(isinstance(e, DeliverySucceeded) and e.channel == "email" for e in found),
    )
    [succeeded] = [e for e in events if isinstance(e, DeliverySucceeded) and e.channel == "email"]
    assert (succeeded.delivery_id, succeeded.source_event_id, succeeded.attempts) == (
        email["delivery_id"],
        event_id,
        final["attempts"],
    )
    assert (succeeded.recipient_kind, succeeded.recipient_id, succeeded.mandatory) == (
        "org",
        "91440106MA59C1XE2H",
        True,
    )


async def test_after_the_last_try_the_delivery_fails_for_good_and_a_failure_event_is_published(
    start: Start,
    publish: Publisher,
    smtp: SmtpServer,
    sample: Callable[..., Event],
    kafka_bootstrap: str,
    topic_prefix: str,
) -> None:
    async with start(delivery_max_attempts=3) as service:
        await service.register_world()
        smtp.stop()
        event_id = await publish.send(sample(RETURNED))
        email = await _email_of(service, event_id)

        async def failed() -> dict[str, Any] | None:
            found = await service.delivery(str(email["delivery_id"]))
            return found if found["status"] == "failed" else None

        final = await wait_until(failed, what="the e-mail to fail for good")
        assert final["attempts"] == 3
        assert [a["outcome"] for a in final["history"]] == ["retry", "retry", "failed"]

        events = await read_events(
            kafka_bootstrap,
            topic_prefix,
            "gz.sme.notifications.delivery",
            lambda found: any(isinstance(e, DeliveryFailed) for e in found),
        )
        [failure] = [e for e in events if isinstance(e, DeliveryFailed)]
        assert (failure.delivery_id, failure.attempts, failure.error_code, failure.channel) == (
            email["delivery_id"],
            3,
            "unreachable",
            "email",
        )
        # No message text and no address travel on the topic.
        assert "wangfang" not in failure.model_dump_json()
        assert "退回" not in failure.model_dump_json()

        # After the outage the platform team sends it again, with a fresh set of tries.
        smtp.start()
        resent = await service.http.post(
            f"/deliveries/{email['delivery_id']}/resend", json={"reason": "邮件服务器已恢复"}, headers=service.bureau
        )
        assert resent.status_code == 200, resent.text
        await wait_until(lambda: _arrived(smtp, str(email["delivery_id"])), what="the resent e-mail")
        again = await service.http.post(
            f"/deliveries/{email['delivery_id']}/resend", json={"reason": "再发一次"}, headers=service.bureau
        )
        assert again.status_code == 409


async def test_a_permanent_refusal_fails_at_once_without_retrying(
    start: Start, publish: Publisher, smtp: SmtpServer, sample: Callable[..., Event]
) -> None:
    async with start() as service:
        await service.register_world()
        # An address the directory holds but the server refuses for good (5xx): retrying cannot help.
        response = await service.http.put(
            "/me/contact",
            json={"contact_name": "王芳", "email": "nobody@example.com"},
            headers=service.operator("91440106MA59C1XE2H"),
        )
        assert response.status_code == 200
        smtp.mailbox.refuse("nobody@example.com")
        event_id = await publish.send(sample(RETURNED))
        email = await _email_of(service, event_id)

        async def failed() -> dict[str, Any] | None:
            found = await service.delivery(str(email["delivery_id"]))
            return found if found["status"] == "failed" else None

        final = await wait_until(failed, what="the refused e-mail to fail")
        assert (final["attempts"], final["error_code"]) == (1, "rejected")
        assert "nobody@" not in str(final["last_error"])  # the address is masked in the record


async def _settled(service: Service, delivery_id: str) -> dict[str, Any]:
    async def probe() -> dict[str, Any] | None:
        found = await service.delivery(delivery_id)
        return found if found["status"] in ("delivered", "failed") else None

    return await wait_until(probe, what=f"delivery {delivery_id} to settle")


async def _delivered(service: Service, event_id: str, channel: str) -> bool:
    return any(
        d["channel"] == channel and d["status"] == "delivered" for d in await service.deliveries(event_id=event_id)
    )


async def _arrived(smtp: SmtpServer, delivery_id: str) -> tuple[list[str], EmailMessage] | None:
    found = smtp.mailbox.by_delivery(delivery_id)
    return found[0] if found else None


async def test_a_pending_email_survives_a_restart_of_the_service_and_is_sent_after_it(
    start: Start, publish: Publisher, smtp: SmtpServer, sample: Callable[..., Event]
) -> None:
    smtp.stop()
    async with start(delivery_max_attempts=100) as service:
        await service.register_world()
        event_id = await publish.send(sample(RETURNED))
        email = await _email_of(service, event_id)

        async def tried() -> bool:
            return int((await service.delivery(str(email["delivery_id"])))["attempts"]) >= 1

        await wait_until(tried, what="a failed try before the restart")
    smtp.start()
    async with start(delivery_max_attempts=100) as restarted:
        await wait_until(lambda: _arrived(smtp, str(email["delivery_id"])), what="the e-mail after the restart")
        assert (await _settled(restarted, str(email["delivery_id"])))["status"] == "delivered"
