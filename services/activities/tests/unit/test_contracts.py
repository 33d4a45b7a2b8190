"""The activities contracts: every fact the issue names has an event, and none carries personal data but
the one-time code's message, which carries the address the code goes to and nothing else."""

from sme_contracts import activities
from sme_contracts.base import Event, all_event_types

PERSONAL = {"contact_name", "contact_phone", "staff_name", "phone", "company_name", "uscc", "id_number", "email"}


def test_a_routed_request_is_told_by_ids_district_due_date_and_moment_only() -> None:
    assert set(activities.ServiceRequestRouted.model_fields) == {
        "request_id",
        "district_code",
        "station_id",
        "routed_from_station_id",
        "acceptance_due_on",
        "routed_at",
    }


def activity_events() -> dict[str, type[Event]]:
    return {name: model for name, model in all_event_types().items() if name.startswith("gz.sme.activities.")}


def test_every_fact_assessment_and_notifications_need_is_an_event_on_an_activities_topic() -> None:
    assert set(activity_events()) == {
        "gz.sme.activities.theme_month.planned.v1",
        "gz.sme.activities.activity.scheduled.v1",
        "gz.sme.activities.activity.co_organiser_withdrawn.v1",
        "gz.sme.activities.activity.cancelled.v1",
        "gz.sme.activities.activity.completed.v1",
        "gz.sme.activities.promotion.recorded.v1",
        "gz.sme.activities.promotion.below_target.v1",
        "gz.sme.activities.training.held.v1",
        "gz.sme.activities.demand_report.submitted.v1",
        "gz.sme.activities.service_request.received.v1",
        "gz.sme.activities.service_request.accepted.v1",
        "gz.sme.activities.service_request.matched.v1",
        "gz.sme.activities.service_request.closed.v1",
        "gz.sme.activities.service_request.escalated.v1",
        "gz.sme.activities.service_request.routed.v1",
        "gz.sme.activities.calendar.year_missing.v1",
        "gz.sme.activities.contact_confirmation.requested.v1",
    }
    assert {model.topic for model in activity_events().values()} == set(activities.PUBLISHED_TOPICS)


def test_no_event_has_a_field_for_personal_data_of_contacts_or_staff() -> None:
    for name, model in activity_events().items():
        if model is activities.ContactConfirmationRequested:
            continue
        fields = set(model.model_fields) | {
            field for sub in (activities.StationAttendance,) for field in sub.model_fields
        }
        assert not fields & PERSONAL, name


def test_the_code_message_carries_only_what_delivering_it_needs_on_a_short_lived_topic_of_its_own() -> None:
    model = activities.ContactConfirmationRequested
    assert set(model.model_fields) == {
        "reference",
        "purpose",
        "channel",
        "address",
        "code",
        "expires_at",
        "activity_title",
        "requested_at",
    }
    others = {m.topic for m in activity_events().values() if m is not model}
    assert model.topic not in others
    assert model.topic.broker_configs() == {"retention.ms": "3600000", "segment.ms": "3600000"}
