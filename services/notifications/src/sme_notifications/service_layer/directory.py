"""The recipients directory: officials and organisations' contacts, kept by the bureau and the
platform team, and by each operator for its own organisation."""

from __future__ import annotations

from sme_kit.auth import Principal, Role
from sme_kit.errors import FieldError, Forbidden, NotFound, ValidationFailed
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.vocabulary import is_valid_uscc, normalise_uscc
from sme_notifications.adapters.unit_of_work import NotificationsUowFactory
from sme_notifications.domain.recipients import (
    Contact,
    Official,
    OfficialRole,
    Organisation,
    contact_problems,
    official_problems,
)
from sme_notifications.service_layer.access import require_record_reader

NO_OFFICIAL = "通讯录中没有该人员 (no such official in the directory)"
NO_ORGANISATION = "通讯录中没有该单位 (no such organisation in the directory)"


def _refuse(problems: list[tuple[str, str]]) -> None:
    if problems:
        raise ValidationFailed([FieldError(field, message, "invalid") for field, message in problems])


def _checked_uscc(uscc: str) -> str:
    normalised = normalise_uscc(uscc)
    if not is_valid_uscc(normalised):
        _refuse([("uscc", "统一社会信用代码无效 (not a valid unified social credit code)")])
    return normalised


async def save_official(*, uow_factory: NotificationsUowFactory, principal: Principal, official: Official) -> bool:
    """Create or replace an official's entry; True when it is new."""
    require_record_reader(principal)
    _refuse(
        official_problems(official.role, official.district_code)
        + contact_problems(Contact(official.name, official.email, official.mobile))
    )
    async with uow_factory(Actor.of(principal)) as uow:
        created = await uow.directory.save_official(official, uow.clock.now())
        # Which parts are on file, never their values.
        uow.audit(
            "create" if created else "update",
            "official",
            official.subject,
            role=official.role.value,
            district_code=official.district_code,
            has_email=official.email is not None,
            has_mobile=official.mobile is not None,
        )
        await uow.commit()
    return created


async def list_officials(
    *,
    uow_factory: NotificationsUowFactory,
    principal: Principal,
    role: OfficialRole | None,
    district_code: str | None,
    page: PageRequest,
) -> PageOf[Official]:
    """One page of the officials who match, by role, district and subject."""
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.directory.officials_page(page, role=role, district_code=district_code)


async def read_official(*, uow_factory: NotificationsUowFactory, principal: Principal, subject: str) -> Official:
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.directory.official(subject)
    if found is None:
        raise NotFound(NO_OFFICIAL)
    return found


async def remove_official(*, uow_factory: NotificationsUowFactory, principal: Principal, subject: str) -> None:
    """Erase an official's entry and preferences (they left their post: their data goes with them)."""
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        if not await uow.directory.delete_official(subject):
            raise NotFound(NO_OFFICIAL)
        uow.audit("delete", "official", subject)
        await uow.commit()


async def read_organisation(*, uow_factory: NotificationsUowFactory, principal: Principal, uscc: str) -> Organisation:
    require_record_reader(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.directory.organisation(_checked_uscc(uscc))
    if found is None:
        raise NotFound(NO_ORGANISATION)
    return found


async def set_organisation_contact(
    *, uow_factory: NotificationsUowFactory, principal: Principal, uscc: str, contact: Contact
) -> Organisation:
    """The bureau or platform team records an organisation's contact (e.g. from its application form)."""
    require_record_reader(principal)
    return await _set_contact(uow_factory=uow_factory, principal=principal, uscc=_checked_uscc(uscc), contact=contact)


async def erase_organisation_contact(*, uow_factory: NotificationsUowFactory, principal: Principal, uscc: str) -> None:
    require_record_reader(principal)
    normalised = _checked_uscc(uscc)
    async with uow_factory(Actor.of(principal)) as uow:
        if not await uow.directory.clear_contact(normalised, uow.clock.now()):
            raise NotFound(NO_ORGANISATION)
        uow.audit("erase_contact", "organisation", normalised)
        await uow.commit()


def _own_org(principal: Principal) -> str:
    if not principal.is_role(Role.STATION_OPERATOR) or not principal.org:
        raise Forbidden(
            "仅申请单位和服务站运营机构可维护本单位联系人 (only applicants and station operators keep an "
            "organisation contact; officials are kept by the bureau)"
        )
    return principal.org


async def my_contact(*, uow_factory: NotificationsUowFactory, principal: Principal) -> Organisation:
    uscc = _own_org(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.directory.organisation(uscc)
    return found or Organisation(uscc=uscc, name=None, contact=Contact())


async def set_my_contact(
    *, uow_factory: NotificationsUowFactory, principal: Principal, contact: Contact
) -> Organisation:
    """An operator gives the contact its organisation's notices go to."""
    return await _set_contact(uow_factory=uow_factory, principal=principal, uscc=_own_org(principal), contact=contact)


async def _set_contact(
    *, uow_factory: NotificationsUowFactory, principal: Principal, uscc: str, contact: Contact
) -> Organisation:
    _refuse(contact_problems(contact))
    async with uow_factory(Actor.of(principal)) as uow:
        await uow.directory.set_contact(uscc, contact, uow.clock.now())
        uow.audit(
            "set_contact",
            "organisation",
            uscc,
            has_email=contact.email is not None,
            has_mobile=contact.mobile is not None,
        )
        saved = await uow.directory.organisation(uscc)
        await uow.commit()
    assert saved is not None
    return saved
