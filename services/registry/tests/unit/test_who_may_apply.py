"""Only a legal person registered in Guangzhou may apply (§4.1.2(1)): nothing is kept of anyone else,
not even a draft."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus
from sme_registry.domain.eligibility import applicant_violations
from sme_registry.domain.errors import RulesViolated
from sme_registry.service_layer import applications

from .conftest import Steps, operator
from .forms import COMPLETE

SHENZHEN = "91440300MA5FAB1C2C"  # registered in Shenzhen (division 440300)
INDIVIDUAL_BUSINESS = "92440106MA59C1XE2E"  # 个体工商户 in Tianhe: no legal-person status
INELIGIBLE = pytest.mark.parametrize(
    ("uscc", "code"),
    [(SHENZHEN, "uscc_not_guangzhou"), (INDIVIDUAL_BUSINESS, "individual_business")],
    ids=["shenzhen", "individual-business"],
)


def test_a_guangzhou_legal_person_may_apply_and_a_typo_in_the_check_digit_waits_for_the_submission() -> None:
    assert applicant_violations(COMPLETE) == []
    assert applicant_violations(replace(COMPLETE, uscc="91440106MA59C1XE2T")) == []
    assert applicant_violations(replace(COMPLETE, uscc="91440101MA59XXXXXA")) == []  # the city's own registry


@INELIGIBLE
def test_an_entity_outside_guangzhou_or_without_legal_person_status_may_not_apply(uscc: str, code: str) -> None:
    assert [(v.field, v.code) for v in applicant_violations(replace(COMPLETE, uscc=uscc))] == [("uscc", code)]


@INELIGIBLE
async def test_the_draft_of_an_entity_that_may_not_apply_is_refused_and_nothing_is_kept(
    steps: Steps, uscc: str, code: str
) -> None:
    await steps.open_round()
    with pytest.raises(RulesViolated) as refused:
        await steps.draft(replace(COMPLETE, uscc=uscc))

    assert [(e.field, e.code, e.location) for e in refused.value.field_errors] == [("uscc", code, "body")]
    listed = await applications.list_applications(uow_factory=steps.factory, principal=operator(uscc))
    assert listed.total == 0
    assert steps.world.audited[-1].action == "open_round"


@INELIGIBLE
async def test_a_draft_kept_before_the_rule_is_not_saved_again(steps: Steps, uscc: str, code: str) -> None:
    now = steps.clock.now()
    kept = Application(
        id=str(uuid.uuid4()),
        kind=ApplicationKind.NEW,
        round_year=now.year,
        status=ApplicationStatus.DRAFT,
        form=replace(COMPLETE, uscc=uscc),
        created_at=now,
        updated_at=now,
    )
    async with steps.uow_factory() as uow:
        await uow.applications.add(kept)
        await uow.commit()

    with pytest.raises(RulesViolated) as refused:
        await applications.edit_application(
            uow_factory=steps.factory,
            principal=operator(uscc),
            application_id=kept.id,
            command=applications.FillInForm(form=replace(COMPLETE, uscc=uscc, service_area="全市")),
        )

    assert [(e.field, e.code) for e in refused.value.field_errors] == [("uscc", code)]
    found = await applications.get_application(
        uow_factory=steps.factory, principal=operator(uscc), application_id=kept.id
    )
    assert found.form.service_area == ""
