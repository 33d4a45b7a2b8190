"""Role aliases, path parameters and typed dependencies the review routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from sme_kit.http import get_runtime
from sme_kit.http_auth import Bureau, Expert, HeadStation, Staff, StaffOrExpert
from sme_review.config import ReviewSettings
from sme_review.domain.rate_limit import SlidingWindowLimiter

# The kit's role aliases, under the names review's routes use.
ExpertCaller = Expert
ExpertOrStaff = StaffOrExpert
Year = Annotated[int, Path(ge=2000, le=2100, description="Year of the application round.", examples=[2026])]


def get_settings(request: Request) -> ReviewSettings:
    """Review's settings as the composition root built them (typed, instead of reading app state by name)."""
    settings = get_runtime(request).settings
    assert isinstance(settings, ReviewSettings), "the review app is built from ReviewSettings"
    return settings


def get_objection_limiter(request: Request) -> SlidingWindowLimiter:
    """The one limiter of anonymous objections, made by the composition root."""
    limiter: SlidingWindowLimiter = request.app.state.objection_limiter
    return limiter


SettingsDep = Annotated[ReviewSettings, Depends(get_settings)]
ObjectionLimiterDep = Annotated[SlidingWindowLimiter, Depends(get_objection_limiter)]

__all__ = [
    "Bureau",
    "ExpertCaller",
    "ExpertOrStaff",
    "HeadStation",
    "ObjectionLimiterDep",
    "SettingsDep",
    "Staff",
    "Year",
]
