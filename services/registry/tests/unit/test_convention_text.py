"""The convention's text: every version stations may be asked to sign has its articles here."""

from __future__ import annotations

import secrets

import pytest
from pydantic import ValidationError

from sme_registry.config import RegistrySettings
from sme_registry.domain.convention import ARTICLES


def test_the_articles_restate_the_guideline_s_duties_of_a_station() -> None:
    text = "".join(ARTICLES["2026.1"])
    for duty in ("不少于2名专职工作人员", "宣讲不少于三次", "变更完成后30日内", "工作计划及工作情况总结", "复核"):
        assert duty in text


def test_a_version_without_its_text_is_refused_at_start_up() -> None:
    with pytest.raises(ValidationError, match=r"2099\.1"):
        RegistrySettings(
            database_url="sqlite+aiosqlite:///unused.sqlite",
            auth_dev_secret=secrets.token_urlsafe(32),
            environment="test",
            convention_version="2099.1",
        )
