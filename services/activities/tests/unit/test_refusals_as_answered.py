"""The domain's refusals carry their kind and facts; the kit's one mapping answers them exactly as the
public site and the end-to-end tests expect (type, detail, errors, attempts_left, awaiting_confirmation,
Retry-After)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from sme_activities.domain.confirmations import (
    AwaitingConfirmation,
    ConfirmationPurpose,
    Contact,
    ContactChannel,
    ContactConfirmation,
)
from sme_activities.domain.errors import MonthPlannedTwice, ResendTooSoon, WrongCode
from sme_activities.domain.theme_months import check_year_plan
from sme_activities.entrypoints.confirmation import CodeSent
from sme_kit.problems import problem_of

BASE = "https://sme.gz.gov.cn/problems/"


def confirmation(now: datetime) -> ContactConfirmation:
    return ContactConfirmation.issue(
        reference="r-1",
        purpose=ConfirmationPurpose.SERVICE_REQUEST,
        contact=Contact(ContactChannel.SMS, "13800138000"),
        sent_to="138****8000",
        code="123456",
        salt="00" * 16,
        now=now,
    )


def test_a_wrong_code_is_a_failed_validation_of_the_field_code_with_the_attempts_left() -> None:
    problem = problem_of(WrongCode(3))
    message = "验证码不正确，还可尝试 3 次 (the code is not the one sent; attempts left: 3)"

    assert (problem.status, problem.headers) == (422, {})
    assert problem.to_body() == {
        "type": BASE + "validation-failed",
        "title": "请求参数有误 (Validation failed)",
        "status": 422,
        "detail": message,
        "attempts_left": 3,
        "errors": [{"field": "code", "message": message, "code": "wrong_code", "location": "body"}],
    }


def test_a_new_code_asked_for_too_soon_is_a_429_with_retry_after() -> None:
    problem = problem_of(ResendTooSoon(42))

    assert (problem.status, problem.headers) == (429, {"Retry-After": "42"})
    assert problem.to_body() == {
        "type": BASE + "too-many-requests",
        "title": "请求过于频繁 (Too many requests)",
        "status": 429,
        "detail": "验证码刚刚发送，请 42 秒后再重新获取 (a code was just sent; ask again in 42 s)",
    }


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 11, 30, 2, 0, tzinfo=UTC),
        datetime(2026, 11, 30, 2, 0, 0, 250000, tzinfo=UTC),
        datetime.fromisoformat("2026-11-30T10:00:07.5+08:00"),
    ],
)
def test_a_form_awaiting_its_code_is_a_409_saying_where_the_code_went_as_the_receipt_does(now: datetime) -> None:
    waiting = confirmation(now)
    problem = problem_of(AwaitingConfirmation(waiting))
    body = problem.to_body()

    assert (problem.status, body["type"]) == (409, BASE + "awaiting-confirmation")
    assert body["detail"] == (
        "尚待确认：请输入发送至 138****8000 的验证码完成提交 "
        "(awaiting confirmation: enter the code sent to 138****8000)"
    )
    # Byte for byte what the receipt of the form says (same members, same order, same time format).
    assert json.dumps(body["awaiting_confirmation"]) == json.dumps(CodeSent.of(waiting).model_dump(mode="json"))


def test_once_no_resend_is_left_the_awaiting_answer_says_so_with_null() -> None:
    now = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    waiting = confirmation(now)
    for step in range(1, 4):
        waiting.reissue(code="654321", salt="11" * 16, now=now + timedelta(minutes=step))

    facts = problem_of(AwaitingConfirmation(waiting)).to_body()["awaiting_confirmation"]

    assert (facts["resend_after"], facts["resends_left"]) == (None, 0)
    assert json.dumps(facts) == json.dumps(CodeSent.of(waiting).model_dump(mode="json"))


def test_the_plan_of_a_year_names_each_month_at_most_once() -> None:
    check_year_plan([3, 6, 9])

    with pytest.raises(MonthPlannedTwice) as twice:
        check_year_plan([3, 6, 3])

    assert twice.value.months == [3]
    assert problem_of(twice.value).to_body() == {
        "type": BASE + "validation-failed",
        "title": "请求参数有误 (Validation failed)",
        "status": 422,
        "detail": "有 1 项参数不符合要求 (1 field(s) failed validation)",
        "errors": [
            {
                "field": "months",
                "message": "同一月份只能填写一次 (each month once)",
                "code": "value_error",
                "location": "body",
            }
        ],
    }
