"""The notice's deadline: objections until 23:59:59 of the last working day, Asia/Shanghai."""

from datetime import datetime, timedelta

import pytest

from sme_kit.vocabulary import SHANGHAI
from sme_review.domain.cases import CaseStatus, Recommendation
from sme_review.domain.errors import StateConflict
from sme_review.domain.notices import NoticeStatus, notice_entries, objection_guidance

from .factories import case, notice


def test_objections_are_accepted_until_the_last_second_of_the_last_day() -> None:
    published = notice()
    published.ensure_accepting_objections(datetime(2026, 10, 9, 23, 59, 59, 999000, tzinfo=SHANGHAI))
    with pytest.raises(StateConflict, match="2026年10月09日 23:59:59") as refused:
        published.ensure_accepting_objections(datetime(2026, 10, 10, 0, 0, tzinfo=SHANGHAI))
    assert refused.value.details == {"deadline": "2026-10-09T23:59:59+08:00"}


def test_the_notice_closes_at_midnight_after_its_last_day_and_only_once() -> None:
    published = notice()
    assert published.closes_at == datetime(2026, 10, 10, tzinfo=SHANGHAI)
    with pytest.raises(StateConflict):
        published.end(published.closes_at - timedelta(seconds=1))
    assert published.end(published.closes_at)
    assert published.status is NoticeStatus.ENDED
    assert not published.end(published.closes_at + timedelta(days=1))
    with pytest.raises(StateConflict):
        published.ensure_accepting_objections(datetime(2026, 10, 9, 12, tzinfo=SHANGHAI))


def test_the_notice_lists_the_shortlist_in_the_bureaus_order_and_an_empty_one_is_not_published() -> None:
    second = case("c-2", status=CaseStatus.SHORTLISTED, recommendation=Recommendation.RECOMMEND, rank=2)
    first = case("c-1", status=CaseStatus.SHORTLISTED, recommendation=Recommendation.RECOMMEND, rank=1)
    left_off = case("c-3", status=CaseStatus.NOT_SHORTLISTED, recommendation=Recommendation.RECOMMEND)
    assert [e.application_id for e in notice_entries([second, left_off, first])] == ["app-c-1", "app-c-2"]
    with pytest.raises(StateConflict, match="入围名单为空"):
        notice_entries([left_off])


def test_the_guidance_says_how_and_until_when_to_object() -> None:
    text = objection_guidance(notice())
    assert "2026年10月09日 23:59:59" in text
    assert all(part in text for part in ("加盖公章", "实名", "020-12345678"))
