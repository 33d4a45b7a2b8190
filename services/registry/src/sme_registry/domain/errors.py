"""Errors the registry's rules raise; the HTTP edge maps them to problem+json."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class DomainError(Exception):
    """A rule of the guideline refused the command."""


class InvalidTransition(DomainError):
    """The object is not in a state that allows this step (409)."""


class WindowClosed(DomainError):
    """No application window is open for this submission (409); the message names the window."""


class DuplicateApplication(DomainError):
    """The legal entity already has an open application in this round (409)."""


class RoundExists(DomainError):
    """The bureau already opened the round of that year (409)."""


@dataclass(frozen=True)
class RuleViolation:
    """One field that breaks a rule; the edge turns each into one field error of a 422."""

    field: str
    message: str
    code: str


class RulesViolated(DomainError):
    """One or more fields break the guideline's rules (422), all reported together."""

    def __init__(self, violations: Sequence[RuleViolation]) -> None:
        self.violations = list(violations)
        super().__init__("; ".join(v.message for v in self.violations))
