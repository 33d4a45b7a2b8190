"""The event map (docs/events.md) covers every event type, shows a publisher for everything consumed,
and is the map the code gives today."""

from __future__ import annotations

from pathlib import Path

import pytest

from sme_contracts import all_event_types
from sme_kit import event_map
from sme_kit.event_map import EXTERNAL, EventMap, Handling, Place, build, main, render

DOCS = Path(__file__).resolve().parents[2] / "docs"
EVENTS_MD = DOCS / "events.md"


@pytest.fixture(scope="module")
def the_map() -> EventMap:
    return build()


def test_the_map_lists_every_event_type_of_the_contracts(the_map: EventMap) -> None:
    assert set(the_map.events) == set(all_event_types())
    text = render(the_map)
    for event_type, info in the_map.events.items():
        assert f"`{event_type}`" in text
        assert f"| `{info.name}` | {info.version} | `{info.topic.name}` |" in text


def test_every_consumed_event_type_has_a_publisher_or_is_declared_external(the_map: EventMap) -> None:
    orphans = [
        event_type
        for event_type, info in the_map.events.items()
        if info.handlings and not info.published_from and event_type not in EXTERNAL
    ]
    assert orphans == []


def test_every_event_type_is_published_only_by_the_service_that_owns_its_topic(the_map: EventMap) -> None:
    for event_type, info in the_map.events.items():
        assert set(info.published_from) == {info.topic.publisher}, event_type
    assert the_map.problems() == []


def test_publishers_and_handlers_are_found_where_the_code_has_them(the_map: EventMap) -> None:
    forwarded = the_map.events["gz.sme.registry.application.forwarded.v1"]
    assert forwarded.published_from == {"registry": {Place("sme_registry.service_layer.district_review", "decide")}}
    assert forwarded.published_from == {"registry": {Place("sme_registry.service_layer.district_review", "decide")}}
    assert Handling("review", "sme_review.service_layer.cases.open_case") in forwarded.handlings
    assert Handling("notifications", "sme_notifications.service_layer.route_event.route_event") in forwarded.handlings
    # The kit publishes a service's calendar reminder for it.
    reminder = the_map.events["gz.sme.review.calendar.year_missing.v1"]
    assert reminder.published_from == {"review": {Place("sme_kit.calendar_reminders", "remind_of_missing_years")}}
    # A publisher function that builds one of two events stages both where its result is published.
    assert the_map.events["gz.sme.review.outcome.re_review_failed.v1"].published_from == {
        "review": {Place("sme_review.service_layer.cases", "decide_re_review")}
    }


def test_an_event_consumed_but_published_by_nobody_is_a_problem(
    the_map: EventMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = the_map.events["gz.sme.registry.application.forwarded.v1"]
    monkeypatch.setattr(info, "published_from", {})
    assert any("consumed by review, notifications but published by nobody" in p for p in the_map.problems())
    monkeypatch.setitem(EXTERNAL, info.event_type, "a district department's own system")
    assert not any("published by nobody" in p for p in the_map.problems())


def test_the_committed_map_is_not_stale(the_map: EventMap) -> None:
    assert EVENTS_MD.read_text(encoding="utf-8") == render(the_map), "docs/events.md is stale: run `make docs`"


def test_check_fails_with_a_clear_message_on_a_stale_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fresh = tmp_path / "events.md"
    assert main(["write", str(fresh)]) == 0
    assert main(["check", str(fresh)]) == 0
    fresh.write_text(fresh.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(fresh)]) == 1
    assert "is stale" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "missing.md")]) == 1


def test_the_map_does_not_depend_on_the_environment(monkeypatch: pytest.MonkeyPatch, the_map: EventMap) -> None:
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SMTP_HOST", "smtp.example.com")
    monkeypatch.setenv("AUTH_DEV_SECRET", "")
    assert render(event_map.build()) == render(the_map)
