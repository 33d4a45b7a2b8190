"""The assessment service's tables."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from sme_kit.db import AwareDateTime, new_metadata

metadata = new_metadata()

# The read model of registry's station register, kept from its events.
stations = Table(
    "stations",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("uscc", String(18), nullable=False),
    Column("name", String(200), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("valid_from", Date, nullable=True),
    Column("valid_until", Date, nullable=True),
    Column("convention_signed_on", Date, nullable=True),
    Column("updated_at", AwareDateTime(), nullable=False),
)

# Facts told by other services, each kept once under the key of the fact itself.
evidence_facts = Table(
    "evidence_facts",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("station_id", String(64), nullable=True),
    Column("year", Integer, nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("source_id", String(100), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("value", Float, nullable=True),
    Column("void", Boolean, nullable=False, comment="The fact was withdrawn (e.g. its activity was cancelled)."),
    Column("event_id", String(64), nullable=False, comment="The event that first told it."),
    Column("recorded_at", AwareDateTime(), nullable=False),
    Index("ix_evidence_facts_station_year", "station_id", "year"),
    Index("ix_evidence_facts_source", "source_id"),
)

work_deadlines = Table(
    "work_deadlines",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("plan_due_on", Date, nullable=True),
    Column("summary_due_on", Date, nullable=True),
    Column("set_by", String(255), nullable=False),
    Column("set_at", AwareDateTime(), nullable=False),
)

work_documents = Table(
    "work_documents",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("station_id", String(64), nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("kind", String(10), nullable=False),
    Column("year", Integer, nullable=False),
    Column("title", String(200), nullable=False),
    Column("content", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("due_on", Date, nullable=True),
    Column("first_submitted_at", AwareDateTime(), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=False),
    Column("days_late", Integer, nullable=False),
    Column("submitted_by", String(255), nullable=False),
    UniqueConstraint("station_id", "kind", "year", name="uq_work_documents_station_kind_year"),
)

work_lapses = Table(
    "work_lapses",
    metadata,
    Column("station_id", String(64), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("year", Integer, nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("due_on", Date, nullable=False),
    Column("status", String(10), nullable=False),
    Column("days_late", Integer, nullable=True),
    Column("recorded_at", AwareDateTime(), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=True),
    PrimaryKeyConstraint("station_id", "kind", "year"),
)

cycles = Table(
    "cycles",
    metadata,
    Column("id", String(20), primary_key=True),
    Column("year", Integer, nullable=False, unique=True),
    Column("status", String(20), nullable=False),
    Column("pass_mark", Float, nullable=False),
    Column("rectification_days", Integer, nullable=False),
    Column("indicators", JSON, nullable=False),
    Column("opened_by", String(255), nullable=False),
    Column("opened_at", AwareDateTime(), nullable=False),
    Column("computed_at", AwareDateTime(), nullable=True),
    Column("published_at", AwareDateTime(), nullable=True),
    Column("published_by", String(255), nullable=True),
)

manual_scores = Table(
    "manual_scores",
    metadata,
    Column("cycle_id", String(20), nullable=False),
    Column("station_id", String(64), nullable=False),
    Column("indicator_code", String(40), nullable=False),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("entered_by", String(255), nullable=False),
    Column("entered_role", String(50), nullable=False),
    Column("entered_at", AwareDateTime(), nullable=False),
    PrimaryKeyConstraint("cycle_id", "station_id", "indicator_code"),
)

non_participations = Table(
    "non_participations",
    metadata,
    Column("cycle_id", String(20), nullable=False),
    Column("station_id", String(64), nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False),
    Column("excused", Boolean, nullable=False),
    Column("reason", Text, nullable=False),
    Column("recorded_by", String(255), nullable=False),
    Column("recorded_at", AwareDateTime(), nullable=False),
    PrimaryKeyConstraint("cycle_id", "station_id"),
)

results = Table(
    "results",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("cycle_id", String(20), nullable=False),
    Column("year", Integer, nullable=False),
    Column("station_id", String(64), nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("total", Float, nullable=False),
    Column("pass_mark", Float, nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("breakdown", JSON, nullable=False),
    Column("computed_at", AwareDateTime(), nullable=False),
    Column("published_at", AwareDateTime(), nullable=True),
    UniqueConstraint("cycle_id", "station_id", name="uq_results_cycle_station"),
)

rectifications = Table(
    "rectifications",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("result_id", String(36), nullable=False, unique=True),
    Column("cycle_id", String(20), nullable=False),
    Column("year", Integer, nullable=False),
    Column("station_id", String(64), nullable=False, index=True),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("total", Float, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("ordered_at", AwareDateTime(), nullable=False),
    Column("report", Text, nullable=True),
    Column("report_submitted_at", AwareDateTime(), nullable=True),
    Column("report_late", Boolean, nullable=False),
    Column("missing_recorded_at", AwareDateTime(), nullable=True),
    Column("reassessed_outcome", String(20), nullable=True),
    Column("reassessed_score", Float, nullable=True),
    Column("opinion", Text, nullable=True),
    Column("reassessed_by", String(255), nullable=True),
    Column("reassessed_at", AwareDateTime(), nullable=True),
    Column("closed_reason", Text, nullable=True),
)

revocations = Table(
    "revocations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("station_id", String(64), nullable=False, index=True),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("ground", Integer, nullable=False),
    Column("origin", String(20), nullable=False),
    Column("trigger", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("proposed_by", String(255), nullable=False),
    Column("proposed_at", AwareDateTime(), nullable=False),
    Column("decided_by", String(255), nullable=True),
    Column("decided_at", AwareDateTime(), nullable=True),
    Column("decided_on", Date, nullable=True),
    Column("effective_on", Date, nullable=True),
    Column("decision_reason", Text, nullable=True),
    # One open proposal per station and ground, even when two triggers race.
    Index(
        "uq_revocations_open_station_ground",
        "station_id",
        "ground",
        unique=True,
        postgresql_where=text("status = 'open'"),
        sqlite_where=text("status = 'open'"),
    ),
)

revocation_notes = Table(
    "revocation_notes",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("revocation_id", String(36), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("added_by", String(255), nullable=False),
    Column("added_at", AwareDateTime(), nullable=False),
)
