"""Inboxes per user, the directory's contact checks, and the links learnt from events."""

from __future__ import annotations

import pytest

from sme_notifications.domain.facts import ApplicationFact, OrganisationFact, StationFact, facts_of
from sme_notifications.domain.recipients import (
    Contact,
    OfficialRole,
    Reader,
    Recipient,
    contact_problems,
    inboxes_of,
    official_problems,
    own_recipient,
)


@pytest.mark.parametrize(
    ("reader", "inboxes"),
    [
        (Reader("op-1", "station_operator", org="91440106MA59C1XE2H"), ["org:91440106MA59C1XE2H"]),
        (Reader("do-1", "district_officer", district="440106"), ["district:440106", "official:do-1"]),
        (Reader("hs-1", "head_station_staff"), ["group:head_station", "official:hs-1"]),
        (Reader("bu-1", "bureau_admin"), ["group:bureau", "official:bu-1"]),
        (Reader("sub-x", "expert", expert_id="ex-1"), ["official:ex-1"]),
        (Reader("ops-1", "platform_operator"), ["official:ops-1"]),
    ],
)
def test_each_user_reads_its_organisation_s_or_its_office_s_inbox_and_its_own(
    reader: Reader, inboxes: list[str]
) -> None:
    assert [str(inbox) for inbox in inboxes_of(reader)] == inboxes


def test_recipients_are_written_kind_colon_id() -> None:
    assert Recipient.parse("district:440106") == Recipient.district("440106")
    assert str(Recipient.org("91440106ma59c1xe2h")) == "org:91440106MA59C1XE2H"
    with pytest.raises(ValueError, match="not a recipient"):
        Recipient.parse("440106")


def test_a_contact_that_cannot_be_used_is_refused_field_by_field() -> None:
    assert contact_problems(Contact("王芳", "wangfang@example.com", "13800138000")) == []
    assert [field for field, _ in contact_problems(Contact(" ", "not-an-address", "020-38881234"))] == [
        "email",
        "mobile",
        "name",
    ]


def test_a_district_officer_belongs_to_a_guangzhou_district_and_nobody_else_does() -> None:
    assert official_problems(OfficialRole.DISTRICT_OFFICER, "440106") == []
    assert official_problems(OfficialRole.DISTRICT_OFFICER, None)[0][0] == "district_code"
    assert official_problems(OfficialRole.DISTRICT_OFFICER, "110101")[0][0] == "district_code"
    assert official_problems(OfficialRole.EXPERT, "440106")[0][0] == "district_code"


def test_a_registered_station_links_station_application_and_organisation() -> None:
    facts = facts_of(
        "gz.sme.registry.station.registered.v1",
        {
            "station_id": "st-a",
            "application_id": "app-a",
            "uscc": "91440106MA59C1XE2H",
            "district_code": "440106",
            "name": "广州市民营和中小企业服务站（天河创新园）",
        },
    )
    assert facts.stations == [
        StationFact("st-a", "91440106MA59C1XE2H", "440106", "广州市民营和中小企业服务站（天河创新园）", "active")
    ]
    assert facts.applications == [ApplicationFact("app-a", "91440106MA59C1XE2H", "440106", None)]


def test_a_status_change_and_a_revocation_update_the_station_s_status() -> None:
    data = {"station_id": "st-a", "uscc": "91440106MA59C1XE2H", "district_code": "440106", "status": "expired"}
    assert facts_of("gz.sme.registry.station.status_changed.v1", data).stations[0].status == "expired"
    assert facts_of("gz.sme.assessment.revocation.station_revoked.v1", data).stations[0].status == "revoked"
    assert facts_of("gz.sme.assessment.result.published.v1", data).stations[0].status is None


def test_an_objection_teaches_the_name_of_the_organisation_it_targets() -> None:
    facts = facts_of(
        "gz.sme.review.notice.objection_received.v1",
        {"target_uscc": "91440106MA59C1XE2H", "target_entity_name": "广州市天河区创新企业服务有限公司"},
    )
    assert facts.organisations == [OrganisationFact("91440106MA59C1XE2H", "广州市天河区创新企业服务有限公司")]
    assert facts.stations == []
    assert facts.applications == []


def test_an_organisation_is_addressed_by_its_uscc_however_it_was_typed() -> None:
    assert Recipient.org(" 91440106ma59c1xe2h\n") == Recipient.org("91440106 MA59C1XE2H")
    assert str(Recipient.org("91440106ma59c1xe2h")) == "org:91440106MA59C1XE2H"


def test_an_operator_sets_its_organisation_s_preferences_and_anyone_else_their_own() -> None:
    assert own_recipient(Reader("op-1", "station_operator", org="91440106ma59c1xe2h")) == Recipient.org(
        "91440106MA59C1XE2H"
    )
    assert own_recipient(Reader("u-9", "expert", expert_id="ex-1")) == Recipient.official("ex-1")
    assert own_recipient(Reader("ex-2", "expert")) == Recipient.official("ex-2")
    assert own_recipient(Reader("do-th", "district_officer", district="440106")) == Recipient.official("do-th")
