"""How an objection reads: without the objector for everyone, with it for the bureau's investigation."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from sme_review.domain.objections import Objection, ObjectionOutcome, ObjectionStatus, ObjectorType


class ObjectionSummaryView(BaseModel):
    """That an objection exists and how it ended: never who filed it."""

    id: str
    notice_id: str
    round_year: int
    case_id: str
    target_application_id: str
    filed_at: datetime
    status: ObjectionStatus
    outcome: ObjectionOutcome | None
    findings: str = Field(
        description="The bureau's findings, once resolved.",
        examples=["经核查劳动合同及社保缴纳记录，该单位专职人员3名，异议不成立。"],
    )
    resolved_at: datetime | None

    @classmethod
    def of(cls, objection: Objection) -> ObjectionSummaryView:
        return cls(
            id=objection.id,
            notice_id=objection.notice_id,
            round_year=objection.round_year,
            case_id=objection.case_id,
            target_application_id=objection.target_application_id,
            filed_at=objection.filed_at,
            status=objection.status,
            outcome=objection.outcome,
            findings=objection.findings,
            resolved_at=objection.resolved_at,
        )


class ObjectorView(BaseModel):
    """Personal data of the objector (the bureau only)."""

    type: ObjectorType
    organisation_name: str | None = Field(examples=["广州市某行业商会"])
    contact_person: str | None
    real_name: str | None = Field(examples=["张三"])
    id_number: str | None
    contact_phone: str = Field(examples=["13800138000"])
    contact_email: str | None
    contact_address: str | None


class ObjectionDetailView(ObjectionSummaryView):
    grounds: str | None = Field(description="What the objector wrote (the bureau only).")
    objector: ObjectorView | None = Field(description="Who objected (the bureau only).")
    seal_scan_url: str | None = Field(description="Download of the sealed written objection (the bureau only).")

    @classmethod
    def full(cls, objection: Objection, *, with_objector: bool) -> ObjectionDetailView:
        summary = ObjectionSummaryView.of(objection).model_dump()
        if not with_objector:
            return cls(**summary, grounds=None, objector=None, seal_scan_url=None)
        o = objection.objector
        return cls(
            **summary,
            grounds=objection.grounds,
            objector=ObjectorView(
                type=o.type,
                organisation_name=o.organisation_name,
                contact_person=o.contact_person,
                real_name=o.real_name,
                id_number=o.id_number,
                contact_phone=o.contact_phone,
                contact_email=o.contact_email,
                contact_address=o.contact_address,
            ),
            seal_scan_url=f"/objections/{objection.id}/seal-scan" if objection.seal_file_id else None,
        )
