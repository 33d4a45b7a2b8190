"""Applications and the district's review, on the in-memory unit of work: rules, refusals, events."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from sme_contracts import registry as contract
from sme_kit.auth import Principal
from sme_kit.errors import Forbidden, NotFound
from sme_registry.domain.applications import ApplicationKind, ApplicationStatus
from sme_registry.domain.errors import DuplicateApplication, InvalidTransition, RulesViolated, WindowClosed
from sme_registry.domain.forms import AttachmentKind
from sme_registry.service_layer import applications

from .conftest import BUREAU, Steps, district, operator, other_form
from .forms import COMPLETE, USCC

OTHER_USCC = "91440104MA5D0QRT7D"  # 越秀区


async def test_a_complete_application_submitted_in_the_window_is_published(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.submitted()

    [event] = steps.world.events_of(contract.ApplicationSubmitted)
    assert (event.application_id, event.round_year, event.resubmission) == (application_id, 2026, False)
    found = await applications.get_application(
        uow_factory=steps.factory, principal=district(), application_id=application_id
    )
    assert (found.status, found.submissions) == (ApplicationStatus.SUBMITTED, 1)
    assert [row.action for row in steps.world.audited] == ["open_round", "create", "submit"]


async def test_the_uscc_is_kept_as_the_standard_writes_it(steps: Steps) -> None:
    application_id = await steps.draft(replace(COMPLETE, uscc=" 91440106ma59c1xe2h "))
    found = await applications.get_application(
        uow_factory=steps.factory, principal=operator(), application_id=application_id
    )
    assert found.uscc == USCC


async def test_an_operator_cannot_apply_for_another_organisation(steps: Steps) -> None:
    with pytest.raises(Forbidden):
        await applications.create_application(
            uow_factory=steps.factory,
            principal=operator(OTHER_USCC),
            command=applications.FillInForm(form=COMPLETE),
        )


async def test_submitting_twice_is_a_conflict(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.submitted()
    with pytest.raises(InvalidTransition, match="only a draft or a returned application"):
        await steps.submit(application_id)
    assert len(steps.world.events_of(contract.ApplicationSubmitted)) == 1


async def test_submitting_without_an_open_round_is_refused_saying_none_is_open(steps: Steps) -> None:
    application_id = await steps.draft()
    await steps.attach(application_id)
    with pytest.raises(WindowClosed, match="没有开放的服务站申请受理期"):
        await steps.submit(application_id)


async def test_submitting_before_the_window_opens_is_refused_naming_the_window(steps: Steps) -> None:
    await steps.open_round(opens=5, closes=20, deadline=30)
    application_id = await steps.draft()
    await steps.attach(application_id)
    with pytest.raises(WindowClosed) as refused:
        await steps.submit(application_id)
    assert "2026-06-20 至 2026-07-05" in refused.value.detail
    assert "尚未开始" in refused.value.detail
    assert refused.value.kind == "conflict"


async def test_submitting_after_the_window_closed_is_refused_naming_the_window(steps: Steps) -> None:
    await steps.open_round(opens=-20, closes=-1, deadline=10)
    application_id = await steps.draft()
    with pytest.raises(WindowClosed, match="2026-05-26 至 2026-06-14"):
        await steps.submit(application_id)


async def test_a_wrong_check_digit_is_refused_on_submit(steps: Steps) -> None:
    await steps.open_round()
    uscc = "91440106MA59C1XE2T"
    application_id = await steps.draft(replace(COMPLETE, uscc=uscc))
    await steps.attach(application_id)
    with pytest.raises(RulesViolated) as refused:
        await steps.submit(application_id, uscc)
    assert [(e.field, e.code) for e in refused.value.field_errors] == [("uscc", "uscc_check_digit")]


async def test_one_full_time_staff_member_is_refused_on_submit(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.draft(replace(COMPLETE, staff=COMPLETE.staff[:1]))
    await steps.attach(application_id)
    with pytest.raises(RulesViolated) as refused:
        await steps.submit(application_id)
    assert [(e.field, e.code) for e in refused.value.field_errors] == [("staff", "too_few_staff")]


async def test_every_failure_is_named_in_one_answer_and_nothing_changes(steps: Steps) -> None:
    await steps.open_round()
    bad_uscc = "91440106MA59C1XE2T"
    form = replace(COMPLETE, uscc=bad_uscc, station_district_code="440303", legal_representative="", staff=())
    application_id = await steps.draft(form)
    await steps.attach(application_id, (AttachmentKind.BUSINESS_LICENCE,))

    with pytest.raises(RulesViolated) as refused:
        await steps.submit(application_id, bad_uscc)

    assert {(e.field, e.code) for e in refused.value.field_errors} == {
        ("uscc", "uscc_check_digit"),
        ("legal_representative", "required"),
        ("station_district_code", "district_not_guangzhou"),
        ("staff", "too_few_staff"),
        ("attachments.premises_proof", "attachment_missing"),
        ("attachments.management_system", "attachment_missing"),
        ("attachments.staff_proof", "attachment_missing"),
    }
    assert refused.value.code == "validation-failed"
    found = await applications.get_application(
        uow_factory=steps.factory, principal=operator(bad_uscc), application_id=application_id
    )
    assert found.status is ApplicationStatus.DRAFT
    assert steps.world.events_of(contract.ApplicationSubmitted) == []


async def test_a_second_open_application_of_the_same_entity_in_the_round_is_refused(steps: Steps) -> None:
    await steps.open_round()
    await steps.submitted()
    second = await steps.draft()
    await steps.attach(second)
    with pytest.raises(DuplicateApplication, match="已有在办申请"):
        await steps.submit(second)


async def test_a_draft_is_the_applicants_own_until_it_is_submitted(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.draft()
    for someone in (BUREAU, district(), operator(OTHER_USCC)):
        with pytest.raises(NotFound):
            await applications.get_application(
                uow_factory=steps.factory, principal=someone, application_id=application_id
            )
    await steps.attach(application_id)
    await steps.submit(application_id)
    for official in (BUREAU, district()):
        await applications.get_application(uow_factory=steps.factory, principal=official, application_id=application_id)
    with pytest.raises(NotFound):
        await applications.get_application(
            uow_factory=steps.factory, principal=district("440104"), application_id=application_id
        )


async def test_an_application_can_be_edited_while_a_draft_but_not_once_submitted(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.draft()
    edited = await applications.edit_application(
        uow_factory=steps.factory,
        principal=operator(),
        application_id=application_id,
        command=applications.FillInForm(form=replace(COMPLETE, service_area="天河全区")),
    )
    assert edited.form.service_area == "天河全区"
    await steps.attach(application_id)
    await steps.submit(application_id)
    with pytest.raises(InvalidTransition):
        await applications.edit_application(
            uow_factory=steps.factory,
            principal=operator(),
            application_id=application_id,
            command=applications.FillInForm(form=COMPLETE),
        )


async def test_forwarding_publishes_what_review_needs(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.forwarded()
    [event] = steps.world.events_of(contract.ApplicationForwarded)
    assert (event.application_id, event.district_code, event.full_time_staff) == (application_id, "440106", 2)
    assert [s.value for s in event.services] == ["legal", "financing"]
    found = await applications.get_application(
        uow_factory=steps.factory, principal=district(), application_id=application_id
    )
    assert found.status is ApplicationStatus.FORWARDED
    assert [d.decision.value for d in found.decisions] == ["forward"]


async def test_another_district_neither_reads_nor_decides(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.submitted()
    for decision in ("forward", "return", "reject"):
        with pytest.raises(NotFound):
            await steps.decide(application_id, decision, "补充材料", code="440104")
    listed = await applications.list_applications(
        uow_factory=steps.factory, principal=district("440104"), district_code="440106"
    )
    assert (listed.items, listed.total) == ([], 0)


async def test_return_and_reject_without_reasons_are_refused(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.submitted()
    for decision in ("return", "reject"):
        for reasons in ((), ("   ",)):
            with pytest.raises(RulesViolated) as refused:
                await steps.decide(application_id, decision, *reasons)
            assert refused.value.field_errors[0].field == "reasons"


async def test_a_returned_application_is_completed_and_resubmitted(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.submitted()
    await steps.decide(application_id, "return", "请补充专职人员劳动合同")
    await applications.edit_application(
        uow_factory=steps.factory,
        principal=operator(),
        application_id=application_id,
        command=applications.FillInForm(form=replace(COMPLETE, service_area="天河全区")),
    )
    await steps.submit(application_id)

    [returned] = steps.world.events_of(contract.ApplicationReturned)
    assert returned.reasons == ["请补充专职人员劳动合同"]
    assert [e.resubmission for e in steps.world.events_of(contract.ApplicationSubmitted)] == [False, True]


async def test_a_returned_application_may_come_back_after_the_window_until_the_forwarding_deadline(
    steps: Steps,
) -> None:
    await steps.open_round(opens=-10, closes=0, deadline=3)
    application_id = await steps.submitted()
    await steps.decide(application_id, "return", "补充场地证明")
    steps.clock.advance(timedelta(days=2))
    await steps.submit(application_id)
    await steps.decide(application_id, "return", "再次补充")
    steps.clock.advance(timedelta(days=2))
    with pytest.raises(WindowClosed, match="区级初审上报截止日"):
        await steps.submit(application_id)


async def test_a_rejection_closes_the_application_with_its_reasons(steps: Steps) -> None:
    await steps.open_round()
    application_id = await steps.submitted()
    await steps.decide(application_id, "reject", "不具备固定办公场所")
    [event] = steps.world.events_of(contract.ApplicationRejected)
    assert (event.application_id, event.reasons) == (application_id, ["不具备固定办公场所"])
    with pytest.raises(InvalidTransition):
        await steps.decide(application_id, "forward")


async def test_districts_list_their_own_applications_and_the_bureau_sees_all(steps: Steps) -> None:
    await steps.open_round()
    tianhe = await steps.submitted()
    yuexiu = await steps.forwarded(other_form(OTHER_USCC, "440104"))
    await steps.draft(other_form("91440101MA59XXXXXX", "440103"))  # a draft no official sees

    async def ids(principal: Principal, **filters: Any) -> set[str]:
        page = await applications.list_applications(uow_factory=steps.factory, principal=principal, **filters)
        return {a.id for a in page.items}

    assert await ids(district("440106")) == {tianhe}
    assert await ids(district("440104"), status=ApplicationStatus.FORWARDED, round_year=2026) == {yuexiu}
    assert await ids(district("440104"), status=ApplicationStatus.SUBMITTED) == set()
    assert await ids(BUREAU) == {tianhe, yuexiu}
    assert await ids(BUREAU, district_code="440104") == {yuexiu}
    assert await ids(BUREAU, round_year=2025) == set()
    assert await ids(operator()) == {tianhe}


async def test_a_forward_after_the_districts_deadline_is_accepted_and_flagged_for_the_bureau(steps: Steps) -> None:
    await steps.open_round(opens=-10, closes=0, deadline=1)
    application_id = await steps.submitted()
    steps.clock.advance(timedelta(days=3))
    await steps.decide(application_id, "forward")
    forward = next(row for row in steps.world.audited if row.action == "forward")
    assert (forward.target_id, forward.details["after_forwarding_deadline"]) == (application_id, True)


async def test_the_list_finds_part_of_the_name_or_the_uscc_in_any_case_within_the_callers_scope(steps: Steps) -> None:
    await steps.open_round()
    tianhe = await steps.submitted()
    yuexiu = await steps.submitted(other_form(OTHER_USCC, "440104"))

    async def found(principal: Principal, text: str) -> set[str]:
        page = await applications.list_applications(uow_factory=steps.factory, principal=principal, text=text)
        return {a.id for a in page.items}

    assert await found(district("440106"), "天河区创新") == {tianhe}
    assert await found(district("440106"), USCC[-6:].lower()) == {tianhe}
    assert await found(district("440106"), "  ") == {tianhe}  # blank finds everything, as no text does
    assert await found(district("440106"), "440104") == set()  # 越秀's name, but not Tianhe's to see
    assert await found(BUREAU, "企业服务") == {tianhe, yuexiu}
    assert await found(BUREAU, "100%") == set()  # the wildcard is a character like any other


async def test_the_counts_name_every_status_the_caller_sees_with_the_lists_filters_but_status(steps: Steps) -> None:
    await steps.open_round()
    returned = await steps.submitted()
    await steps.decide(returned, "return", "请补充场地证明")
    await steps.forwarded(other_form("91440106MA5AUK3L7C", "440106"))
    await steps.submitted(other_form("91440106MA5CXXCX13", "440106"))
    await steps.submitted(other_form(OTHER_USCC, "440104"))
    await steps.draft(other_form("91440106MA59XXXXXX", "440106"))  # the applicant's own until submitted

    async def counts(principal: Principal, **filters: Any) -> dict[str, int]:
        found = await applications.count_applications(uow_factory=steps.factory, principal=principal, **filters)
        assert found.total == sum(found.by_status.values())
        return {status.value: count for status, count in found.by_status.items()}

    tianhe = await counts(district("440106"))
    assert tianhe == {"submitted": 1, "returned": 1, "rejected": 0, "forwarded": 1, "recognised": 0, "declined": 0}
    assert list(tianhe) == ["submitted", "returned", "rejected", "forwarded", "recognised", "declined"]
    assert (await counts(district("440106"), text="MA5AUK"))["forwarded"] == 1
    assert sum((await counts(district("440106"), text="MA5AUK")).values()) == 1
    assert sum((await counts(district("440106"), round_year=2025)).values()) == 0
    assert sum((await counts(district("440106"), kind=ApplicationKind.RE_REVIEW)).values()) == 0
    assert sum((await counts(district("440104"), district_code="440106")).values()) == 0
    assert (await counts(BUREAU))["submitted"] == 2
    assert (await counts(operator("91440106MA59XXXXXX")))["draft"] == 1
