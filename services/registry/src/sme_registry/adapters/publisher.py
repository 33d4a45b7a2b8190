"""Turns registry's domain objects into the contracts it publishes. No personal data leaves here:
no legal representative, contact person or staff member, only the number of staff."""

from __future__ import annotations

from datetime import date, datetime

from sme_contracts import registry as contract
from sme_contracts.common import OperatorType
from sme_registry.domain.applications import Application, ApplicationSubmitted, Decision, DistrictDecision
from sme_registry.domain.changes import InfoChange
from sme_registry.domain.stations import Station, StatusChange


def application_submitted(application: Application, submitted: ApplicationSubmitted) -> contract.ApplicationSubmitted:
    return contract.ApplicationSubmitted(
        application_id=application.id,
        round_year=application.round_year,
        kind=contract.ApplicationKind(application.kind.value),
        uscc=application.uscc,
        entity_name=application.entity_name,
        district_code=application.district_code,
        submitted_at=submitted.submitted_at,
        resubmission=submitted.resubmission,
    )


def district_decision(
    application: Application, decision: DistrictDecision
) -> contract.ApplicationForwarded | contract.ApplicationReturned | contract.ApplicationRejected:
    """The event that tells the others of the district's decision: review opens a case from a forward,
    notifications tell the applicant of a return or a rejection."""
    if decision.decision is Decision.FORWARD:
        return application_forwarded(application, decision)
    if decision.decision is Decision.RETURN:
        return application_returned(application, decision)
    return application_rejected(application, decision)


def application_returned(application: Application, decision: DistrictDecision) -> contract.ApplicationReturned:
    return contract.ApplicationReturned(
        application_id=application.id,
        round_year=application.round_year,
        uscc=application.uscc,
        entity_name=application.entity_name,
        district_code=application.district_code,
        reasons=list(decision.reasons),
        returned_at=decision.decided_at,
    )


def application_rejected(application: Application, decision: DistrictDecision) -> contract.ApplicationRejected:
    return contract.ApplicationRejected(
        application_id=application.id,
        round_year=application.round_year,
        uscc=application.uscc,
        entity_name=application.entity_name,
        district_code=application.district_code,
        reasons=list(decision.reasons),
        rejected_at=decision.decided_at,
    )


def application_forwarded(application: Application, decision: DistrictDecision) -> contract.ApplicationForwarded:
    form = application.form
    return contract.ApplicationForwarded(
        application_id=application.id,
        round_year=application.round_year,
        kind=contract.ApplicationKind(application.kind.value),
        station_id=application.station_id,
        uscc=application.uscc,
        entity_name=application.entity_name,
        district_code=application.district_code,
        operator_type=form.operator_type or OperatorType.OTHER,
        station_address=form.station_address or "",
        services=list(form.services),
        personalised_services=form.personalised_services,
        industries=list(form.industries),
        full_time_staff=len(form.staff),
        district_opinion=decision.opinion,
        forwarded_at=decision.decided_at,
    )


def station_registered(station: Station) -> contract.StationRegistered:
    return contract.StationRegistered(
        station_id=station.id,
        station_number=station.station_number,
        plaque_number=station.plaque_number,
        application_id=station.application_id,
        uscc=station.uscc,
        name=station.name,
        district_code=station.district_code,
        address=station.address,
        operator_type=station.operator_type,
        services=list(station.services),
        valid_from=station.valid_from,
        valid_until=station.valid_until,
        registered_at=station.registered_at,
    )


def station_status_changed(station: Station, change: StatusChange) -> contract.StationStatusChanged:
    return contract.StationStatusChanged(
        station_id=station.id,
        uscc=station.uscc,
        name=station.name,
        district_code=station.district_code,
        status=change.status,
        previous_status=change.previous_status,
        reason=change.reason,
        revocation_ground=int(change.revocation_ground) if change.revocation_ground else None,
        valid_until=station.valid_until,
        effective_on=change.effective_on,
        changed_at=change.changed_at,
    )


def station_info_changed(station: Station, change: InfoChange) -> contract.StationInfoChanged:
    return contract.StationInfoChanged(
        station_id=station.id,
        change_id=change.id,
        uscc=station.uscc,
        district_code=station.district_code,
        fields_changed=[kind.value for kind in change.kinds],
        completed_on=change.completed_on,
        reported_on=change.reported_on,
        late=change.late,
        reported_at=change.reported_at,
    )


def station_convention_signed(
    station: Station, *, version: str, signed_at: datetime
) -> contract.StationConventionSigned:
    return contract.StationConventionSigned(
        station_id=station.id,
        uscc=station.uscc,
        district_code=station.district_code,
        convention_version=version,
        signed_at=signed_at,
    )


def station_expiring(station: Station, *, today: date) -> contract.StationExpiring:
    return contract.StationExpiring(
        station_id=station.id,
        uscc=station.uscc,
        name=station.name,
        district_code=station.district_code,
        valid_until=station.valid_until,
        days_left=max((station.valid_until - today).days, 0),
    )


def station_expired(station: Station, *, valid_until: date, re_review_applied: bool) -> contract.StationExpired:
    return contract.StationExpired(
        station_id=station.id,
        uscc=station.uscc,
        name=station.name,
        district_code=station.district_code,
        valid_until=valid_until,
        re_review_applied=re_review_applied,
    )
