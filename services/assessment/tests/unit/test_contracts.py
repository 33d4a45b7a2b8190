"""The assessment contracts: every fact the issue names has an event with a snapshot, registry's
StationRevoked keeps its fields, and no event carries personal data or the documents' text."""

from __future__ import annotations

from pathlib import Path

from sme_contracts import Event, assessment
from sme_contracts.base import all_event_types
from sme_contracts.schemas import SCHEMA_DIR, check

PERSONAL_OR_TEXT = {"contact_name", "contact_phone", "staff_name", "phone", "id_number", "email", "content", "report"}


def assessment_events() -> dict[str, type[Event]]:
    return {name: model for name, model in all_event_types().items() if name.startswith("gz.sme.assessment.")}


def test_every_fact_of_the_issue_is_an_event_on_an_assessment_topic() -> None:
    assert set(assessment_events()) == {
        "gz.sme.assessment.work_document.submitted.v1",
        "gz.sme.assessment.work_document.overdue.v1",
        "gz.sme.assessment.cycle.opened.v1",
        "gz.sme.assessment.result.published.v1",
        "gz.sme.assessment.result.non_participation_recorded.v1",
        "gz.sme.assessment.rectification.required.v1",
        "gz.sme.assessment.rectification.report_submitted.v1",
        "gz.sme.assessment.rectification.report_missing.v1",
        "gz.sme.assessment.rectification.reassessed.v1",
        "gz.sme.assessment.revocation.proposed.v1",
        "gz.sme.assessment.revocation.station_revoked.v1",
        "gz.sme.assessment.revocation.dismissed.v1",
    }
    assert {model.topic for model in assessment_events().values()} == set(assessment.PUBLISHED_TOPICS)


def test_every_assessment_event_has_a_compatible_schema_snapshot() -> None:
    for name in assessment_events():
        assert Path(SCHEMA_DIR, f"{name}.json").exists(), name
    assert not [problem for problem in check() if "gz.sme.assessment." in problem]


def test_station_revoked_keeps_the_fields_registry_applies() -> None:
    assert list(assessment.StationRevoked.model_fields) == [
        "station_id",
        "revocation_id",
        "uscc",
        "district_code",
        "ground",
        "ground_text",
        "reason",
        "decided_on",
        "effective_on",
        "decided_at",
    ]


def test_no_event_carries_personal_data_or_the_text_of_a_document() -> None:
    for name, model in assessment_events().items():
        assert not set(model.model_fields) & PERSONAL_OR_TEXT, name
