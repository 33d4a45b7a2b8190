"""Consumers declared as a table: each event type runs its use case, with the envelope only when asked for."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sme_contracts.envelope import wrap
from sme_contracts.review import ReviewCalendarYearMissing as CalendarYearMissing
from sme_kit.consumers import EventHandlers

EVENT = CalendarYearMissing(service="kit", years=[2031], checked_on=date(2026, 11, 2), load_path="/calendar/2031")


async def test_each_event_type_runs_its_use_case_with_keyword_arguments() -> None:
    calls: list[dict[str, Any]] = []

    async def year_missing(*, event: CalendarYearMissing, uow: object) -> None:
        calls.append({"event": event, "uow": uow})

    handlers = EventHandlers("kit").route({CalendarYearMissing: year_missing})
    model, handle = handlers.registered()[CalendarYearMissing.event_type]
    envelope = wrap(EVENT, source="/gz/sme/kit", event_id="e-1")
    await handle(EVENT, envelope, "the-uow")  # type: ignore[arg-type]

    assert model is CalendarYearMissing
    assert calls == [{"event": EVENT, "uow": "the-uow"}]
    assert handle.__name__ == "year_missing"


async def test_a_use_case_asking_for_the_envelope_gets_it() -> None:
    seen: list[str] = []

    async def year_missing(*, event: CalendarYearMissing, envelope: Any, uow: object) -> None:
        seen.append(envelope.id)

    handlers = EventHandlers("kit").route({CalendarYearMissing: year_missing})
    _, handle = handlers.registered()[CalendarYearMissing.event_type]
    envelope = wrap(EVENT, source="/gz/sme/kit", event_id="e-1")
    await handle(EVENT, envelope, "the-uow")  # type: ignore[arg-type]

    assert seen == ["e-1"]


def test_an_event_type_routed_twice_is_a_programming_error() -> None:
    async def year_missing(*, event: CalendarYearMissing, uow: object) -> None: ...

    handlers = EventHandlers("kit").route({CalendarYearMissing: year_missing})
    with pytest.raises(ValueError, match="already has a handler"):
        handlers.route({CalendarYearMissing: year_missing})
