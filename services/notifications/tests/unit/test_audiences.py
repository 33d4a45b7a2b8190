"""How each kind of audience is named and reached once the directory has answered (pure rules)."""

from __future__ import annotations

from sme_notifications.domain.audiences import (
    ANY_ORGANISATION,
    contact_audience,
    contact_channel,
    district_audience,
    expert_audience,
    organisation_audience,
)
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.recipients import Contact, Official, OfficialRole, Organisation, Recipient

USCC = "91440106MA59C1XE2H"
ORG = Recipient.org(USCC)


def reached(audience_endpoints: tuple) -> set[tuple[str, Channel, str]]:  # type: ignore[type-arg]
    return {(str(e.recipient), e.channel, e.name) for e in audience_endpoints}


def test_an_organisation_is_reached_by_the_contact_it_gave_and_addressed_by_the_contact_s_name() -> None:
    found = Organisation(USCC, "广州市天河区创新企业服务有限公司", Contact("王芳", "wangfang@example.com", None))
    audience = organisation_audience(USCC, found, "事件中的名称")
    assert (audience.recipient, audience.name) == (ORG, "广州市天河区创新企业服务有限公司")
    assert reached(audience.endpoints) == {(str(ORG), Channel.EMAIL, "王芳")}


def test_an_organisation_the_directory_does_not_know_has_its_inbox_only_under_the_event_s_name() -> None:
    assert organisation_audience(USCC, None, "事件中的名称").endpoints == ()
    assert organisation_audience(USCC, None, "事件中的名称").name == "事件中的名称"
    assert organisation_audience(USCC, None, None).name == ANY_ORGANISATION


def test_a_district_office_is_named_after_its_district_and_each_officer_is_reached_personally() -> None:
    officers = [
        Official("do-1", "李明", OfficialRole.DISTRICT_OFFICER, "440106", "liming@example.gov.cn", "13900139000"),
        Official("do-2", "陈静", OfficialRole.DISTRICT_OFFICER, "440106", None, None),
    ]
    audience = district_audience("440106", officers)
    assert (audience.recipient, audience.name) == (Recipient.district("440106"), "天河区民营和中小企业主管部门")
    assert reached(audience.endpoints) == {
        ("official:do-1", Channel.EMAIL, "李明"),
        ("official:do-1", Channel.SMS, "李明"),
    }


def test_an_expert_the_directory_does_not_hold_still_has_an_inbox() -> None:
    audience = expert_audience("ex-9", None)
    assert (audience.recipient, audience.name, audience.endpoints) == (Recipient.official("ex-9"), "评审专家", ())


def test_a_form_s_contact_is_reached_over_the_event_s_channel_or_by_the_kind_of_address() -> None:
    assert contact_channel("13500135000", "email") is Channel.EMAIL
    assert contact_channel("li@example.com", None) is Channel.EMAIL
    assert contact_channel("13500135000", "in_app") is Channel.SMS
    audience = contact_audience("13500135000", "135****5000", "sms")
    ((endpoint),) = audience.endpoints
    assert (str(audience.recipient), endpoint.channel, endpoint.address) == (
        "contact:135****5000",
        Channel.SMS,
        "13500135000",
    )
