"""Errors the registry's rules raise: kinds of the kit's refusals, which the HTTP edge maps to problem+json."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sme_kit.errors import FieldError, Invalid


class DomainError(Invalid):
    """A rule of the guideline refused the command (422)."""


class InvalidTransition(DomainError):
    """The object is not in a state that allows this step (409)."""

    kind = "conflict"


class WindowClosed(DomainError):
    """No application window is open for this submission (409); the message names the window."""

    kind = "conflict"


class DuplicateApplication(DomainError):
    """The legal entity already has an open application in this round (409)."""

    kind = "conflict"


class RoundExists(DomainError):
    """The bureau already opened the round of that year (409)."""

    kind = "conflict"


@dataclass(frozen=True)
class RuleViolation:
    """One field that breaks a rule; the edge turns each into one field error of a 422."""

    field: str
    message: str
    code: str


class RulesViolated(DomainError):
    """One or more fields break the guideline's rules (422), all reported together, each as a field error."""

    default_code = "validation-failed"

    def __init__(self, violations: Sequence[RuleViolation]) -> None:
        self.violations = list(violations)
        count = len(self.violations)
        super().__init__(
            f"有 {count} 项参数不符合要求 ({count} field(s) failed validation)",
            field_errors=[FieldError(v.field, v.message, v.code, "body") for v in self.violations],
        )


def refuse(violations: Sequence[RuleViolation]) -> None:
    """Raise RulesViolated naming every field that breaks a rule, when there is any."""
    if violations:
        raise RulesViolated(violations)
