"""The activities service's tables."""

from sqlalchemy import JSON, Boolean, Column, Date, Index, Integer, String, Table, Text, UniqueConstraint, text

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
    Column("services", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("valid_until", Date, nullable=True),
    Column("name_may_be_outdated", Boolean, nullable=False, default=False),
    Column("updated_at", AwareDateTime(), nullable=False),
)

theme_months = Table(
    "theme_months",
    metadata,
    Column("id", String(20), primary_key=True),
    Column("year", Integer, nullable=False),
    Column("month", Integer, nullable=False),
    Column("theme", String(40), nullable=False),
    Column("title", String(200), nullable=False),
    Column("goals", JSON, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("planned_by", String(255), nullable=False),
    Column("planned_at", AwareDateTime(), nullable=False),
    UniqueConstraint("year", "month", name="uq_theme_months_year_month"),
)

activities = Table(
    "activities",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("activity_type", String(20), nullable=False),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("theme_month_id", String(20), nullable=True, index=True),
    Column("organiser_station_id", String(64), nullable=True, index=True),
    Column("organiser_district_code", String(6), nullable=True),
    Column("co_organiser_station_ids", JSON, nullable=False),
    Column("withdrawn_co_organiser_ids", JSON, nullable=False),
    Column("institutions", JSON, nullable=False),
    Column("starts_at", AwareDateTime(), nullable=False, index=True),
    Column("ends_at", AwareDateTime(), nullable=False),
    Column("venue", String(300), nullable=True),
    Column("online_link", String(500), nullable=True),
    Column("capacity", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("registered_count", Integer, nullable=False),
    Column("attendance_count", Integer, nullable=True),
    Column("summary", Text, nullable=True),
    Column("cancel_reason_code", String(40), nullable=True),
    Column("cancel_reason", Text, nullable=True),
    Column("created_by", String(255), nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("cancelled_at", AwareDateTime(), nullable=True),
    Column("completed_at", AwareDateTime(), nullable=True),
)

# Who registered: personal data of SME contacts, seen by organisers only, never in events or logs.
# A registration awaiting its contact's confirmation holds no place, and one enterprise may have
# several pending at once: only registered ones are unique per activity and enterprise.
_REGISTERED = text("status = 'registered'")
activity_registrations = Table(
    "activity_registrations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("activity_id", String(36), nullable=False),
    Column("company_name", String(200), nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("contact_name", String(100), nullable=False),
    Column("contact_phone", String(40), nullable=False),
    Column("contact_email", String(254), nullable=True),
    Column("status", String(30), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=False),
    Column("registered_at", AwareDateTime(), nullable=True),
    Index(
        "uq_activity_registrations_registered",
        "activity_id",
        "uscc",
        unique=True,
        postgresql_where=_REGISTERED,
        sqlite_where=_REGISTERED,
    ),
)

trainings = Table(
    "trainings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("content", Text, nullable=False),
    Column("held_on", Date, nullable=False),
    Column("venue", String(300), nullable=True),
    Column("recorded_by", String(255), nullable=False),
    Column("recorded_at", AwareDateTime(), nullable=False),
)

training_attendees = Table(
    "training_attendees",
    metadata,
    Column("training_id", String(36), nullable=False),
    Column("position_no", Integer, nullable=False),
    Column("station_id", String(64), nullable=False, index=True),
    Column("staff_name", String(100), nullable=False),
    Column("position", String(100), nullable=True),
    Column("attended", Boolean, nullable=False),
    UniqueConstraint("training_id", "position_no", name="uq_training_attendees_training_position"),
)

promotion_sessions = Table(
    "promotion_sessions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("station_id", String(64), nullable=False),
    Column("district_code", String(6), nullable=False),
    Column("year", Integer, nullable=False),
    Column("held_on", Date, nullable=False),
    Column("subjects", JSON, nullable=False),
    Column("activity_id", String(36), nullable=True),
    Column("theme_month_id", String(20), nullable=True),
    Column("audience_count", Integer, nullable=False),
    Column("venue", String(300), nullable=True),
    Column("notes", Text, nullable=True),
    Column("recorded_by", String(255), nullable=False),
    Column("recorded_at", AwareDateTime(), nullable=False),
    Index("ix_promotion_sessions_station_year", "station_id", "year"),
)

promotion_warnings = Table(
    "promotion_warnings",
    metadata,
    Column("station_id", String(64), nullable=False),
    Column("checked_on", Date, nullable=False),
    Column("year", Integer, nullable=False),
    Column("district_code", String(6), nullable=False),
    Column("count", Integer, nullable=False),
    Column("warned_at", AwareDateTime(), nullable=False),
    UniqueConstraint("station_id", "checked_on", name="uq_promotion_warnings_station_checked_on"),
)

demand_reports = Table(
    "demand_reports",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("station_id", String(64), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("year", Integer, nullable=False),
    Column("quarter", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("industries", JSON, nullable=False),
    Column("needs", JSON, nullable=False),
    Column("enterprise_conditions", Text, nullable=False),
    Column("service_needs", Text, nullable=False),
    Column("personalised_needs", Text, nullable=True),
    Column("submitted_by", String(255), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=False),
    UniqueConstraint("station_id", "year", "quarter", name="uq_demand_reports_station_period"),
)

# Every replaced revision of a report, as it was submitted.
demand_report_revisions = Table(
    "demand_report_revisions",
    metadata,
    Column("report_id", String(36), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("content", JSON, nullable=False),
    Column("submitted_by", String(255), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=False),
    UniqueConstraint("report_id", "revision", name="uq_demand_report_revisions_report_revision"),
)

service_requests = Table(
    "service_requests",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("company_name", String(200), nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("contact_name", String(100), nullable=False),
    Column("contact_phone", String(40), nullable=False),
    Column("contact_email", String(254), nullable=True),
    Column("district_code", String(6), nullable=False, index=True),
    Column("category", String(40), nullable=True),
    Column("details", Text, nullable=False),
    Column("station_id", String(64), nullable=True, index=True),
    Column("assignment", String(20), nullable=True),
    Column("status", String(20), nullable=False),
    Column("received_at", AwareDateTime(), nullable=False),
    Column("acceptance_due_on", Date, nullable=True),
    Column("acceptance_due_waits_for_year", Integer, nullable=True, index=True),
    Column("escalated_at", AwareDateTime(), nullable=True),
    Column("accepted_at", AwareDateTime(), nullable=True),
    Column("accepted_late", Boolean, nullable=False),
    Column("by_head_station", Boolean, nullable=False),
    Column("handling", String(20), nullable=True),
    Column("institution_name", String(200), nullable=True),
    Column("matched_at", AwareDateTime(), nullable=True),
    Column("outcome", String(30), nullable=True),
    Column("outcome_note", Text, nullable=True),
    Column("satisfaction", Integer, nullable=True),
    Column("closed_at", AwareDateTime(), nullable=True),
    Column("timer_key", String(255), nullable=True),
    Column("first_escalated_at", AwareDateTime(), nullable=True),
    Column("lapses", Integer, nullable=False, server_default="0"),
    Column("routed_at", AwareDateTime(), nullable=True),
    Column("routed_by", String(255), nullable=True),
    Column("routed_from_station_id", String(64), nullable=True),
    Column("route_reason", Text, nullable=True),
)

# The one-time code of each anonymous form (registration or service request, by its id): only a salted
# digest of the code, and where it went only as it may be shown (masked).
contact_confirmations = Table(
    "contact_confirmations",
    metadata,
    Column("reference", String(36), primary_key=True),
    Column("purpose", String(30), nullable=False),
    Column("channel", String(10), nullable=False),
    Column("sent_to", String(260), nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("salt", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    Column("wrong_codes", Integer, nullable=False),
    Column("resends", Integer, nullable=False),
    Column("expires_at", AwareDateTime(), nullable=False),
    Column("last_sent_at", AwareDateTime(), nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("confirmed_at", AwareDateTime(), nullable=True),
    Column("voided_at", AwareDateTime(), nullable=True),
    Column("void_reason", String(30), nullable=True),
)
