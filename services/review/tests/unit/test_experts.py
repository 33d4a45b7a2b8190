"""Conflicts of interest: declared organisations and the expert's own organisation."""

import pytest

from sme_review.domain.errors import ConflictOfInterest
from sme_review.domain.experts import conflict_reason, ensure_no_conflict

from .factories import APPLICANT_USCC, expert


def test_an_expert_from_the_applicants_own_organisation_may_not_review_it() -> None:
    reason = conflict_reason(expert(org_uscc=APPLICANT_USCC), [], APPLICANT_USCC)
    assert reason is not None
    assert "本单位" in reason


def test_an_expert_may_not_review_an_organisation_it_declared_a_conflict_with_however_it_was_typed() -> None:
    with pytest.raises(ConflictOfInterest, match="利益冲突") as refused:
        ensure_no_conflict(expert(), [APPLICANT_USCC.lower() + " "], APPLICANT_USCC)
    assert refused.value.details == {"expert_id": "expert-lin"}


def test_an_expert_without_a_conflict_may_review() -> None:
    assert conflict_reason(expert(), ["91440104MA5AB1CD2X"], APPLICANT_USCC) is None
