"""Evidence: the facts other services told us, each kept once, and what they add up to per station and year.

Every fact has a key naming the fact itself (an activity's organiser, a promotion session, a
quarter's demand report), not the message that told it: the same fact told twice — a redelivery,
a re-publication, a revised report — is kept once and never counts twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sme_assessment.domain.plans import Standing
from sme_assessment.domain.stations import Station


class FactKind(StrEnum):
    ACTIVITY_ORGANISED = "activity_organised"  # value: attendance
    ACTIVITY_CO_ORGANISED = "activity_co_organised"  # value: attendance
    PROMOTION_SESSION = "promotion_session"
    TRAINING_HELD = "training_held"  # no station: a training the head station held for all stations
    TRAINING_ATTENDED = "training_attended"  # quantity: staff who attended; value: staff absent
    DEMAND_REPORT = "demand_report"  # quantity: the quarter
    REQUEST_CLOSED = "request_closed"  # value: the SME's satisfaction, 1–5
    REQUEST_ESCALATED = "request_escalated"  # not accepted within 5 working days
    LATE_INFO_CHANGE = "late_info_change"  # reported more than 30 days after the change (§4.4)
    CONVENTION_SIGNED = "convention_signed"


ACTIVITY_KINDS = (FactKind.ACTIVITY_ORGANISED, FactKind.ACTIVITY_CO_ORGANISED)


@dataclass(frozen=True)
class Fact:
    key: str
    kind: FactKind
    station_id: str | None
    year: int
    occurred_on: date
    source_id: str
    quantity: int = 1
    value: float | None = None


def activity_facts(
    *, activity_id: str, organiser: str | None, co_organisers: Sequence[str], held_on: date, attendance: int
) -> list[Fact]:
    """A held activity counts for its organising station and for each co-organising station."""
    facts = []
    if organiser:
        facts.append(
            Fact(
                f"activity:{activity_id}:organiser",
                FactKind.ACTIVITY_ORGANISED,
                organiser,
                held_on.year,
                held_on,
                activity_id,
                value=attendance,
            )
        )
    for station_id in dict.fromkeys(co_organisers):
        if station_id != organiser:
            facts.append(
                Fact(
                    f"activity:{activity_id}:co:{station_id}",
                    FactKind.ACTIVITY_CO_ORGANISED,
                    station_id,
                    held_on.year,
                    held_on,
                    activity_id,
                    value=attendance,
                )
            )
    return facts


def promotion_fact(*, promotion_id: str, station_id: str, year: int, held_on: date) -> Fact:
    """A promotion session (§3.3.3), keyed by its id."""
    return Fact(f"promotion:{promotion_id}", FactKind.PROMOTION_SESSION, station_id, year, held_on, promotion_id)


def training_facts(*, training_id: str, held_on: date, attendance: Iterable[tuple[str, int, int]]) -> list[Fact]:
    """The training itself (which every station was expected at) and each station's attendance."""
    facts = [Fact(f"training:{training_id}", FactKind.TRAINING_HELD, None, held_on.year, held_on, training_id)]
    for station_id, attended, absent in attendance:
        facts.append(
            Fact(
                f"training:{training_id}:{station_id}",
                FactKind.TRAINING_ATTENDED,
                station_id,
                held_on.year,
                held_on,
                training_id,
                quantity=attended,
                value=absent,
            )
        )
    return facts


def demand_report_fact(*, report_id: str, station_id: str, year: int, quarter: int, submitted_on: date) -> Fact:
    """Keyed by quarter: a revised report covers the same quarter and adds nothing."""
    return Fact(
        f"demand:{station_id}:{year}:q{quarter}",
        FactKind.DEMAND_REPORT,
        station_id,
        year,
        submitted_on,
        report_id,
        quantity=quarter,
    )


def request_closed_fact(*, request_id: str, station_id: str, satisfaction: int, closed_on: date) -> Fact:
    """A service request the station itself closed, with the SME's satisfaction."""
    return Fact(
        f"request:{request_id}:closed",
        FactKind.REQUEST_CLOSED,
        station_id,
        closed_on.year,
        closed_on,
        request_id,
        value=satisfaction,
    )


def request_escalated_fact(*, request_id: str, station_id: str, escalated_on: date, lapse: int = 1) -> Fact:
    """A service request the station did not accept within 5 working days.

    ``lapse`` tells the escalations of one request apart: a request the head station routed on to
    another station that let it lapse too counts against each of the two stations.
    """
    return Fact(
        f"request:{request_id}:escalated" + (f":{lapse}" if lapse > 1 else ""),
        FactKind.REQUEST_ESCALATED,
        station_id,
        escalated_on.year,
        escalated_on,
        request_id,
    )


def late_change_fact(*, change_id: str, station_id: str, reported_on: date) -> Fact:
    """An information change reported more than 30 days after it was completed (§4.4)."""
    return Fact(f"change:{change_id}", FactKind.LATE_INFO_CHANGE, station_id, reported_on.year, reported_on, change_id)


def convention_fact(*, station_id: str, version: str, signed_on: date) -> Fact:
    """The station signed (a version of) the service convention (§4.1.4)."""
    return Fact(
        f"convention:{station_id}:{version}",
        FactKind.CONVENTION_SIGNED,
        station_id,
        signed_on.year,
        signed_on,
        version,
    )


@dataclass(frozen=True)
class EvidenceSummary:
    """What one station's evidence of one year adds up to: the input of every computed indicator."""

    station_id: str
    year: int
    activities_organised: int = 0
    activities_co_organised: int = 0
    attendance: int = 0
    promotion_sessions: int = 0
    trainings_held: int = 0
    trainings_attended: int = 0
    demand_quarters: tuple[int, ...] = ()
    requests_closed: int = 0
    requests_escalated: int = 0
    satisfaction_average: float | None = None
    late_info_changes: int = 0
    convention_signed: bool = False
    plan: Standing = Standing.NOT_REQUIRED
    summary: Standing = Standing.NOT_REQUIRED
    sources: dict[str, list[str]] = field(default_factory=dict, compare=False)


def summarise(
    station: Station, year: int, facts: Iterable[Fact], *, plan: Standing, summary: Standing
) -> EvidenceSummary:
    """Add up a station's facts of a year.

    Trainings held before the station was recognised were not its to attend; a convention signed
    in any earlier year still holds.
    """
    mine = [f for f in facts if f.station_id == station.id]
    of_year = [f for f in mine if f.year == year]

    def kind(k: FactKind) -> list[Fact]:
        return [f for f in of_year if f.kind is k]

    activities = kind(FactKind.ACTIVITY_ORGANISED) + kind(FactKind.ACTIVITY_CO_ORGANISED)
    held = [
        f for f in facts if f.kind is FactKind.TRAINING_HELD and f.year == year and station.existed_by(f.occurred_on)
    ]
    attended = {f.source_id for f in kind(FactKind.TRAINING_ATTENDED) if f.quantity > 0}
    satisfaction = [f.value for f in kind(FactKind.REQUEST_CLOSED) if f.value is not None]
    signed = any(f.kind is FactKind.CONVENTION_SIGNED and f.year <= year for f in mine) or (
        station.convention_signed_on is not None and station.convention_signed_on.year <= year
    )
    return EvidenceSummary(
        station_id=station.id,
        year=year,
        activities_organised=len(kind(FactKind.ACTIVITY_ORGANISED)),
        activities_co_organised=len(kind(FactKind.ACTIVITY_CO_ORGANISED)),
        attendance=int(sum(f.value or 0 for f in activities)),
        promotion_sessions=len(kind(FactKind.PROMOTION_SESSION)),
        trainings_held=len(held),
        # A training this station attended counts even if its "held" fact has not arrived yet.
        trainings_attended=len(attended),
        demand_quarters=tuple(sorted({f.quantity for f in kind(FactKind.DEMAND_REPORT)})),
        requests_closed=len(kind(FactKind.REQUEST_CLOSED)),
        requests_escalated=len(kind(FactKind.REQUEST_ESCALATED)),
        satisfaction_average=round(sum(satisfaction) / len(satisfaction), 2) if satisfaction else None,
        late_info_changes=len(kind(FactKind.LATE_INFO_CHANGE)),
        convention_signed=signed,
        plan=plan,
        summary=summary,
        sources={k.value: sorted({f.source_id for f in kind(k)}) for k in FactKind if kind(k)},
    )
