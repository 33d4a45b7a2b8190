"""The errors a use case or a domain rule raises when it refuses a command.

They say *what kind* of refusal it is (not found, not allowed, conflicts with the state, wrong
input, gone, too soon) and carry a message meant for the user; they know nothing of HTTP. The
one mapping at the edge (`sme_kit.problems`) turns each kind into its problem+json status.

Pure (standard library only): domains may import this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

__all__ = [
    "ApplicationError",
    "Conflict",
    "ErrorKind",
    "FieldError",
    "Forbidden",
    "Gone",
    "Invalid",
    "NotFound",
    "TooManyRequests",
    "Unauthenticated",
    "Unavailable",
    "ValidationFailed",
]

ErrorKind = Literal[
    "invalid", "unauthenticated", "forbidden", "not-found", "conflict", "gone", "too-many-requests", "unavailable"
]


@dataclass(frozen=True, slots=True)
class FieldError:
    """One field that failed validation; `field` is a dotted path such as `staff.1.phone`."""

    field: str
    message: str
    code: str = "invalid"
    location: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The JSON form used in the `errors` member; `location` only when known."""
        body = {"field": self.field, "message": self.message, "code": self.code}
        if self.location is not None:
            body["location"] = self.location
        return body


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


class ApplicationError(Exception):
    """A command refused, of one `kind`; `code` names this refusal for clients (e.g. ``window-closed``).

    A subclass that does not set ``default_code`` itself is named after its class
    (``DeadlinePassed`` → ``deadline-passed``). ``extensions`` are facts the caller needs to put it
    right (a deadline, the missing pieces); members that are None are left out.
    """

    kind: ClassVar[ErrorKind] = "invalid"
    default_code: ClassVar[str | None] = None
    default_detail: ClassVar[str] = "请求未被接受 (The request was refused)"

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self.detail = detail or self.default_detail
        self.code = code or type(self).__dict__.get("default_code") or _kebab(type(self).__name__)
        self.extensions = {key: value for key, value in (extensions or {}).items() if value is not None}
        super().__init__(self.detail)


class Invalid(ApplicationError):
    """The command as asked breaks a rule; `field_errors` names each wrong field when there are any."""

    kind: ClassVar[ErrorKind] = "invalid"
    default_detail = "请求参数有误 (Validation failed)"

    def __init__(
        self,
        detail: str | None = None,
        *,
        field_errors: Sequence[FieldError] = (),
        code: str | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self.field_errors = list(field_errors)
        super().__init__(detail, code=code, extensions=extensions)


class ValidationFailed(Invalid):
    """One or more fields are wrong; every one of them is named."""

    default_code = "validation-failed"

    def __init__(self, errors: Sequence[FieldError], detail: str | None = None, **kwargs: Any) -> None:
        count = len(errors)
        super().__init__(
            detail or f"有 {count} 项参数不符合要求 ({count} field(s) failed validation)",
            field_errors=errors,
            **kwargs,
        )

    @property
    def errors(self) -> list[FieldError]:
        return self.field_errors


class Unauthenticated(ApplicationError):
    """No valid credentials came with the request."""

    kind: ClassVar[ErrorKind] = "unauthenticated"
    default_code = "unauthorized"
    default_detail = "需要身份认证 (Authentication required)"


class Forbidden(ApplicationError):
    """The caller is known, but may not act on this object."""

    kind: ClassVar[ErrorKind] = "forbidden"
    default_code = "forbidden"
    default_detail = "无权执行此操作 (Forbidden)"


class NotFound(ApplicationError):
    """The object does not exist — or the caller may not know that it does."""

    kind: ClassVar[ErrorKind] = "not-found"
    default_code = "not-found"
    default_detail = "资源不存在 (Not found)"


class Conflict(ApplicationError):
    """The command contradicts the current state (a deadline passed, already decided, …)."""

    kind: ClassVar[ErrorKind] = "conflict"
    default_code = "conflict"
    default_detail = "与当前状态冲突 (Conflict)"


class Gone(ApplicationError):
    """The object existed but is void for good (an expired confirmation, …)."""

    kind: ClassVar[ErrorKind] = "gone"
    default_code = "gone"
    default_detail = "已失效 (Gone)"


class _Retryable(ApplicationError):
    def __init__(self, detail: str | None = None, *, retry_after: int | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.retry_after = retry_after


class TooManyRequests(_Retryable):
    """Too soon; `retry_after` seconds to wait."""

    kind: ClassVar[ErrorKind] = "too-many-requests"
    default_code = "too-many-requests"
    default_detail = "请求过于频繁 (Too many requests)"


class Unavailable(_Retryable):
    """A dependency (database, broker, identity provider) is down; try again later."""

    kind: ClassVar[ErrorKind] = "unavailable"
    default_code = "service-unavailable"
    default_detail = "服务暂不可用 (Service unavailable)"
