"""Registry's tables. Personal data (legal representative, contact, staff) lives only here."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from sme_kit.db import AwareDateTime, new_metadata
from sme_kit.tables import AutoId

metadata = new_metadata()

rounds = Table(
    "rounds",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("title", String(200), nullable=False),
    Column("window_opens_on", Date, nullable=False),
    Column("window_closes_on", Date, nullable=False),
    Column("forwarding_deadline", Date, nullable=False),
    Column("opened_by", String(255), nullable=False),
    Column("opened_at", AwareDateTime(), nullable=False),
    Column("updated_at", AwareDateTime(), nullable=False),
)

applications = Table(
    "applications",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("uscc", String(18), nullable=False, index=True),
    Column("entity_name", String(200), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("round_year", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=True),
    # 0002: the full form and the review trail.
    Column("station_id", String(36), nullable=True, index=True),
    Column("form", JSON, nullable=True, comment="The whole form as filled in; holds personal data."),
    Column("updated_at", AwareDateTime(), nullable=True),
    Column("submissions", Integer, nullable=False, server_default="0"),
    Column("forwarded_at", AwareDateTime(), nullable=True),
    Column("closed_at", AwareDateTime(), nullable=True),
    Column("outcome_reason", Text, nullable=True),
    Index("ix_applications_round_year_status", "round_year", "status"),
)

application_decisions = Table(
    "application_decisions",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("application_id", String(36), nullable=False, index=True),
    Column("decision", String(20), nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("opinion", Text, nullable=False),
    Column("officer", String(255), nullable=False),
    Column("district_code", String(6), nullable=False),
    Column("decided_at", AwareDateTime(), nullable=False),
)

application_attachments = Table(
    "application_attachments",
    metadata,
    Column("file_id", String(36), primary_key=True, comment="kit_files.id"),
    Column("application_id", String(36), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("attached_at", AwareDateTime(), nullable=False),
    Column("removed_at", AwareDateTime(), nullable=True),
)

stations = Table(
    "stations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("station_number", String(20), nullable=False, unique=True),
    Column("plaque_number", String(100), nullable=False),
    Column("application_id", String(36), nullable=False, unique=True),
    Column("uscc", String(18), nullable=False, index=True),
    Column("entity_name", String(200), nullable=False),
    Column("name", String(200), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("address", String(300), nullable=False),
    Column("registered_address", String(300), nullable=False),
    Column("operator_type", String(40), nullable=False),
    Column("personalised_services", Text, nullable=False),
    Column("industries", JSON, nullable=False),
    Column("service_area", Text, nullable=False),
    Column("resident_institutions", JSON, nullable=False),
    Column("legal_representative", String(100), nullable=False, comment="Personal data."),
    Column("contact", JSON, nullable=True, comment="Personal data."),
    Column("staff", JSON, nullable=False, comment="Personal data."),
    Column("valid_from", Date, nullable=False),
    Column("valid_until", Date, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("revocation_ground", Integer, nullable=True),
    Column("revocation_reason", Text, nullable=True),
    Column("revoked_on", Date, nullable=True),
    Column("registered_at", AwareDateTime(), nullable=False),
    Column("updated_at", AwareDateTime(), nullable=False),
    Column("convention_version", String(20), nullable=True),
    Column("convention_signed_at", AwareDateTime(), nullable=True),
    Column("convention_signed_by", String(255), nullable=True),
    Column("convention_signatory", JSON, nullable=True, comment="Name and title of who signed; personal data."),
)

station_services = Table(
    "station_services",
    metadata,
    Column("station_id", String(36), nullable=False),
    Column("category", String(40), nullable=False),
    PrimaryKeyConstraint("station_id", "category"),
    Index("ix_station_services_category", "category"),
)

station_status_history = Table(
    "station_status_history",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("station_id", String(36), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("previous_status", String(20), nullable=True),
    Column("reason", Text, nullable=False),
    Column("revocation_ground", Integer, nullable=True),
    Column("effective_on", Date, nullable=False),
    Column("changed_at", AwareDateTime(), nullable=False),
)

station_changes = Table(
    "station_changes",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("station_id", String(36), nullable=False, index=True),
    Column("kinds", JSON, nullable=False),
    Column("completed_on", Date, nullable=False),
    Column("reported_on", Date, nullable=False),
    Column("late", Boolean, nullable=False),
    Column("before", JSON, nullable=False, comment="Previous values; may hold personal data."),
    Column("after", JSON, nullable=False, comment="New values; may hold personal data."),
    Column("reported_at", AwareDateTime(), nullable=False),
    Column("reported_by", String(255), nullable=False),
)

station_number_counters = Table(
    "station_number_counters",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last_number", Integer, nullable=False),
)
