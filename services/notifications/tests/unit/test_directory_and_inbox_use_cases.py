"""The directory, preferences and the inbox, on the in-memory unit of work: who may keep which entry,
what is refused and why, and who reads which message."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sme_kit.errors import Forbidden, NotFound, ValidationFailed
from sme_kit.paging import PageOf, PageRequest
from sme_notifications.domain.preferences import DEFAULT_PREFERENCES, Preferences
from sme_notifications.domain.recipients import Contact, Official, OfficialRole, Recipient
from sme_notifications.service_layer import dev_sign_in, directory, inbox, preferences

from ..conftest import ORG_A, Sample
from .world import BUREAU, EXPERT, OFFICER_TH, ORG_B, Notifications, operator

OFFICER = Official("do-th", "李明", OfficialRole.DISTRICT_OFFICER, "440106", "liming@th.example.gov.cn", None)


def fields_of(refused: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return sorted(error.field for error in refused.value.field_errors)


async def test_the_bureau_adds_then_updates_an_official_and_each_change_is_audited_without_its_values() -> None:
    service = Notifications()
    factory = service.factory

    created = await directory.save_official(uow_factory=factory, principal=BUREAU, official=OFFICER)
    again = await directory.save_official(
        uow_factory=factory,
        principal=BUREAU,
        official=Official(**{**OFFICER.__dict__, "mobile": "13900139000"}),
    )

    assert (created, again) == (True, False)
    found = await directory.read_official(uow_factory=factory, principal=BUREAU, subject="do-th")
    assert found.mobile == "13900139000"
    assert [(row.action, row.details["has_mobile"]) for row in service.world.audited] == [
        ("create", False),
        ("update", True),
    ]
    assert "13900139000" not in str(service.world.audited)


async def test_a_district_officer_needs_a_guangzhou_district_and_nobody_else_has_one() -> None:
    factory = Notifications().factory
    outside = Official(**{**OFFICER.__dict__, "district_code": "110101"})
    with pytest.raises(ValidationFailed) as refused:
        await directory.save_official(uow_factory=factory, principal=BUREAU, official=outside)
    assert fields_of(refused) == ["district_code"]

    expert_in_a_district = Official("ex-1", "林教授", OfficialRole.EXPERT, "440106", None, None)
    with pytest.raises(ValidationFailed) as refused:
        await directory.save_official(uow_factory=factory, principal=BUREAU, official=expert_in_a_district)
    assert fields_of(refused) == ["district_code"]


async def test_only_the_bureau_and_platform_operators_keep_officials() -> None:
    factory = Notifications().factory
    with pytest.raises(Forbidden):
        await directory.save_official(uow_factory=factory, principal=OFFICER_TH, official=OFFICER)


async def test_officials_are_listed_a_page_at_a_time_by_role_district_and_subject() -> None:
    factory = Notifications().factory
    staff = [
        Official("hs-2", "陈静", OfficialRole.HEAD_STATION_STAFF, None, None, None),
        Official("do-yx", "王芳", OfficialRole.DISTRICT_OFFICER, "440103", None, None),
        OFFICER,
        Official("hs-1", "周强", OfficialRole.HEAD_STATION_STAFF, None, None, None),
    ]
    for official in staff:
        await directory.save_official(uow_factory=factory, principal=BUREAU, official=official)

    async def listed(page: PageRequest, role: OfficialRole | None = None) -> PageOf[Official]:
        return await directory.list_officials(
            uow_factory=factory, principal=BUREAU, role=role, district_code=None, page=page
        )

    first = await listed(PageRequest(limit=3))
    second = await listed(PageRequest(limit=3, offset=3))
    assert [o.subject for o in first.items] == ["do-yx", "do-th", "hs-1"]
    assert [o.subject for o in second.items] == ["hs-2"]
    assert (first.total, second.total) == (4, 4)
    head_station = await listed(PageRequest(limit=1, offset=1), OfficialRole.HEAD_STATION_STAFF)
    assert ([o.subject for o in head_station.items], head_station.total) == (["hs-2"], 2)
    with pytest.raises(Forbidden):
        await directory.list_officials(
            uow_factory=factory, principal=OFFICER_TH, role=None, district_code=None, page=PageRequest()
        )


async def test_an_official_who_leaves_is_erased_with_their_preferences() -> None:
    service = Notifications()
    factory = service.factory
    await directory.save_official(uow_factory=factory, principal=BUREAU, official=OFFICER)
    await preferences.set_my_preferences(
        uow_factory=factory,
        principal=OFFICER_TH,
        chosen=Preferences(email=False, sms=True),
    )

    await directory.remove_official(uow_factory=factory, principal=BUREAU, subject="do-th")

    with pytest.raises(NotFound):
        await directory.read_official(uow_factory=factory, principal=BUREAU, subject="do-th")
    assert service.directory.preferences == {}
    with pytest.raises(NotFound):
        await directory.remove_official(uow_factory=factory, principal=BUREAU, subject="do-th")


async def test_an_operator_keeps_its_own_organisation_s_contact_and_an_official_has_none() -> None:
    factory = Notifications().factory
    contact = Contact("王芳", "wangfang@example.com", None)

    saved = await directory.set_my_contact(uow_factory=factory, principal=operator(ORG_A), contact=contact)

    assert (saved.uscc, saved.contact) == (ORG_A, contact)
    assert (await directory.my_contact(uow_factory=factory, principal=operator(ORG_A))).contact == contact
    assert (await directory.my_contact(uow_factory=factory, principal=operator(ORG_B))).contact == Contact()
    with pytest.raises(Forbidden):
        await directory.set_my_contact(uow_factory=factory, principal=OFFICER_TH, contact=contact)
    with pytest.raises(Forbidden):  # another organisation's entry is for the bureau and the platform team
        await directory.read_organisation(uow_factory=factory, principal=operator(ORG_B), uscc=ORG_A)


async def test_a_bad_contact_is_refused_naming_every_field_and_nothing_changes() -> None:
    factory = Notifications().factory
    bad = Contact(" ", "wangfang-at-example", "020-38881234")
    with pytest.raises(ValidationFailed) as refused:
        await directory.set_my_contact(uow_factory=factory, principal=operator(ORG_A), contact=bad)
    assert fields_of(refused) == ["email", "mobile", "name"]
    assert (await directory.my_contact(uow_factory=factory, principal=operator(ORG_A))).contact == Contact()


async def test_a_uscc_is_read_as_people_type_it_and_an_invalid_one_is_refused() -> None:
    factory = Notifications().factory
    contact = Contact(None, "a@example.com", None)
    typed = " 91440106ma59c1xe2h "

    saved = await directory.set_organisation_contact(uow_factory=factory, principal=BUREAU, uscc=typed, contact=contact)
    assert saved.uscc == ORG_A
    assert (await directory.read_organisation(uow_factory=factory, principal=BUREAU, uscc=ORG_A)).contact == contact

    with pytest.raises(ValidationFailed) as refused:
        await directory.set_organisation_contact(
            uow_factory=factory,
            principal=BUREAU,
            uscc="91440106MA59C1XE2X",
            contact=contact,
        )
    assert fields_of(refused) == ["uscc"]
    with pytest.raises(NotFound):
        await directory.erase_organisation_contact(uow_factory=factory, principal=BUREAU, uscc=ORG_B)


async def test_preferences_are_an_organisation_s_for_its_operators_and_one_s_own_for_anyone_else() -> None:
    service = Notifications()
    factory = service.factory
    assert await preferences.my_preferences(uow_factory=factory, principal=EXPERT) == DEFAULT_PREFERENCES

    chosen = Preferences(email=True, sms=False)
    await preferences.set_my_preferences(uow_factory=factory, principal=operator(ORG_A, "op-1"), chosen=chosen)
    await preferences.set_my_preferences(uow_factory=factory, principal=EXPERT, chosen=Preferences(False, False))

    assert await preferences.my_preferences(uow_factory=factory, principal=operator(ORG_A, "op-2")) == chosen
    assert service.directory.preferences == {
        Recipient.org(ORG_A): chosen,
        Recipient.official("ex-1"): Preferences(False, False),
    }


async def test_an_operator_reads_and_marks_its_organisation_s_messages_and_nobody_else_sees_them(
    sample: Sample,
) -> None:
    service = Notifications()
    factory = service.factory
    await service.receive(sample("gz.sme.registry.application.returned.v1"))
    reader = operator(ORG_A)

    found, unread = await inbox.list_inbox(
        uow_factory=factory, principal=reader, unread_only=False, page=PageRequest(limit=10)
    )
    assert (unread, found.total) == (1, 1)
    ((message, read_at),) = found.items
    assert read_at is None

    read = await inbox.mark(uow_factory=factory, principal=reader, delivery_id=message.delivery_id, read=True)
    assert read[1] is not None
    assert await inbox.unread_count(uow_factory=factory, principal=reader) == 0
    assert await inbox.unread_count(uow_factory=factory, principal=operator(ORG_A, "op-2")) == 1
    unread_again = await inbox.mark(uow_factory=factory, principal=reader, delivery_id=message.delivery_id, read=False)
    assert unread_again[1] is None

    for stranger in (operator(ORG_B), OFFICER_TH):
        with pytest.raises(NotFound):
            await inbox.read_message(uow_factory=factory, principal=stranger, delivery_id=message.delivery_id)
        with pytest.raises(NotFound):
            await inbox.mark(uow_factory=factory, principal=stranger, delivery_id=message.delivery_id, read=True)
    assert [row.action for row in service.world.audited if row.target_type == "inbox_message"] == [
        "mark_read",
        "mark_unread",
    ]


async def test_only_a_person_of_the_sign_in_list_gets_a_development_token() -> None:
    service = Notifications()
    await service.register_officials()
    people = await dev_sign_in.list_people(uow_factory=service.factory)
    assert {"do-th", "hs-1", "bu-1", "ex-1"} <= {person.subject for person in people}

    minted = await dev_sign_in.mint_token(
        uow_factory=service.factory,
        subject="do-th",
        secret="s" * 32,
        ttl=timedelta(minutes=5),
    )
    assert (minted.person.subject, minted.person.role) == ("do-th", "district_officer")
    assert [(row.action, row.target_id) for row in service.world.audited] == [("mint_dev_token", "do-th")]
    with pytest.raises(NotFound):
        await dev_sign_in.mint_token(
            uow_factory=service.factory,
            subject="nobody",
            secret="s" * 32,
            ttl=timedelta(minutes=5),
        )
