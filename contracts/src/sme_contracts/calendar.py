"""The shape of a reminder that the working-day calendar lacks a year, shared by every service whose
deadlines count working days (review: notice periods; activities: acceptance of service requests).

Each such service keeps its own copy of the official holiday schedules and publishes its own event
type (``gz.sme.<service>.calendar.year_missing.v1``) on its own topic, so the bureau is told where
the schedule is missing.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from sme_contracts.base import Event


class CalendarYearMissing(Event):
    """Weekly from 1 November: the official holiday schedule (State Council) of a year the service's
    deadlines need is not loaded; deadlines falling in it stay pending and the bureau is to load it."""

    subject_field: ClassVar[str] = "service"

    service: str = Field(description="The service whose calendar lacks the years.", examples=["activities"])
    years: list[int] = Field(
        min_length=1, description="Years whose official schedule is not loaded.", examples=[[2027]]
    )
    checked_on: date = Field(description="The day of the check.", examples=["2026-11-01"])
    load_path: str = Field(
        description="Where the bureau loads the first missing year on that service's API.", examples=["/calendar/2027"]
    )
