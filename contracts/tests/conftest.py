"""Shared fixtures of the contract tests."""

from datetime import datetime, timedelta, timezone

import pytest

from sme_contracts.registry import ApplicationKind, ApplicationSubmitted

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture
def submitted() -> ApplicationSubmitted:
    """A registry event as the registry service would publish it."""
    return ApplicationSubmitted(
        application_id="a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11",
        round_year=2026,
        kind=ApplicationKind.NEW,
        uscc="91440101MA5CXXXX0X",
        entity_name="广州市天河区中小企业服务中心有限公司",
        district_code="440106",
        submitted_at=datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI),
    )
