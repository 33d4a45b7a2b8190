"""What the routes share: role aliases, the registry's settings, paging."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query, Request
from pydantic import BaseModel, Field

from sme_kit.auth import Principal, Role
from sme_kit.http_auth import require_roles
from sme_registry.config import RegistrySettings

T = TypeVar("T")

Operator = Annotated[Principal, require_roles(Role.STATION_OPERATOR)]
Bureau = Annotated[Principal, require_roles(Role.BUREAU_ADMIN)]
DistrictOfficer = Annotated[Principal, require_roles(Role.DISTRICT_OFFICER)]
Official = Annotated[
    Principal,
    require_roles(Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.DISTRICT_OFFICER, Role.STATION_OPERATOR),
]


def get_settings(request: Request) -> RegistrySettings:
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[RegistrySettings, Depends(get_settings)]


class Paging(BaseModel):
    limit: int = Field(default=50, ge=1, le=200, description="Page size.")
    offset: int = Field(default=0, ge=0, description="How many to skip.")


PagingDep = Annotated[Paging, Query()]


class Page(BaseModel, Generic[T]):
    """One page of a list and the total number of matches."""

    items: list[T]
    total: int = Field(description="How many match the filters in all.")
    limit: int
    offset: int
