"""problem+json for raised problems, validation errors, framework errors and crashes."""

from __future__ import annotations

import logging
import re

import httpx
import pytest
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from sme_kit.errors import (
    ApplicationError,
    Conflict,
    FieldError,
    Forbidden,
    Gone,
    NotFound,
    TooManyRequests,
    Unauthenticated,
    Unavailable,
    ValidationFailed,
)
from sme_kit.problems import (
    PROBLEM_JSON,
    Problem,
    ServiceUnavailable,
    Unauthorized,
    install_problem_handlers,
    problem_of,
    problem_responses,
    title_for_status,
)


class DeadlinePassed(Conflict):
    """A domain's own refusal: named after its class."""


class Staff(BaseModel):
    full_time: bool
    phone: str


class Application(BaseModel):
    uscc: str
    staff: list[Staff]


def build_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/stations/{station_id}", responses=problem_responses(401, 403, 404))
    def station(station_id: str) -> dict[str, str]:
        raise NotFound(f"服务站 {station_id} 不存在 (Station {station_id} does not exist)")

    @app.post("/applications", responses=problem_responses(401, 403, 409, 422))
    def submit(application: Application, page: int = 1) -> dict[str, str]:
        return {"uscc": application.uscc}

    @app.post("/objections")
    def object_() -> None:
        raise Conflict(
            "公示期已结束 (The notice period has ended)",
            code="notice-period-ended",
            extensions={"notice_ends_on": "2026-10-09"},
        )

    @app.post("/commands")
    def command() -> None:
        raise ValidationFailed([FieldError("staff", "至少需要 2 名专职人员 (At least 2 full-time staff)", "too_few")])

    @app.post("/plans/{plan_id}/deadline")
    def move_deadline(plan_id: str) -> None:
        facts = {"due": "2026-03-31", "x": None}
        raise DeadlinePassed("截止日期已过，不能再调整 (the deadline has passed)", extensions=facts)

    @app.get("/busy")
    def busy() -> None:
        raise TooManyRequests(retry_after=60)

    @app.get("/teapot")
    def teapot() -> None:
        raise HTTPException(status_code=418, detail="short and stout")

    @app.get("/crash")
    def crash() -> None:
        raise RuntimeError("password=hunter2 at db host 10.0.0.5")

    return app


async def call(method: str, path: str, **kwargs: object) -> httpx.Response:
    transport = httpx.ASGITransport(app=build_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.request(method, path, **kwargs)  # type: ignore[arg-type]


async def test_raised_problem_is_problem_json_with_the_request_path_as_instance() -> None:
    response = await call("GET", "/stations/st-404")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "https://sme.gz.gov.cn/problems/not-found",
        "title": "资源不存在 (Not found)",
        "status": 404,
        "detail": "服务站 st-404 不存在 (Station st-404 does not exist)",
        "instance": "/stations/st-404",
    }


async def test_extensions_and_slug_types_appear_in_the_body() -> None:
    body = (await call("POST", "/objections")).json()

    assert body["status"] == 409
    assert body["type"] == "https://sme.gz.gov.cn/problems/notice-period-ended"
    assert body["notice_ends_on"] == "2026-10-09"


async def test_validation_error_names_every_field() -> None:
    payload = {"uscc": "91440106MA59B1234X", "staff": [{"full_time": True, "phone": "13800138000"}, {"full_time": "x"}]}

    response = await call("POST", "/applications?page=abc", json=payload)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    body = response.json()
    assert body["title"] == "请求参数有误 (Validation failed)"
    assert body["type"] == "https://sme.gz.gov.cn/problems/validation-failed"
    errors = {(error["location"], error["field"]): error for error in body["errors"]}
    assert set(errors) == {("body", "staff.1.full_time"), ("body", "staff.1.phone"), ("query", "page")}
    assert errors[("body", "staff.1.phone")]["code"] == "missing"
    assert all(error["message"] for error in body["errors"])
    assert "3" in body["detail"]


async def test_validation_error_does_not_echo_the_submitted_values() -> None:
    payload = {"uscc": "91440106MA59B1234X", "staff": [{"full_time": "not-a-bool", "phone": "13800138000"}]}

    response = await call("POST", "/applications", json=payload)

    assert "not-a-bool" not in response.text
    assert "13800138000" not in response.text


async def test_missing_body_is_reported_with_its_location_as_field() -> None:
    body = (await call("POST", "/applications")).json()

    assert body["errors"] == [{"field": "body", "message": "Field required", "code": "missing", "location": "body"}]


async def test_validation_failed_raised_by_a_service_lists_its_errors() -> None:
    body = (await call("POST", "/commands")).json()

    assert body["status"] == 422
    assert body["errors"] == [
        {"field": "staff", "message": "至少需要 2 名专职人员 (At least 2 full-time staff)", "code": "too_few"}
    ]


async def test_unknown_route_is_a_problem_json_404() -> None:
    response = await call("GET", "/nowhere")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["title"] == "资源不存在 (Not found)"
    assert response.json()["instance"] == "/nowhere"


async def test_wrong_method_is_a_problem_json_405_keeping_the_allow_header() -> None:
    response = await call("DELETE", "/stations/st-1")

    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["allow"] == "GET"


async def test_framework_http_exception_keeps_its_own_detail() -> None:
    body = (await call("GET", "/teapot")).json()

    assert body["status"] == 418
    assert body["detail"] == "short and stout"


async def test_unexpected_exception_is_a_generic_500_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="sme_kit.problems"):
        response = await call("GET", "/crash")

    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM_JSON
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    assert "Traceback" not in response.text
    assert response.json()["title"] == "服务器内部错误 (Internal server error)"
    [record] = [r for r in caplog.records if r.name == "sme_kit.problems"]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)


async def test_too_many_requests_sets_retry_after() -> None:
    response = await call("GET", "/busy")

    assert response.status_code == 429
    assert response.headers["retry-after"] == "60"


def test_unauthorized_carries_a_bearer_challenge() -> None:
    assert Unauthorized().headers["WWW-Authenticate"] == "Bearer"
    assert Unauthorized(headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}).headers == {
        "WWW-Authenticate": 'Bearer error="invalid_token"'
    }


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFound(), 404),
        (Conflict(), 409),
        (Forbidden(), 403),
        (Gone(), 410),
        (Unauthenticated(), 401),
        (TooManyRequests(), 429),
        (Unavailable(retry_after=5), 503),
        (ValidationFailed([]), 422),
    ],
)
def test_each_kind_of_refusal_has_its_status_and_a_bilingual_title(error: ApplicationError, status: int) -> None:
    problem = problem_of(error)
    assert problem.status == status
    assert re.fullmatch(r"[^\x00-\x7f]+.* \([A-Za-z ]+\)", problem.title), problem.title
    assert problem.detail


def test_edge_problems_have_their_status_and_a_bilingual_title() -> None:
    for problem, status in ((Unauthorized(), 401), (ServiceUnavailable(retry_after=5), 503), (Problem(), 500)):
        assert problem.status == status
        assert re.fullmatch(r"[^\x00-\x7f]+.* \([A-Za-z ]+\)", problem.title), problem.title


async def test_a_domain_refusal_is_named_after_its_class_and_keeps_its_facts() -> None:
    response = await call("POST", "/plans/p-1/deadline")

    assert response.status_code == 409
    body = response.json()
    assert body["type"] == "https://sme.gz.gov.cn/problems/deadline-passed"
    assert body["due"] == "2026-03-31"
    assert "x" not in body


def test_an_unauthenticated_refusal_carries_the_bearer_challenge() -> None:
    assert problem_of(Unauthenticated()).headers["WWW-Authenticate"] == "Bearer"


def test_plain_problem_defaults_to_about_blank_and_accepts_absolute_type_uris() -> None:
    assert Problem(status=400).type == "about:blank"
    assert Problem(status=400).title == title_for_status(400)
    assert problem_of(Conflict(code="https://example.org/p/x")).type == "https://example.org/p/x"


def test_extensions_may_not_redefine_standard_members() -> None:
    with pytest.raises(ValueError, match="status"):
        problem_of(Conflict(extensions={"status": 200}))


def test_problem_responses_document_problem_json_in_openapi() -> None:
    spec = build_app().openapi()

    responses = spec["paths"]["/applications"]["post"]["responses"]
    for status in ("401", "403", "409", "422"):
        assert list(responses[status]["content"]) == [PROBLEM_JSON], status
    assert "errors" in responses["422"]["content"][PROBLEM_JSON]["schema"]["properties"]
    assert responses["409"]["description"] == "与当前状态冲突 (Conflict)"
    assert "404" in spec["paths"]["/stations/{station_id}"]["get"]["responses"]
