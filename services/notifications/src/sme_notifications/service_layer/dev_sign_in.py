"""Development sign-in: the people of the directory, and a short-lived HS256 token for one of them.

Only for development and tests (the entry point is not mounted in production, which has no
AUTH_DEV_SECRET at all): the console's sign-in page lists who the demo filled the system with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sme_kit.auth import mint_dev_token
from sme_kit.errors import NotFound
from sme_kit.uow import Actor
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_notifications.adapters.unit_of_work import NotificationsUowFactory
from sme_notifications.domain.sign_in import Person, people

NO_SUCH_PERSON = "开发登录名单中没有该人员 (nobody with this subject in the development sign-in list)"
READER = Actor.system("dev-sign-in")


@dataclass(frozen=True)
class DevToken:
    token: str
    person: Person
    expires_at: datetime


async def list_people(*, uow_factory: NotificationsUowFactory) -> list[Person]:
    """Officials from the directory and one operator per organisation it knows."""
    async with uow_factory(READER) as uow:
        officials = await uow.directory.officials()
        organisations = await uow.directory.known_organisations()
    return people(officials, organisations, GUANGZHOU_DISTRICTS)


async def mint_token(
    *, uow_factory: NotificationsUowFactory, subject: str, secret: str, ttl: timedelta, station_id: str | None = None
) -> DevToken:
    """A token for one person of the list, with the claims of their role; an operator's for
    ``station_id`` when given (one of its organisation's stations)."""
    found = next((person for person in await list_people(uow_factory=uow_factory) if person.subject == subject), None)
    if found is None:
        raise NotFound(NO_SUCH_PERSON)
    # Tokens are checked against the wall clock (as the identity provider's are), never against a
    # service's movable test clock.
    expires_at = datetime.now(UTC).replace(microsecond=0) + ttl
    claims = found.claims(station_id)
    token = mint_dev_token(secret, role=found.role, subject=found.subject, ttl=ttl, **claims)
    async with uow_factory(READER) as uow:
        uow.audit("mint_dev_token", "person", found.subject, role=found.role, station_id=claims.get("station_id"))
        await uow.commit()
    return DevToken(token=token, person=found, expires_at=expires_at)
