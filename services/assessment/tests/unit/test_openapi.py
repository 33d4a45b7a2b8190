"""The API describes itself: every endpoint has a summary and says which problems it answers, and the
forms carry Chinese examples."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from sme_assessment.bootstrap import app as assessment_app
from sme_assessment.config import AssessmentSettings


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    settings = AssessmentSettings(
        database_url="sqlite+aiosqlite:///unused.sqlite", auth_dev_secret=secrets.token_urlsafe(32), environment="test"
    )
    return assessment_app(settings).openapi()


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def test_every_endpoint_has_a_summary_and_every_guarded_one_documents_401(document: dict[str, Any]) -> None:
    assert [name for name, operation in operations(document) if not operation.get("summary")] == []
    own = [
        (name, operation)
        for name, operation in operations(document)
        if name.split()[1].startswith(("/cycles", "/work-documents", "/rectifications", "/revocations", "/reports"))
    ]
    assert len(own) > 20
    assert [name for name, operation in own if "401" not in operation["responses"]] == []


def test_the_forms_carry_chinese_examples(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    decision = schemas["DecisionIn"]["examples"][0]
    assert decision["decision"] == "revoke"
    assert "撤销服务站称号" in decision["reason"]
    assert schemas["ReassessmentIn"]["examples"][0]["opinion"] == "整改措施落实到位，宣讲任务已补足"
    assert schemas["NonParticipationIn"]["examples"][1]["excused"] is True
    assert schemas["CycleIn"]["examples"][1]["indicators"][-1]["name"] == "服务质量综合评价"
