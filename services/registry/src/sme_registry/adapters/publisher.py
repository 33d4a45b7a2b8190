"""Turns registry's domain events into their published contracts."""

from __future__ import annotations

from sme_contracts import registry as contract
from sme_registry.domain.applications import ApplicationSubmitted


def application_submitted(event: ApplicationSubmitted) -> contract.ApplicationSubmitted:
    return contract.ApplicationSubmitted(
        application_id=event.application_id,
        round_year=event.round_year,
        kind=contract.ApplicationKind(event.kind.value),
        uscc=event.uscc,
        entity_name=event.entity_name,
        district_code=event.district_code,
        submitted_at=event.submitted_at,
    )
