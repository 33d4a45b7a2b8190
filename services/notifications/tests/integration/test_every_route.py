"""Every routed event type produces the expected messages, over every channel, on the real broker,
PostgreSQL and SMTP server — parametrised over the routing table.

One service runs for the whole module (starting one per event type would cost a minute): every
case publishes its own event and looks only at that event's deliveries, so the cases do not depend
on each other or on their order. The world: operator A (天河区, station st-a, application app-a;
e-mail and mobile on file), operator B (黄埔区, station st-b; e-mail only), officials in
`conftest.OFFICIALS`. Revocations concern station st-r of A, so st-a stays on the register.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sme_contracts import Event
from sme_kit.testing.infra import create_database, drop_database
from sme_notifications.adapters.routing_file import load_routing_table

from .conftest import OFFICIALS, Publisher, Service, SmtpServer, publisher_on, running, settings_for

pytestmark = pytest.mark.integration

A, B = "org:91440106MA59C1XE2H", "org:91440112MA59C1XE27"
DISTRICT, HEAD, BUREAU = "district:440106", "group:head_station", "group:bureau"
OFFICER, HEAD_STAFF, BUREAU_STAFF, EXPERT = "official:do-th", "official:hs-1", "official:bu-1", "official:ex-1"

A_ALL = {(A, "in_app"), (A, "email"), (A, "sms")}
A_MAIL = {(A, "in_app"), (A, "email")}
DISTRICT_MAIL = {(DISTRICT, "in_app"), (OFFICER, "email")}
DISTRICT_INBOX = {(DISTRICT, "in_app")}
HEAD_MAIL = {(HEAD, "in_app"), (HEAD_STAFF, "email")}
BUREAU_MAIL = {(BUREAU, "in_app"), (BUREAU_STAFF, "email")}

EXPECTED: dict[str, set[tuple[str, str]]] = {
    "gz.sme.registry.application.submitted.v1": A_MAIL | DISTRICT_MAIL,
    "gz.sme.registry.application.returned.v1": A_ALL,
    "gz.sme.registry.application.rejected.v1": A_ALL,
    "gz.sme.registry.application.forwarded.v1": HEAD_MAIL | A_MAIL,
    "gz.sme.registry.station.registered.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.registry.station.info_changed.v1": DISTRICT_INBOX | A_MAIL,  # reported late
    "gz.sme.registry.station.convention_signed.v1": DISTRICT_INBOX,
    "gz.sme.registry.station.expiring.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.registry.station.expired.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.registry.station.status_changed.v1": A_MAIL | DISTRICT_INBOX,  # revoked
    "gz.sme.review.case.opened.v1": {(HEAD, "in_app")},
    "gz.sme.review.case.expert_assigned.v1": {(EXPERT, "in_app"), (EXPERT, "email"), (EXPERT, "sms")},
    "gz.sme.review.case.expert_reminded.v1": {(EXPERT, "in_app"), (EXPERT, "email"), (EXPERT, "sms")},
    "gz.sme.review.case.expert_withdrawn.v1": {(EXPERT, "in_app"), (EXPERT, "email")},
    "gz.sme.review.case.expert_review_completed.v1": {(HEAD, "in_app")},
    "gz.sme.review.round.recommendations_submitted.v1": BUREAU_MAIL,
    "gz.sme.review.round.final_list_published.v1": {(HEAD, "in_app")},
    # Shortlisted: app-a (A) and an application this service never saw (nobody to tell).
    "gz.sme.review.notice.published.v1": A_ALL | {(HEAD, "in_app")},
    "gz.sme.review.notice.ended.v1": BUREAU_MAIL,
    "gz.sme.review.calendar.year_missing.v1": BUREAU_MAIL,
    "gz.sme.activities.calendar.year_missing.v1": BUREAU_MAIL,
    "gz.sme.review.notice.objection_received.v1": BUREAU_MAIL | A_ALL,
    "gz.sme.review.notice.objection_resolved.v1": A_MAIL,
    "gz.sme.review.outcome.station_recognised.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.review.outcome.application_declined.v1": A_ALL | DISTRICT_INBOX,
    "gz.sme.review.outcome.re_review_passed.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.review.outcome.re_review_failed.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.activities.theme_month.planned.v1": {(A, "in_app"), (B, "in_app")},
    "gz.sme.activities.activity.scheduled.v1": {(B, "in_app"), (B, "email")},
    "gz.sme.activities.activity.co_organiser_withdrawn.v1": {(A, "in_app"), (B, "in_app")},
    "gz.sme.activities.activity.cancelled.v1": {(B, "in_app"), (B, "email"), (HEAD, "in_app")},
    "gz.sme.activities.promotion.below_target.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.activities.demand_report.submitted.v1": DISTRICT_INBOX,
    # The contact an anonymous registration gave, outside the directory: the code by SMS only.
    "gz.sme.activities.contact_confirmation.requested.v1": {("contact:135****5000", "sms")},
    # Station st-b's operator has no mobile on file: no SMS.
    "gz.sme.activities.service_request.received.v1": {(B, "in_app"), (B, "email")},
    "gz.sme.activities.service_request.escalated.v1": HEAD_MAIL | DISTRICT_INBOX | {(A, "in_app")},
    "gz.sme.activities.service_request.routed.v1": {(B, "in_app"), (B, "email")},
    "gz.sme.assessment.cycle.opened.v1": A_MAIL | {(B, "in_app"), (B, "email")},
    "gz.sme.assessment.result.published.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.assessment.result.non_participation_recorded.v1": A_MAIL | DISTRICT_INBOX,
    "gz.sme.assessment.rectification.required.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.assessment.rectification.report_submitted.v1": {(BUREAU, "in_app")},
    "gz.sme.assessment.rectification.report_missing.v1": A_ALL | DISTRICT_INBOX | {(BUREAU, "in_app")},
    "gz.sme.assessment.rectification.reassessed.v1": A_MAIL | DISTRICT_INBOX,
    "gz.sme.assessment.revocation.proposed.v1": BUREAU_MAIL | DISTRICT_INBOX,
    "gz.sme.assessment.revocation.station_revoked.v1": A_ALL | DISTRICT_MAIL,
    "gz.sme.assessment.revocation.dismissed.v1": A_MAIL | DISTRICT_INBOX,
    "gz.sme.assessment.work_document.overdue.v1": A_MAIL | DISTRICT_INBOX,  # missing
}

# What the full message (in-app and e-mail; an SMS only points to it) must say to be of use.
MUST_MENTION = {
    "gz.sme.review.outcome.station_recognised.v1": "穗中小服站〔2026〕001号",
    "gz.sme.registry.application.rejected.v1": "不具备固定办公场所",
    "gz.sme.review.outcome.application_declined.v1": "专家评审未予推荐",
    "gz.sme.assessment.rectification.required.v1": "2027年3月31日",
    "gz.sme.registry.station.expiring.v1": "2027年2月26日",
    "gz.sme.review.case.expert_assigned.v1": "2026年12月10日",
    "gz.sme.review.case.expert_reminded.v1": "2026年11月26日已过 2 天",
    "gz.sme.activities.service_request.routed.v1": "2026年12月7日",
}

EMAIL_OF = {"org:91440106MA59C1XE2H": "wangfang@example.com", "org:91440112MA59C1XE27": "zhaolei@example.com"} | {
    f"official:{subject}": str(official["email"]) for subject, official in OFFICIALS.items()
}
MOBILE_OF = {"org:91440106MA59C1XE2H": "13800138000", "contact:135****5000": "13500135000"} | {
    f"official:{subject}": str(official["mobile"]) for subject, official in OFFICIALS.items() if official["mobile"]
}


@dataclass
class Harness:
    service: Service
    smtp: SmtpServer
    publish: Publisher


@pytest.fixture(scope="module")
async def harness(
    pg_admin_url: str,
    kafka_bootstrap: str,
    dev_secret: str,
    tmp_path_factory: pytest.TempPathFactory,
    sample: Callable[..., Event],
) -> AsyncIterator[Harness]:
    database_url = await create_database(pg_admin_url)
    prefix = f"t{uuid.uuid4().hex[:10]}."
    smtp = SmtpServer()
    smtp.start()
    settings = settings_for(
        database_url=database_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        dev_secret=dev_secret,
        smtp_port=smtp.port,
        spool_dir=Path(tmp_path_factory.mktemp("sms")),
    )
    try:
        async with running(settings) as service, publisher_on(kafka_bootstrap, prefix) as publish:
            await service.register_world()
            # Registry tells this service which organisation runs which station and application.
            registered = "gz.sme.registry.station.registered.v1"
            for event in (
                sample(registered),
                sample(registered, station_id="st-b", uscc="91440112MA59C1XE27", district_code="440112"),
                sample("gz.sme.registry.application.submitted.v1"),
            ):
                await service.settled(await publish.send(event), 1)
            yield Harness(service, smtp, publish)
    finally:
        smtp.stop()
        await drop_database(pg_admin_url, database_url)


def test_every_routed_event_type_has_an_expectation_here() -> None:
    assert sorted(EXPECTED) == load_routing_table().routed_event_types()


@pytest.mark.parametrize("event_type", load_routing_table().routed_event_types())
async def test_every_routed_event_type_produces_the_expected_messages(
    event_type: str, harness: Harness, sample: Callable[..., Event]
) -> None:
    service, mailbox = harness.service, harness.smtp.mailbox
    expected = EXPECTED[event_type]
    event_id = await harness.publish.send(sample(event_type))

    found = await service.settled(event_id, len(expected))
    assert {(d["recipient"], d["channel"]) for d in found} == expected
    assert {d["status"] for d in found} == {"delivered"}
    assert {d["event_type"] for d in found} == {event_type}

    spooled = {line["message_id"]: line for line in service.spooled_sms()}
    for delivery in found:
        text = await _received(harness, delivery, spooled)
        assert "None" not in text
        assert "{{" not in text
        if event_type in MUST_MENTION and delivery["channel"] != "sms":
            assert MUST_MENTION[event_type] in text, (delivery["recipient"], delivery["channel"])
    assert mailbox is harness.smtp.mailbox


async def _received(harness: Harness, delivery: dict[str, Any], spooled: dict[str, dict[str, Any]]) -> str:
    """What actually reached the recipient over the delivery's channel."""
    recipient, delivery_id = delivery["recipient"], delivery["delivery_id"]
    match delivery["channel"]:
        case "email":
            [(to, message)] = harness.smtp.mailbox.by_delivery(delivery_id)
            assert to == [EMAIL_OF[recipient]]
            assert message["Subject"] == delivery["subject"]
            return str(message.get_content())
        case "sms":
            line = spooled[delivery_id]
            assert line["mobile"] == MOBILE_OF[recipient]
            return str(line["text"])
        case _:
            service = harness.service
            response = await service.http.get(f"/inbox/{delivery_id}", headers=service.reader_of(recipient))
            assert response.status_code == 200, (recipient, response.text)
            message = response.json()
            assert message["title"] == delivery["subject"]
            assert message["read"] is False
            return str(message["body"])
