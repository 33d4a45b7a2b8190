"""Who gets which message: shared inboxes, personal e-mails and SMS, preferences and mandatory notices."""

from __future__ import annotations

from sme_notifications.domain.channels import Channel
from sme_notifications.domain.planning import Audience, Endpoint, one_per_recipient_and_channel, plan_messages
from sme_notifications.domain.preferences import Preferences
from sme_notifications.domain.recipients import Recipient
from sme_notifications.domain.routing import Route, Selector, SelectorKind
from sme_notifications.service_layer.resolve import resolve_audiences

ALL = frozenset(Channel)
ORG = Recipient.org("91440106MA59C1XE2H")
DISTRICT = Recipient.district("440106")
OFFICER_1, OFFICER_2 = Recipient.official("do-1"), Recipient.official("do-2")

APPLICANT = Audience(
    ORG,
    "广州市天河区创新企业服务有限公司",
    (Endpoint(ORG, Channel.EMAIL, "王芳"), Endpoint(ORG, Channel.SMS, "王芳")),
)
OFFICERS = Audience(
    DISTRICT,
    "天河区民营和中小企业主管部门",
    (
        Endpoint(OFFICER_1, Channel.EMAIL, "李明"),
        Endpoint(OFFICER_1, Channel.SMS, "李明"),
        Endpoint(OFFICER_2, Channel.EMAIL, "陈静"),
    ),
)


def route(*channels: Channel, mandatory: bool = False) -> Route:
    return Route(
        event_type="gz.sme.registry.application.returned.v1",
        template_id="application_returned",
        to=(Selector(SelectorKind.ORG, "uscc"),),
        channels=channels,
        mandatory=mandatory,
    )


def sent(messages: list) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(str(m.recipient), m.channel.value) for m in messages}


def test_an_office_gets_one_message_in_its_shared_inbox_and_each_member_a_personal_email_and_sms() -> None:
    planned = plan_messages(route(*Channel), [OFFICERS], preferences={}, enabled=ALL)
    assert sent(planned) == {
        ("district:440106", "in_app"),
        ("official:do-1", "email"),
        ("official:do-1", "sms"),
        ("official:do-2", "email"),
    }
    assert {m.audience for m in planned} == {DISTRICT}
    assert {m.recipient_name for m in planned if m.recipient == OFFICER_2} == {"陈静"}


def test_without_an_address_on_file_only_the_inbox_is_written() -> None:
    nobody_on_file = Audience(ORG, "广州市天河区创新企业服务有限公司")
    assert sent(plan_messages(route(*Channel), [nobody_on_file], preferences={}, enabled=ALL)) == {
        ("org:91440106MA59C1XE2H", "in_app")
    }


def test_a_recipient_who_declined_sms_gets_none_for_an_ordinary_notice() -> None:
    chosen = {ORG: Preferences(email=True, sms=False)}
    assert sent(plan_messages(route(*Channel), [APPLICANT], preferences=chosen, enabled=ALL)) == {
        ("org:91440106MA59C1XE2H", "in_app"),
        ("org:91440106MA59C1XE2H", "email"),
    }


def test_a_mandatory_notice_goes_out_over_every_channel_whatever_the_preferences() -> None:
    chosen = {ORG: Preferences(email=False, sms=False)}
    planned = plan_messages(route(*Channel, mandatory=True), [APPLICANT], preferences=chosen, enabled=ALL)
    assert sent(planned) == {
        ("org:91440106MA59C1XE2H", "in_app"),
        ("org:91440106MA59C1XE2H", "email"),
        ("org:91440106MA59C1XE2H", "sms"),
    }
    assert all(m.mandatory for m in planned)


def test_the_in_app_inbox_cannot_be_declined() -> None:
    assert Preferences(email=False, sms=False).accepts(Channel.IN_APP, mandatory=False)


def test_channels_the_deployment_has_switched_off_are_not_planned() -> None:
    planned = plan_messages(route(*Channel), [APPLICANT], preferences={}, enabled=frozenset({Channel.IN_APP}))
    assert sent(planned) == {("org:91440106MA59C1XE2H", "in_app")}


def test_only_the_route_s_channels_are_used() -> None:
    assert sent(plan_messages(route(Channel.IN_APP, Channel.EMAIL), [APPLICANT], preferences={}, enabled=ALL)) == {
        ("org:91440106MA59C1XE2H", "in_app"),
        ("org:91440106MA59C1XE2H", "email"),
    }


def test_two_routes_naming_the_same_recipient_yield_one_message_per_channel() -> None:
    first = plan_messages(route(Channel.IN_APP, Channel.EMAIL), [APPLICANT], preferences={}, enabled=ALL)
    second = plan_messages(route(Channel.IN_APP, Channel.SMS), [APPLICANT], preferences={}, enabled=ALL)
    kept = one_per_recipient_and_channel(first + second)
    assert sorted(sent(kept)) == [
        ("org:91440106MA59C1XE2H", "email"),
        ("org:91440106MA59C1XE2H", "in_app"),
        ("org:91440106MA59C1XE2H", "sms"),
    ]
    assert kept[0] is first[0]  # the first route's message wins


async def test_a_form_s_contact_gets_one_message_over_the_event_s_channel_at_the_address_it_gave() -> None:
    codes = Route(
        event_type="gz.sme.activities.contact_confirmation.requested.v1",
        template_id="contact_confirmation.activity_registration",
        to=(Selector(SelectorKind.CONTACT, "address"),),
        channels=(Channel.SMS, Channel.EMAIL),
        mandatory=True,
        secret=True,
    )

    async def planned(data: dict[str, str]) -> list[tuple[str, Channel, str | None, bool]]:
        # A form's contact is not looked up in the directory: the event carries the address.
        audiences, unresolved = await resolve_audiences(None, codes.targets(data), data)  # type: ignore[arg-type]
        assert unresolved == []
        messages = plan_messages(codes, audiences, preferences={}, enabled=ALL)
        return [(str(m.recipient), m.channel, m.address, m.secret) for m in messages]

    assert await planned({"address": "13500135000", "channel": "sms"}) == [
        ("contact:135****5000", Channel.SMS, "13500135000", True)
    ]
    assert await planned({"address": "li.xiaoming@example.com", "channel": "email"}) == [
        ("contact:l***@example.com", Channel.EMAIL, "li.xiaoming@example.com", True)
    ]
