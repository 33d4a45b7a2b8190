"""Plain domain objects for the unit tests."""

from __future__ import annotations

from datetime import date, datetime

from sme_assessment.domain.cycles import Cycle, CycleStatus
from sme_assessment.domain.evidence import EvidenceSummary
from sme_assessment.domain.indicators import default_indicators
from sme_assessment.domain.plans import Standing
from sme_assessment.domain.stations import Station, StationStatus
from sme_kit.vocabulary import SHANGHAI

NOW = datetime(2027, 1, 20, 10, 0, tzinfo=SHANGHAI)


def station(station_id: str = "st-1", *, valid_from: date | None = date(2025, 6, 1)) -> Station:
    return Station(
        id=station_id,
        uscc="91440106MA59C1XE2H",
        name=f"服务站（{station_id}）",
        district_code="440106",
        status=StationStatus.ACTIVE,
        valid_from=valid_from,
        valid_until=date(2028, 5, 31),
        updated_at=NOW,
    )


def cycle(**overrides: object) -> Cycle:
    values: dict[str, object] = {
        "id": "cy-2026",
        "year": 2026,
        "status": CycleStatus.OPEN,
        "pass_mark": 60.0,
        "rectification_days": 30,
        "indicators": default_indicators(),
        "opened_by": "bureau",
        "opened_at": NOW,
    }
    values.update(overrides)
    return Cycle(**values)  # type: ignore[arg-type]


def full_marks(**overrides: object) -> EvidenceSummary:
    """Evidence that earns every computed indicator in full."""
    values: dict[str, object] = {
        "station_id": "st-1",
        "year": 2026,
        "activities_organised": 2,
        "activities_co_organised": 2,
        "attendance": 120,
        "promotion_sessions": 3,
        "trainings_held": 4,
        "trainings_attended": 4,
        "demand_quarters": (1, 2, 3, 4),
        "requests_closed": 5,
        "requests_escalated": 0,
        "satisfaction_average": 5.0,
        "late_info_changes": 0,
        "convention_signed": True,
        "plan": Standing.ON_TIME,
        "summary": Standing.ON_TIME,
    }
    values.update(overrides)
    return EvidenceSummary(**values)  # type: ignore[arg-type]
