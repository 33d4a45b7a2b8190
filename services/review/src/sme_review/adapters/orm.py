"""Review's tables. Scores are kept in hundredths (integers), exact on PostgreSQL and SQLite alike."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
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

rounds = Table(
    "review_rounds",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("status", String(30), nullable=False),
    Column("criteria", JSON, nullable=False, comment="[{code, name, weight, description}], weights sum to 100."),
    Column("min_experts_per_case", Integer, nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=True),
    Column("shortlist_fixed_at", AwareDateTime(), nullable=True),
    Column("finalised_at", AwareDateTime(), nullable=True),
)

cases = Table(
    "review_cases",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("application_id", String(64), nullable=False, unique=True),
    Column("round_year", Integer, ForeignKey("review_rounds.year"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("station_id", String(64), nullable=True),
    Column("uscc", String(18), nullable=False, index=True),
    Column("entity_name", String(200), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("operator_type", String(50), nullable=False),
    Column("station_address", String(300), nullable=False),
    Column("services", JSON, nullable=False),
    Column("personalised_services", Text, nullable=False),
    Column("industries", JSON, nullable=False),
    Column("full_time_staff", Integer, nullable=False),
    Column("district_opinion", Text, nullable=False),
    Column("forwarded_at", AwareDateTime(), nullable=False),
    Column("opened_at", AwareDateTime(), nullable=False),
    Column("status", String(30), nullable=False, index=True),
    Column("experts_assigned", Integer, nullable=False),
    Column("experts_scored", Integer, nullable=False),
    Column("score_hundredths", Integer, nullable=True, comment="The case's score × 100."),
    Column("review_completed_at", AwareDateTime(), nullable=True),
    Column("recommendation", String(20), nullable=True),
    Column("recommendation_reasons", Text, nullable=False),
    Column("recommended_by", String(255), nullable=True),
    Column("recommended_at", AwareDateTime(), nullable=True),
    Column("submitted_at", AwareDateTime(), nullable=True),
    Column("shortlist_rank", Integer, nullable=True),
    Column("outcome_code", String(30), nullable=True),
    Column("outcome_reason", Text, nullable=False),
    Column("decided_on", Date, nullable=True),
    Column("decided_at", AwareDateTime(), nullable=True),
    Column("plaque_number", String(50), nullable=True, unique=True),
    Column("plaque_sequence", Integer, nullable=True),
)

experts = Table(
    "review_experts",
    metadata,
    Column("id", String(255), primary_key=True, comment="The subject of the expert's token."),
    Column("name", String(100), nullable=False),
    Column("title", String(100), nullable=False),
    Column("organisation_name", String(200), nullable=False),
    Column("organisation_uscc", String(18), nullable=False, index=True),
    Column("expertise", JSON, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("registered_at", AwareDateTime(), nullable=False),
)

conflicts = Table(
    "review_expert_conflicts",
    metadata,
    Column("expert_id", String(255), ForeignKey("review_experts.id"), nullable=False),
    Column("uscc", String(18), nullable=False),
    Column("reason", Text, nullable=False),
    Column("declared_at", AwareDateTime(), nullable=False),
    Column("declared_by", String(255), nullable=False),
    PrimaryKeyConstraint("expert_id", "uscc"),
)

panels = Table(
    "review_panels",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("round_year", Integer, ForeignKey("review_rounds.year"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("expert_ids", JSON, nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("updated_at", AwareDateTime(), nullable=False),
)

assignments = Table(
    "review_assignments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("case_id", String(36), ForeignKey("review_cases.id"), nullable=False, index=True),
    Column("round_year", Integer, nullable=False),
    Column("expert_id", String(255), ForeignKey("review_experts.id"), nullable=False, index=True),
    Column("panel_id", String(36), nullable=True),
    Column("due_on", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("assigned_at", AwareDateTime(), nullable=False),
    Column("assigned_by", String(255), nullable=False),
    Column("ended_at", AwareDateTime(), nullable=True),
    Column("end_reason", Text, nullable=False),
    Column("reminders_sent", Integer, nullable=False, server_default=text("0"), comment="催办 reminders sent."),
    Column("last_reminded_at", AwareDateTime(), nullable=True),
    Column("last_reminded_by", String(255), nullable=True),
    UniqueConstraint("case_id", "expert_id", name="uq_review_assignments_case_expert"),
)

score_sheets = Table(
    "review_score_sheets",
    metadata,
    Column("assignment_id", String(36), ForeignKey("review_assignments.id"), primary_key=True),
    Column("case_id", String(36), nullable=False, index=True),
    Column("expert_id", String(255), nullable=False),
    Column("marks", JSON, nullable=False, comment="{criterion code: 0-100}"),
    Column("total_hundredths", Integer, nullable=False, comment="The weighted total × 100."),
    Column("comment", Text, nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=False),
    Column("remarks", JSON, nullable=False, server_default=text("'{}'"), comment="{criterion code: 评分说明}"),
)

notices = Table(
    "review_notices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("round_year", Integer, ForeignKey("review_rounds.year"), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("published_on", Date, nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("entries", JSON, nullable=False, comment="The shortlist as published (organisations only)."),
    Column("objection_contact", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("published_at", AwareDateTime(), nullable=False),
    Column("published_by", String(255), nullable=False),
    Column("ended_at", AwareDateTime(), nullable=True),
)

objections = Table(
    "review_objections",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("notice_id", String(36), ForeignKey("review_notices.id"), nullable=False, index=True),
    Column("round_year", Integer, nullable=False),
    Column("case_id", String(36), ForeignKey("review_cases.id"), nullable=False, index=True),
    Column("target_application_id", String(64), nullable=False),
    Column("objector_type", String(20), nullable=False),
    # Personal data of the objector: read by the bureau only, never logged or published.
    Column("organisation_name", String(200), nullable=True),
    Column("contact_person", String(100), nullable=True),
    Column("real_name", String(100), nullable=True),
    Column("id_number", String(18), nullable=True),
    Column("contact_phone", String(30), nullable=False),
    Column("contact_email", String(200), nullable=True),
    Column("contact_address", String(300), nullable=True),
    Column("grounds", Text, nullable=False),
    Column("seal_file_id", String(36), nullable=True),
    Column("filed_at", AwareDateTime(), nullable=False),
    Column("status", String(20), nullable=False),
    Column("outcome", String(20), nullable=True),
    Column("findings", Text, nullable=False),
    Column("resolved_by", String(255), nullable=True),
    Column("resolved_at", AwareDateTime(), nullable=True),
)

final_lists = Table(
    "review_final_lists",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("round_year", Integer, ForeignKey("review_rounds.year"), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("published_on", Date, nullable=False),
    Column("entries", JSON, nullable=False, comment="Recognised stations with their plaque numbers."),
    Column("declined_application_ids", JSON, nullable=False),
    Column("published_at", AwareDateTime(), nullable=False),
    Column("published_by", String(255), nullable=False),
)
