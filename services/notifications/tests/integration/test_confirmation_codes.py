"""A one-time code an anonymous form asked for reaches the address the form gave — by SMS to a mobile,
by e-mail otherwise — on the real broker, PostgreSQL and SMTP server; and the code is readable nowhere
else: not in the delivery record, not in the database once sent, not in the logs."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from sqlalchemy import select

from sme_contracts import Event
from sme_contracts.activities import ConfirmationPurpose, ContactChannel
from sme_kit.testing import wait_until
from sme_kit.uow import Actor
from sme_notifications.adapters.orm import deliveries
from sme_notifications.adapters.sms import confirmation_code_in, read_spool
from sme_notifications.domain.deliveries import ERASED_BODY

from .conftest import Publisher, Service, SmtpServer

pytestmark = pytest.mark.integration

REQUESTED = "gz.sme.activities.contact_confirmation.requested.v1"


async def stored_bodies(service: Service, event_id: str) -> list[tuple[str, str | None]]:
    async with service.runtime.uow(Actor.system("test")) as uow:
        query = select(deliveries.c.body, deliveries.c.address).where(deliveries.c.event_id == event_id)
        return [(row.body, row.address) for row in (await uow.session.execute(query)).all()]


def assert_nowhere_in_the_record(code: str, address: str, *documents: object) -> None:
    for document in documents:
        assert code not in str(document)
        assert address not in str(document)


async def test_a_code_for_a_mobile_number_is_texted_to_it_and_the_record_never_shows_it(
    service: Service, publish: Publisher, sample: Callable[..., Event], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    event = sample(REQUESTED, code="864209", address="13500135000", channel=ContactChannel.SMS)
    event_id = await publish.send(event)

    [delivery] = await service.settled(event_id, 1)
    assert (delivery["recipient"], delivery["channel"], delivery["status"]) == (
        "contact:135****5000",
        "sms",
        "delivered",
    )
    [sms] = [line for line in read_spool(service.spool) if line.message_id == delivery["delivery_id"]]
    assert sms.mobile == "13500135000"
    assert confirmation_code_in(sms.text) == "864209"
    assert "知识产权质押融资政策沙龙" in sms.text

    detail = await service.delivery(delivery["delivery_id"])
    listed = await service.deliveries(event_type=REQUESTED)
    routing = (await service.http.get("/routing", headers=service.bureau)).json()
    assert_nowhere_in_the_record("864209", "13500135000", detail, listed, routing)
    assert await stored_bodies(service, event_id) == [(ERASED_BODY, None)]
    resend = await service.http.post(
        f"/deliveries/{delivery['delivery_id']}/resend", json={"reason": "用户称未收到"}, headers=service.bureau
    )
    assert resend.status_code == 409  # delivered, and a code is never sent again anyway
    for record in caplog.records:
        assert "864209" not in record.getMessage()
        assert "13500135000" not in record.getMessage()


async def test_a_code_for_a_service_request_without_a_mobile_goes_by_e_mail_to_the_address_given(
    service: Service,
    publish: Publisher,
    smtp: SmtpServer,
    sample: Callable[..., Event],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    event = sample(
        REQUESTED,
        reference="0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4",
        purpose=ConfirmationPurpose.SERVICE_REQUEST,
        channel=ContactChannel.EMAIL,
        address="li.xiaoming@example.com",
        code="135790",
        activity_title=None,
    )
    event_id = await publish.send(event)

    [delivery] = await service.settled(event_id, 1)
    assert (delivery["recipient"], delivery["channel"], delivery["template_id"]) == (
        "contact:l***@example.com",
        "email",
        "contact_confirmation.service_request",
    )
    [(to, message)] = smtp.mailbox.by_delivery(delivery["delivery_id"])
    body = str(message.get_content())
    assert to == ["li.xiaoming@example.com"]
    assert confirmation_code_in(body) == "135790"
    assert "0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4" in body  # the reference the enterprise follows it by
    assert "135790" not in message["Subject"]
    assert "登录" not in body  # nobody to sign in: the person has no account

    detail = await service.delivery(delivery["delivery_id"])
    assert_nowhere_in_the_record("135790", "li.xiaoming@example.com", detail, await service.deliveries())
    assert await stored_bodies(service, event_id) == [(ERASED_BODY, None)]
    for record in caplog.records:
        assert "135790" not in record.getMessage()


async def test_a_code_that_cannot_be_delivered_fails_forgets_its_body_and_is_not_sent_again(
    service: Service, publish: Publisher, smtp: SmtpServer, sample: Callable[..., Event]
) -> None:
    smtp.mailbox.refuse("nobody@example.com")
    event = sample(REQUESTED, channel=ContactChannel.EMAIL, address="nobody@example.com", code="112233")
    event_id = await publish.send(event)

    [delivery] = await service.settled(event_id, 1)
    assert (delivery["status"], delivery["error_code"]) == ("failed", "rejected")
    assert "nobody@example.com" not in str(await service.delivery(delivery["delivery_id"]))
    assert await stored_bodies(service, event_id) == [(ERASED_BODY, None)]
    again = await service.http.post(
        f"/deliveries/{delivery['delivery_id']}/resend", json={"reason": "邮箱已修复"}, headers=service.bureau
    )
    assert (again.status_code, again.json()["type"]) == (409, "https://sme.gz.gov.cn/problems/not-sent-again")
    assert "验证码" in again.json()["detail"]

    async def still_failed() -> bool:
        return bool((await service.delivery(delivery["delivery_id"]))["status"] == "failed")

    assert await wait_until(still_failed, what="the delivery left as it was")
