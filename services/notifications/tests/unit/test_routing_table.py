"""The routing table is data: every event type has a decision, rows are checked, selectors resolve."""

from __future__ import annotations

import pytest

from sme_contracts import all_event_types
from sme_notifications.adapters.routing_file import load_routing_table
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.routing import (
    RoutingError,
    Selector,
    SelectorKind,
    Target,
    TargetKind,
    event_types_without_decision,
)
from sme_notifications.domain.routing_document import parse_routing_document
from sme_notifications.service_layer.setup_check import event_fields

TABLE = load_routing_table()
OTHER_SERVICES_EVENTS = [t for t in all_event_types() if not t.startswith("gz.sme.notifications.")]


def test_every_event_type_of_the_other_services_is_routed_or_declared_silent_with_a_reason() -> None:
    # A new event type needs a decision: a row in routing.json (plus its templates) or a "silent" entry.
    assert event_types_without_decision(TABLE, OTHER_SERVICES_EVENTS) == []
    assert all(reason.strip() for reason in TABLE.silent.values())


def test_every_row_reads_only_fields_its_event_has() -> None:
    assert TABLE.problems(event_fields()) == []


@pytest.mark.parametrize(
    ("event_type", "audience"),
    [
        ("gz.sme.registry.application.submitted.v1", {"org", "district_officers"}),
        ("gz.sme.registry.application.returned.v1", {"org"}),
        ("gz.sme.registry.application.rejected.v1", {"org"}),
        ("gz.sme.registry.application.forwarded.v1", {"head_station", "org"}),
        ("gz.sme.review.notice.published.v1", {"applicants:shortlisted_application_ids", "head_station"}),
        ("gz.sme.review.notice.objection_received.v1", {"bureau", "org:target_uscc"}),
        ("gz.sme.review.outcome.station_recognised.v1", {"org", "district_officers"}),
        ("gz.sme.review.case.expert_assigned.v1", {"expert"}),
        ("gz.sme.review.case.expert_reminded.v1", {"expert"}),
        ("gz.sme.assessment.rectification.required.v1", {"org", "district_officers"}),
        ("gz.sme.registry.station.expiring.v1", {"org", "district_officers"}),
        ("gz.sme.activities.promotion.below_target.v1", {"station_operator", "district_officers"}),
        ("gz.sme.assessment.revocation.station_revoked.v1", {"org", "district_officers"}),
    ],
)
def test_the_issue_s_required_audiences_are_routed(event_type: str, audience: set[str]) -> None:
    assert {str(selector) for route in TABLE.routes_for(event_type) for selector in route.to} == audience


@pytest.mark.parametrize(
    "event_type",
    [
        "gz.sme.registry.application.returned.v1",
        "gz.sme.registry.application.rejected.v1",
        "gz.sme.review.outcome.application_declined.v1",
        "gz.sme.review.outcome.station_recognised.v1",
        "gz.sme.assessment.rectification.required.v1",
        "gz.sme.assessment.revocation.station_revoked.v1",
        "gz.sme.registry.station.expiring.v1",
    ],
)
def test_guideline_mandated_notices_to_the_operator_are_mandatory(event_type: str) -> None:
    to_operator = [route for route in TABLE.routes_for(event_type) if str(route.to[0]) == "org"]
    assert to_operator
    assert all(route.mandatory for route in to_operator)


def test_a_row_with_when_applies_only_to_matching_events() -> None:
    [late_rule] = [r for r in TABLE.routes_for("gz.sme.registry.station.info_changed.v1") if r.when]
    assert late_rule.applies_to({"late": True})
    assert not late_rule.applies_to({"late": False})


def test_selectors_name_their_targets_from_event_fields() -> None:
    data = {
        "uscc": "91440106ma59c1xe2h",
        "district_code": "440106",
        "co_organiser_station_ids": ["st-b", "st-c"],
        "organiser_station_id": None,
        "expert_id": "ex-1",
        "address": " 13500135000 ",
    }

    def targets(*selectors: str) -> list[Target]:
        table = parse_routing_document(
            {"routes": [{"event_type": "x", "template": "t", "to": list(selectors), "channels": ["in_app"]}]}
        )
        return table.routes[0].targets(data)

    assert targets("org") == [Target(TargetKind.ORG, "91440106MA59C1XE2H")]
    assert set(targets("district_officers", "bureau")) == {
        Target(TargetKind.DISTRICT, "440106"),
        Target(TargetKind.BUREAU),
    }
    assert targets("station_operator:co_organiser_station_ids") == [
        Target(TargetKind.STATION, "st-b"),
        Target(TargetKind.STATION, "st-c"),
    ]
    # The head station organises what no station organises.
    assert targets("station_or_head_station:organiser_station_id") == [Target(TargetKind.HEAD_STATION)]
    assert targets("expert") == [Target(TargetKind.EXPERT, "ex-1")]
    assert targets("org:missing_field") == []
    assert targets("contact") == [Target(TargetKind.CONTACT, "13500135000")]


def test_a_malformed_document_is_refused_naming_every_mistake() -> None:
    with pytest.raises(RoutingError) as refused:
        parse_routing_document(
            {
                "routes": [
                    {"event_type": "a", "template": "t", "to": ["nobody"], "channels": ["in_app"]},
                    {"event_type": "b", "template": "t", "to": ["org"], "channels": ["fax"]},
                    {"template": "t", "to": ["org"], "channels": ["sms"]},
                    {"event_type": "c", "template": "t", "to": ["bureau:field"], "channels": ["email"]},
                ]
            }
        )
    assert refused.value.problems == [
        "routes[0].to: unknown 'nobody'",
        "routes[1].channels: unknown 'fax'",
        "routes[2]: event_type is required",
        "routes[3].to: unknown 'bureau:field'",
    ]


def test_rows_naming_unknown_events_or_fields_are_reported() -> None:
    table = parse_routing_document(
        {
            "routes": [
                {
                    "event_type": "gz.sme.registry.application.returned.v1",
                    "template": "t",
                    "to": ["org:nope"],
                    "channels": ["sms"],
                },
                {"event_type": "gz.sme.registry.nothing.v1", "template": "u", "to": ["org"], "channels": ["sms"]},
            ],
            "silent": {"gz.sme.registry.application.returned.v1": "routed too"},
        }
    )
    assert table.problems(event_fields()) == [
        "t: gz.sme.registry.application.returned.v1 has no field(s) nope",
        "u: unknown event type gz.sme.registry.nothing.v1",
        "silent: gz.sme.registry.application.returned.v1 is routed as well",
    ]


def test_a_secret_is_never_routed_to_an_inbox() -> None:
    with pytest.raises(RoutingError) as refused:
        parse_routing_document(
            {
                "routes": [
                    {"event_type": "a", "template": "t", "to": ["contact"], "channels": ["in_app"], "secret": True}
                ]
            }
        )
    assert refused.value.problems == ["routes[0]: a secret is never put in an inbox (in_app)"]
    codes = TABLE.routes_for("gz.sme.activities.contact_confirmation.requested.v1")
    assert {(r.template_id, r.secret, r.mandatory, Channel.IN_APP in r.channels) for r in codes} == {
        ("contact_confirmation.activity_registration", True, True, False),
        ("contact_confirmation.service_request", True, True, False),
    }


def test_selector_text_round_trips() -> None:
    assert Selector.parse("org") == Selector(SelectorKind.ORG, "uscc")
    assert str(Selector.parse("org:uscc")) == "org"
    assert str(Selector.parse("org:target_uscc")) == "org:target_uscc"
    assert Selector.parse("head_station") == Selector(SelectorKind.HEAD_STATION, None)
    assert Channel("sms") is Channel.SMS
