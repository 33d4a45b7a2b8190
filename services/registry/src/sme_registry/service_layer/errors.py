"""Turning the domain's rule violations into the one 422 the client reads."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from sme_kit.problems import FieldError, ValidationFailed
from sme_registry.domain.errors import RulesViolated, RuleViolation


def validation_failed(violations: Sequence[RuleViolation]) -> ValidationFailed:
    """One 422 naming every field that breaks a rule."""
    return ValidationFailed([FieldError(v.field, v.message, v.code, "body") for v in violations])


def refuse(violations: Sequence[RuleViolation]) -> None:
    """Raise the 422 when there is anything to report."""
    if violations:
        raise validation_failed(violations)


@contextlib.contextmanager
def violations_as_422() -> Iterator[None]:
    """Let a domain method's RulesViolated reach the client as field errors."""
    try:
        yield
    except RulesViolated as error:
        raise validation_failed(error.violations) from error
