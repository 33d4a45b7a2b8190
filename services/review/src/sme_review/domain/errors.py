"""Errors the review rules raise: kinds of the kit's refusals. Messages are meant for the user (Chinese,
English in parentheses); the one mapping at the HTTP edge turns them into problem+json."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sme_kit.errors import Conflict, FieldError, ValidationFailed


class StateConflict(Conflict):
    """The command contradicts the current state (a deadline passed, a step is missing, already decided).

    ``details`` names what the caller needs to put it right (a deadline, the missing pieces); they
    reach the client as members of the problem.
    """

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message, extensions=details)
        self.details: Mapping[str, Any] = details


class ConflictOfInterest(StateConflict):
    """An expert may not review this applicant: a declared conflict, or the expert's own organisation."""


class ReminderRefused(StateConflict):
    """A reminder to an expert the rules do not allow; ``reason`` says which rule (recused, withdrawn,
    sheet_submitted, not_overdue, reminded_today)."""


@dataclass(frozen=True)
class FieldProblem:
    """One field of a command that is wrong, and why."""

    field: str
    message: str
    code: str = "invalid"


class InvalidInput(ValidationFailed):
    """Some fields of a command are wrong; every one of them is named."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__([FieldError(p.field, p.message, p.code, "body") for p in problems])
        self.problems = list(problems)


def refuse(problems: Sequence[FieldProblem]) -> None:
    """Raise InvalidInput naming every problem, if there are any."""
    if problems:
        raise InvalidInput(problems)
