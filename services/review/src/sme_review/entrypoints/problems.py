"""Review's domain errors as problem+json: field errors as one 422, state conflicts as 409 with what to fix."""

from __future__ import annotations

import re

from fastapi import FastAPI, Request

from sme_kit.problems import Conflict, FieldError, ProblemResponse, ValidationFailed
from sme_review.domain.errors import InvalidInput, StateConflict


def install(app: FastAPI) -> None:
    """Register the handlers (the composition root calls this once)."""
    app.add_exception_handler(InvalidInput, _invalid_input)
    app.add_exception_handler(StateConflict, _state_conflict)


async def _invalid_input(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, InvalidInput)
    problem = ValidationFailed([FieldError(p.field, p.message, p.code, "body") for p in exc.problems])
    return ProblemResponse(problem.to_body(request.url.path), status_code=problem.status)


async def _state_conflict(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StateConflict)
    slug = re.sub(r"(?<!^)(?=[A-Z])", "-", type(exc).__name__).lower()
    details = {key: value for key, value in exc.details.items() if value is not None}
    problem = Conflict(str(exc), type=slug, extensions=details)
    return ProblemResponse(problem.to_body(request.url.path), status_code=problem.status)
