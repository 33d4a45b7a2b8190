"""Rules of the application life cycle, without I/O."""

from datetime import datetime

import pytest

from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus
from sme_registry.domain.errors import InvalidTransition

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def draft() -> Application:
    return Application(
        id="a-1",
        uscc="91440106MA59C1XE2T",
        entity_name="广州市天河区创新企业服务有限公司",
        district_code="440106",
        kind=ApplicationKind.NEW,
        round_year=2026,
        status=ApplicationStatus.DRAFT,
        created_at=NOW,
    )


def test_submitting_a_draft_hands_it_to_the_district_and_says_so() -> None:
    application = draft()
    event = application.submit(NOW)
    assert application.status is ApplicationStatus.SUBMITTED
    assert application.submitted_at == NOW
    assert (event.application_id, event.district_code, event.submitted_at) == ("a-1", "440106", NOW)


def test_an_application_cannot_be_submitted_twice() -> None:
    application = draft()
    application.submit(NOW)
    with pytest.raises(InvalidTransition):
        application.submit(NOW)
