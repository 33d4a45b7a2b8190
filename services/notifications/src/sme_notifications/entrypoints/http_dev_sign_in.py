"""HTTP routes of the development sign-in: whom the console's sign-in page lists, and their tokens.

Mounted only outside production and only with AUTH_DEV_SECRET (see ``bootstrap``); each request
checks the same again, so the routes refuse to work even if they were mounted by mistake.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from sme_kit.auth import Role
from sme_kit.errors import Forbidden
from sme_kit.http import UowFactoryDep
from sme_kit.problems import problem_responses
from sme_kit.vocabulary import district_name
from sme_notifications.config import NotificationsSettings
from sme_notifications.domain.sign_in import Person, by_role
from sme_notifications.entrypoints.state import SettingsDep
from sme_notifications.service_layer import dev_sign_in as use_cases

NOT_IN_PRODUCTION = (
    "开发登录仅用于开发和测试环境，正式环境请通过统一身份认证登录 "
    "(development sign-in is not available here; sign in with the identity provider)"
)


def development_only(settings: NotificationsSettings) -> bool:
    """True where development tokens may be handed out: never in production, never without the secret."""
    return settings.environment != "production" and bool(settings.auth_dev_secret)


def _settings(settings: SettingsDep) -> NotificationsSettings:
    if not development_only(settings):
        raise Forbidden(NOT_IN_PRODUCTION)
    return settings


DevSettings = Annotated[NotificationsSettings, Depends(_settings)]

router = APIRouter(prefix="/dev", tags=["开发登录 Development sign-in"])


class PersonView(BaseModel):
    """Someone to sign in as. No contact data: names, roles, districts and organisations only."""

    subject: str = Field(examples=["district-440106"], description="The token's ``sub``.")
    role: Role
    name: str = Field(examples=["刘建平"])
    district_code: str | None = Field(examples=["440106"])
    district_name: str | None = Field(examples=["天河区"])
    org: str | None = Field(examples=["91440106MA5AUK3L7X"], description="Station operators: the USCC.")
    org_name: str | None = Field(examples=["广州市天河区智汇企业服务有限公司"])
    station_ids: list[str] = Field(description="Station operators: the recognised stations, the active ones first.")

    @classmethod
    def of(cls, person: Person) -> PersonView:
        return cls(
            subject=person.subject,
            role=Role(person.role),
            name=person.name,
            district_code=person.district_code,
            district_name=district_name(person.district_code),
            org=person.org,
            org_name=person.org_name,
            station_ids=list(person.station_ids),
        )


class PeopleGroup(BaseModel):
    role: Role
    people: list[PersonView]


class PeopleList(BaseModel):
    groups: list[PeopleGroup] = Field(description="By role: bureau, head station, districts, experts, stations, …")


class TokenRequest(BaseModel):
    subject: str = Field(min_length=1, max_length=255, examples=["district-440106"])
    station_id: str | None = Field(
        default=None,
        max_length=64,
        description="Station operators: which of the organisation's stations to act for (default: the first).",
    )


class DevToken(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 (a scheme's name, not a secret)
    expires_at: datetime
    expires_in: int = Field(examples=[3600], description="Seconds the token is valid for.")
    person: PersonView


@router.get("/people", summary="Whom one can sign in as (development only)", responses=problem_responses(403))
async def list_people(_: DevSettings, uow: UowFactoryDep) -> PeopleList:
    groups = by_role(await use_cases.list_people(uow_factory=uow))
    return PeopleList(
        groups=[PeopleGroup(role=Role(role), people=[PersonView.of(p) for p in found]) for role, found in groups]
    )


@router.post(
    "/tokens",
    summary="A short-lived development token for one person of the list (development only)",
    responses=problem_responses(403, 404, 422),
)
async def mint_token(body: TokenRequest, settings: DevSettings, uow: UowFactoryDep) -> DevToken:
    assert settings.auth_dev_secret is not None  # development_only() checked it
    ttl = timedelta(seconds=settings.dev_token_ttl_s)
    minted = await use_cases.mint_token(
        uow_factory=uow, subject=body.subject, secret=settings.auth_dev_secret, ttl=ttl, station_id=body.station_id
    )
    return DevToken(
        access_token=minted.token,
        expires_at=minted.expires_at,
        expires_in=settings.dev_token_ttl_s,
        person=PersonView.of(minted.person),
    )
