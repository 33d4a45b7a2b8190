"""RFC 9457 problem details: the one error shape every service answers with, and the one mapping to it.

Use cases and domains raise `sme_kit.errors` (`NotFound`, `Conflict`, a domain's own subclasses, …),
which know nothing of HTTP; `install_problem_handlers(app)` is the one place that turns those —
and request validation errors, framework HTTP errors and unexpected exceptions — into
`application/problem+json` responses, each kind with its status. Only the HTTP edge raises a
`Problem` itself (`Unauthorized` with its challenge header, `ServiceUnavailable`).
`problem_responses(...)` documents them in OpenAPI.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from opentelemetry import trace
from starlette.exceptions import HTTPException as StarletteHTTPException

from sme_kit.errors import (
    ApplicationError,
    Conflict,
    ErrorKind,
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    TooManyRequests,
    Unavailable,
    ValidationFailed,
)

__all__ = [
    "PROBLEM_JSON",
    "PROBLEM_TYPE_BASE",
    "STATUS_OF_KIND",
    "Problem",
    "ProblemResponse",
    "ServiceUnavailable",
    "Unauthorized",
    "install_problem_handlers",
    "problem_of",
    "problem_responses",
    "title_for_status",
]

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE_BASE = "https://sme.gz.gov.cn/problems/"

_log = logging.getLogger("sme_kit.problems")

_TITLES: dict[int, str] = {
    400: "请求有误 (Bad request)",
    401: "需要身份认证 (Authentication required)",
    403: "无权执行此操作 (Forbidden)",
    404: "资源不存在 (Not found)",
    405: "不支持该请求方法 (Method not allowed)",
    406: "无法提供所请求的格式 (Not acceptable)",
    409: "与当前状态冲突 (Conflict)",
    410: "已失效 (Gone)",
    413: "请求内容过大 (Content too large)",
    415: "不支持的内容类型 (Unsupported media type)",
    422: "请求参数有误 (Validation failed)",
    429: "请求过于频繁 (Too many requests)",
    500: "服务器内部错误 (Internal server error)",
    503: "服务暂不可用 (Service unavailable)",
}

# Members defined by RFC 9457; extensions may not shadow them.
_STANDARD_MEMBERS = frozenset({"type", "title", "status", "detail", "instance"})


def title_for_status(status: int) -> str:
    """The bilingual title used for `status` when a problem does not name its own."""
    if status in _TITLES:
        return _TITLES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "错误 (Error)"


class Problem(Exception):
    """An error a client should see as problem+json. Subclasses fix the status and type."""

    default_status: int = 500
    default_slug: str | None = None

    def __init__(
        self,
        detail: str | None = None,
        *,
        status: int | None = None,
        title: str | None = None,
        type: str | None = None,
        extensions: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status or self.default_status
        self.title = title or title_for_status(self.status)
        self.detail = detail or self.title
        self.type = _type_uri(type or self.default_slug)
        self.extensions = dict(extensions or {})
        self.headers = dict(headers or {})
        clashes = _STANDARD_MEMBERS & self.extensions.keys()
        if clashes:
            raise ValueError(f"problem extensions may not redefine {sorted(clashes)}")
        super().__init__(self.detail)

    def to_body(self, instance: str | None = None) -> dict[str, Any]:
        """The problem+json document; `instance` is the request path that failed."""
        body: dict[str, Any] = {"type": self.type, "title": self.title, "status": self.status, "detail": self.detail}
        if instance is not None:
            body["instance"] = instance
        body.update(self.extensions)
        return body


def _type_uri(type_or_slug: str | None) -> str:
    if not type_or_slug:
        return "about:blank"
    # Absolute URIs pass through; bare slugs name one of this programme's problem types.
    return type_or_slug if ":" in type_or_slug else PROBLEM_TYPE_BASE + type_or_slug


class Unauthorized(Problem):
    """401: no valid bearer token. Carries `WWW-Authenticate: Bearer` unless told otherwise."""

    default_status = 401
    default_slug = "unauthorized"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class _RetryableProblem(Problem):
    def __init__(self, detail: str | None = None, *, retry_after: int | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.retry_after = retry_after
        if retry_after is not None:
            self.headers.setdefault("Retry-After", str(retry_after))


class ServiceUnavailable(_RetryableProblem):
    """503: a dependency (database, broker, identity provider) is down; try again later."""

    default_status = 503
    default_slug = "service-unavailable"


class ProblemResponse(JSONResponse):
    """A JSON response with the problem+json media type."""

    media_type = PROBLEM_JSON


def _respond(problem: Problem, request: Request) -> ProblemResponse:
    return ProblemResponse(problem.to_body(request.url.path), status_code=problem.status, headers=problem.headers)


# The one mapping from a refusal's kind to its HTTP status.
STATUS_OF_KIND: Mapping[ErrorKind, int] = {
    "invalid": 422,
    "unauthenticated": 401,
    "forbidden": 403,
    "not-found": 404,
    "conflict": 409,
    "gone": 410,
    "too-many-requests": 429,
    "unavailable": 503,
}


def problem_of(error: ApplicationError) -> Problem:
    """The problem+json a refused command is answered with: its kind's status, its code, its facts."""
    status = STATUS_OF_KIND[error.kind]
    extensions = dict(error.extensions)
    if isinstance(error, Invalid) and error.field_errors:
        extensions["errors"] = [field.as_dict() for field in error.field_errors]
    headers: dict[str, str] = {}
    if isinstance(error, TooManyRequests | Unavailable) and error.retry_after is not None:
        headers["Retry-After"] = str(error.retry_after)
    if error.kind == "unauthenticated":
        headers["WWW-Authenticate"] = "Bearer"
    return Problem(error.detail, status=status, type=error.code, extensions=extensions, headers=headers)


async def _handle_application_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, ApplicationError)
    return _respond(problem_of(exc), request)


async def _handle_problem(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, Problem)
    if exc.status >= 500:
        _log.warning("problem %s on %s %s: %s", exc.status, request.method, request.url.path, exc.detail)
    return _respond(exc, request)


async def _handle_validation(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    return _respond(problem_of(ValidationFailed([_field_error(error) for error in exc.errors()])), request)


def _field_error(error: Mapping[str, Any]) -> FieldError:
    # loc is (location, *path), e.g. ("body", "staff", 1, "phone"). The input value is left out
    # on purpose: it may carry personal data and the client already has it.
    location, *path = error.get("loc") or ("body",)
    return FieldError(
        field=".".join(str(part) for part in path) or str(location),
        message=str(error.get("msg", "")),
        code=str(error.get("type", "invalid")),
        location=str(location),
    )


async def _handle_http_exception(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = title_for_status(exc.status_code)
    # Starlette's default detail is the English status phrase; the bilingual title says more.
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != _phrase(exc.status_code) else title
    problem = Problem(detail, status=exc.status_code, title=title, headers=exc.headers)
    return _respond(problem, request)


def _phrase(status: int) -> str | None:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return None


async def _handle_unexpected(request: Request, exc: Exception) -> ProblemResponse:
    _log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    extensions: dict[str, Any] = {}
    span = trace.get_current_span().get_span_context()
    if span.is_valid:
        # Lets support find the logs of this request without exposing anything internal.
        extensions["trace_id"] = format(span.trace_id, "032x")
    problem = Problem(
        "服务器内部错误，请稍后重试 (An unexpected error occurred; please try again later)",
        status=500,
        type="internal-error",
        extensions=extensions,
    )
    return _respond(problem, request)


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error `app` returns a problem+json document (call once in the app factory)."""
    app.add_exception_handler(Problem, _handle_problem)
    app.add_exception_handler(ApplicationError, _handle_application_error)
    app.add_exception_handler(RequestValidationError, _handle_validation)
    app.add_exception_handler(StarletteHTTPException, _handle_http_exception)
    app.add_exception_handler(Exception, _handle_unexpected)


_PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "ProblemDetails",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "format": "uri-reference", "description": "problem type URI"},
        "title": {"type": "string", "description": "short bilingual summary of the problem type"},
        "status": {"type": "integer", "description": "HTTP status code"},
        "detail": {"type": "string", "description": "explanation of this occurrence"},
        "instance": {"type": "string", "description": "path of the request that failed"},
    },
    "additionalProperties": True,
}

_VALIDATION_SCHEMA: dict[str, Any] = {
    **_PROBLEM_SCHEMA,
    "title": "ValidationProblemDetails",
    "required": ["type", "title", "status", "errors"],
    "properties": {
        **_PROBLEM_SCHEMA["properties"],
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message", "code"],
                "properties": {
                    "field": {"type": "string", "description": "dotted path, e.g. staff.1.phone"},
                    "message": {"type": "string"},
                    "code": {"type": "string", "description": "machine-readable error code"},
                    "location": {"type": "string", "enum": ["body", "query", "path", "header", "cookie"]},
                },
            },
        },
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries showing problem+json for each status, e.g. (401, 403, 404)."""
    return {status: _documented(status) for status in statuses}


def _documented(status: int) -> dict[str, Any]:
    example = _example(status)
    schema = _VALIDATION_SCHEMA if status == 422 else _PROBLEM_SCHEMA
    return {"description": example["title"], "content": {PROBLEM_JSON: {"schema": schema, "example": example}}}


def _example(status: int) -> dict[str, Any]:
    if status == 422:
        example = ValidationFailed([FieldError("staff.1.phone", "Field required", "missing", "body")])
        return problem_of(example).to_body()
    if status == Unauthorized.default_status:
        return Unauthorized().to_body()
    for kind in (Forbidden, NotFound, Conflict, TooManyRequests, Unavailable):
        if STATUS_OF_KIND[kind.kind] == status:
            return problem_of(kind()).to_body()
    return Problem(status=status).to_body()
