"""Role aliases and path parameters the review routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from sme_kit.auth import Principal, Role
from sme_kit.http_auth import require_roles

HeadStation = Annotated[Principal, require_roles(Role.HEAD_STATION_STAFF)]
Bureau = Annotated[Principal, require_roles(Role.BUREAU_ADMIN)]
Staff = Annotated[Principal, require_roles(Role.HEAD_STATION_STAFF, Role.BUREAU_ADMIN)]
ExpertCaller = Annotated[Principal, require_roles(Role.EXPERT)]
Year = Annotated[int, Path(ge=2000, le=2100, description="Year of the application round.", examples=[2026])]
