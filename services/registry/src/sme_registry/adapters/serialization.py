"""The form and the station's nested values as JSON for the database, and back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sme_contracts.common import OperatorType, ServiceCategory
from sme_registry.domain.forms import ApplicationForm, ContactPerson, ResidentInstitution, StaffMember


def form_to_json(form: ApplicationForm) -> dict[str, Any]:
    data = asdict(form)
    data["operator_type"] = form.operator_type.value if form.operator_type else None
    data["services"] = [service.value for service in form.services]
    return data


def form_from_json(data: dict[str, Any]) -> ApplicationForm:
    return ApplicationForm(
        uscc=data["uscc"],
        entity_name=data["entity_name"],
        district_code=data["district_code"],
        legal_representative=data.get("legal_representative"),
        registered_address=data.get("registered_address"),
        station_name=data.get("station_name"),
        station_address=data.get("station_address"),
        station_district_code=data.get("station_district_code"),
        operator_type=OperatorType(data["operator_type"]) if data.get("operator_type") else None,
        office_area_sqm=data.get("office_area_sqm"),
        services=tuple(ServiceCategory(s) for s in data.get("services") or ()),
        personalised_services=data.get("personalised_services") or "",
        industries=tuple(data.get("industries") or ()),
        service_area=data.get("service_area") or "",
        service_experience=data.get("service_experience") or "",
        management_system=data.get("management_system") or "",
        resident_institutions=institutions_from_json(data.get("resident_institutions")),
        contact=contact_from_json(data.get("contact")),
        staff=staff_from_json(data.get("staff")),
    )


def contact_from_json(data: dict[str, Any] | None) -> ContactPerson | None:
    return ContactPerson(**data) if data else None


def staff_from_json(data: list[dict[str, Any]] | None) -> tuple[StaffMember, ...]:
    return tuple(StaffMember(**member) for member in data or ())


def institutions_from_json(data: list[dict[str, Any]] | None) -> tuple[ResidentInstitution, ...]:
    return tuple(ResidentInstitution(**institution) for institution in data or ())


def as_json(values: Any) -> Any:
    """Dataclasses (and tuples of them) as plain JSON values."""
    if isinstance(values, tuple | list):
        return [as_json(value) for value in values]
    if values is None:
        return None
    return asdict(values)
