"""The routing table and templates checked against the event catalogue, before the service starts."""

from __future__ import annotations

from sme_contracts import all_event_types
from sme_notifications.adapters.template_store import TemplateStore
from sme_notifications.domain.routing import RoutingTable


class SetupError(RuntimeError):
    """The routing table or a template does not fit the events: the service refuses to start."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("routing/templates do not fit the event contracts:\n  " + "\n  ".join(problems))
        self.problems = problems


def event_fields() -> dict[str, set[str]]:
    """Every event type of the system and the names of its fields."""
    return {event_type: set(model.model_fields) for event_type, model in all_event_types().items()}


def setup_problems(table: RoutingTable, templates: TemplateStore) -> list[str]:
    fields = event_fields()
    return table.problems(fields) + templates.problems(table, fields)


def check_setup(table: RoutingTable, templates: TemplateStore) -> None:
    problems = setup_problems(table, templates)
    if problems:
        raise SetupError(problems)
