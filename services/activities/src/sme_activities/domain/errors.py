"""Errors the activities rules raise; kinds of the kit's refusals, which the HTTP edge maps to problem+json."""

from collections.abc import Sequence

from sme_kit.errors import FieldError, Invalid, TooManyRequests, ValidationFailed


class DomainError(Invalid):
    """A rule of the guideline refused the command as asked (answered 422)."""


class StateConflict(DomainError):
    """The command is well formed but the current state does not allow it (answered 409)."""

    kind = "conflict"


class StationNotActive(StateConflict):
    """Only stations whose title is active may organise, co-organise, report or receive requests."""


class CapacityReached(StateConflict):
    """Every place of the activity is taken."""


class AlreadyRegistered(StateConflict):
    """One registration per enterprise (USCC) and activity."""


class ConfirmationGone(DomainError):
    """The pending form is void: its code expired, or too many wrong codes were entered (answered 410)."""

    kind = "gone"


class WrongCode(DomainError):
    """The one-time code entered is not the one sent; ``attempts_left`` more may be tried.

    Answered as a failed validation of the field ``code`` (the form shows it there) with
    ``attempts_left`` beside it; the public site reads both.
    """

    default_code = "validation-failed"

    def __init__(self, attempts_left: int) -> None:
        message = (
            f"验证码不正确，还可尝试 {attempts_left} 次 (the code is not the one sent; attempts left: {attempts_left})"
        )
        super().__init__(
            message,
            field_errors=[FieldError("code", message, "wrong_code", "body")],
            extensions={"attempts_left": attempts_left},
        )
        self.attempts_left = attempts_left


class ResendTooSoon(TooManyRequests):
    """A new code was asked for too soon after the last one; ``retry_after`` seconds to wait (Retry-After)."""

    default_code = "too-many-requests"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"验证码刚刚发送，请 {retry_after} 秒后再重新获取 (a code was just sent; ask again in {retry_after} s)",
            retry_after=retry_after,
        )


class ResendLimitReached(StateConflict):
    """Every resend a pending form allows was used."""


class MonthPlannedTwice(ValidationFailed):
    """The plan of a year names a month more than once (each month has one theme); answered like any
    field that failed validation, on the field ``months``."""

    default_code = "validation-failed"

    def __init__(self, months: Sequence[int]) -> None:
        super().__init__([FieldError("months", "同一月份只能填写一次 (each month once)", "value_error", "body")])
        self.months = sorted(set(months))


class NotAnActiveStation(ValidationFailed):
    """The station a request is routed to is unknown or its title is not active: answered like a field
    that failed validation, on the field ``station_id`` (the form shows it there)."""

    default_code = "validation-failed"

    def __init__(self, station_id: str) -> None:
        message = f"服务站 {station_id} 不是有效服务站，不能接收转派 (station {station_id} is not an active station)"
        super().__init__([FieldError("station_id", message, "not_active", "body")], detail=message)
        self.station_id = station_id
