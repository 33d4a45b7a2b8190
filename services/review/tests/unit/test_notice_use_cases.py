"""The notice, objections and the final list, through the use cases on the in-memory unit of work."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract
from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound, ValidationFailed
from sme_kit.files import FileStore
from sme_kit.timers import Timer
from sme_review.domain.cases import CaseStatus
from sme_review.domain.errors import InvalidInput, StateConflict
from sme_review.domain.notices import Notice
from sme_review.domain.objections import Objection, ObjectionForm, ObjectionOutcome, ObjectionStatus
from sme_review.service_layer import final_list, notices, objections
from sme_review.service_layer.notices import NOTICE_CLOSES

from .steps import BUREAU, HEAD_STATION, YEAR, Review, at, expert

ID_NUMBER = "440106199001011235"
PHONE = "13800138000"
# Filing without a seal scan never touches the file store.
NO_FILES: FileStore = None  # type: ignore[assignment]


def individual(target: str, **changes: str | None) -> ObjectionForm:
    form = {
        "objector_type": "individual",
        "target_application_id": target,
        "grounds": "该单位实际专职人员不足两名，与申报材料不符。",
        "real_name": "张三",
        "id_number": ID_NUMBER,
        "contact_phone": PHONE,
    }
    return ObjectionForm(**{**form, **changes})


async def published(review: Review, day: str = "2026-09-28", *keys: str) -> Notice:
    await review.shortlisted_round(*(keys or ("A", "B")))
    review.clock.set(at(day, 9))
    return await notices.publish_notice(
        uow_factory=review.uow, principal=BUREAU, year=YEAR, title=None, objection_contact=" 市工信局 "
    )


async def file(review: Review, notice_id: str, form: ObjectionForm) -> Objection:
    return await objections.file_objection(
        uow_factory=review.uow, files=NO_FILES, notice_id=notice_id, form=form, seal_scan=None
    )


@pytest.mark.parametrize(
    ("day", "period"),
    [
        ("2026-09-28", ("2026-09-28", "2026-10-09")),  # across National Day
        ("2026-10-09", ("2026-10-09", "2026-10-14")),  # counting the make-up Saturday
        ("2026-11-29", ("2026-11-30", "2026-12-04")),  # published on a Sunday, starts on Monday
    ],
)
async def test_a_notice_runs_five_working_days_on_the_state_council_schedule(day: str, period: tuple[str, str]) -> None:
    review = Review()
    notice = await published(review, day, "A")

    assert (notice.period_start.isoformat(), notice.period_end.isoformat()) == period
    assert notice.objection_contact == "市工信局"
    assert review.world.timers[(NOTICE_CLOSES, notice.id)].due_at == notice.closes_at
    assert [e.notice_id for e in review.world.events_of(contract.NoticePublished)] == [notice.id]


async def test_the_timer_ends_the_notice_once_and_counts_the_objections() -> None:
    review = Review()
    notice = await published(review)
    await file(review, notice.id, individual("app-A-new"))
    review.clock.set(notice.closes_at)

    for _ in range(2):  # a timer fired twice ends the notice once
        async with review.uow() as uow:
            await notices.close_notice(timer=Timer(NOTICE_CLOSES, notice.id, notice.closes_at, {}), uow=uow)
            await uow.commit()

    ended = review.world.events_of(contract.NoticeEnded)
    assert [(e.objections_received, e.objections_unresolved) for e in ended] == [(1, 1)]


async def test_an_objection_after_the_period_is_refused_with_the_deadline() -> None:
    review = Review()
    notice = await published(review)
    review.clock.set(at("2026-10-09", 23, 59))
    await file(review, notice.id, individual("app-A-new"))

    review.clock.set(at("2026-10-10", 0, 0))
    with pytest.raises(StateConflict) as late:
        await file(review, notice.id, individual("app-A-new"))

    assert late.value.extensions["deadline"] == "2026-10-09T23:59:59+08:00"
    assert "2026年10月09日 23:59:59" in late.value.detail


async def test_an_individual_objection_without_real_name_or_id_number_is_refused() -> None:
    review = Review()
    notice = await published(review)

    with pytest.raises(InvalidInput) as missing:
        await file(review, notice.id, individual("app-A-new", real_name=None, id_number=None))
    assert {e.field for e in missing.value.errors} == {"real_name", "id_number"}
    with pytest.raises(InvalidInput) as wrong:
        await file(review, notice.id, individual("app-A-new", id_number="440106199001011234"))
    assert {e.field for e in wrong.value.errors} == {"id_number"}


async def test_the_target_must_be_an_application_on_the_notice() -> None:
    review = Review()
    notice = await published(review)
    with pytest.raises(InvalidInput) as refused:
        await file(review, notice.id, individual("app-not-on-the-notice"))
    assert [(e.field, e.code) for e in refused.value.errors] == [("target_application_id", "not_on_notice")]


async def test_an_empty_objection_names_every_missing_field_in_one_answer() -> None:
    review = Review()
    notice = await published(review)
    with pytest.raises(ValidationFailed) as refused:
        await file(
            review, notice.id, ObjectionForm(objector_type="organisation", target_application_id=None, grounds=None)
        )
    assert {e.field for e in refused.value.errors} == {
        "target_application_id",
        "grounds",
        "contact_phone",
        "organisation_name",
        "seal_scan",
    }
    assert review.world.events_of(contract.ObjectionReceived) == []


async def test_only_the_bureau_reads_who_objected_and_each_read_is_audited() -> None:
    review = Review()
    notice = await published(review)
    filed = await objections.file_objection(
        uow_factory=review.uow, files=NO_FILES, notice_id=notice.id, form=individual("app-A-new"), seal_scan=None
    )
    objection_id = filed.id

    _, staff_sees_objector = await objections.get_objection(
        uow_factory=review.uow, principal=HEAD_STATION, objection_id=objection_id
    )
    found, bureau_sees_objector = await objections.get_objection(
        uow_factory=review.uow, principal=BUREAU, objection_id=objection_id
    )

    assert (staff_sees_objector, bureau_sees_objector) == (False, True)
    assert (found.objector.real_name, found.objector.id_number) == ("张三", ID_NUMBER)
    assert [r.action for r in review.world.audited if r.target_id == objection_id] == [
        "file_objection",
        "read_objector",
    ]
    received = review.world.events_of(contract.ObjectionReceived)
    assert [(e.objection_id, e.target_application_id) for e in received] == [(objection_id, "app-A-new")]


async def test_the_final_list_waits_for_the_period_and_every_objection_then_recognises_and_declines() -> None:
    review = Review()
    notice = await published(review)
    filed = await file(review, notice.id, individual("app-B-new"))
    with pytest.raises(StateConflict):
        await final_list.publish_final_list(uow_factory=review.uow, principal=BUREAU, year=YEAR, title=None)
    review.clock.set(notice.closes_at)
    async with review.uow() as uow:
        await notices.close_notice(timer=Timer(NOTICE_CLOSES, notice.id, notice.closes_at, {}), uow=uow)
        await uow.commit()
    with pytest.raises(StateConflict):  # an objection is still unresolved
        await final_list.publish_final_list(uow_factory=review.uow, principal=BUREAU, year=YEAR, title=None)
    resolved = await objections.resolve_objection(
        uow_factory=review.uow,
        principal=BUREAU,
        objection_id=filed.id,
        outcome=ObjectionOutcome.UPHELD,
        findings="经核实，专职人员不足两名，异议成立。",
    )
    assert resolved.status is ObjectionStatus.RESOLVED

    published_list = await final_list.publish_final_list(
        uow_factory=review.uow, principal=BUREAU, year=YEAR, title=None
    )

    recognised = review.world.events_of(contract.StationRecognised)
    declined = review.world.events_of(contract.ApplicationDeclined)
    assert [e.application_id for e in recognised] == ["app-A-new"]
    assert [e.application_id for e in declined] == ["app-B-new"]
    assert [e.application_id for e in published_list.entries] == ["app-A-new"]
    assert await final_list.get_final_list(uow_factory=review.uow, year=YEAR) == published_list
    with pytest.raises(NotFound):
        await final_list.get_final_list(uow_factory=review.uow, year=YEAR + 1)
    async with review.uow() as uow:
        statuses = {c.application_id: c.status for c in await uow.cases.of_round(YEAR)}
    assert statuses == {"app-A-new": CaseStatus.RECOGNISED, "app-B-new": CaseStatus.DECLINED}


async def test_the_objections_against_a_case_are_shown_to_its_readers_but_not_to_its_experts() -> None:
    review = Review()
    notice = await published(review)
    filed = await file(review, notice.id, individual("app-A-new"))
    async with review.uow() as uow:
        case_a = await uow.cases.by_application("app-A-new")
    assert case_a is not None
    applicant = Principal(subject="op-a", role=Role.STATION_OPERATOR, org=case_a.uscc)

    own = await objections.objections_against_case(uow_factory=review.uow, principal=applicant, case_id=case_a.id)
    assigned_expert = await objections.objections_against_case(
        uow_factory=review.uow, principal=expert("expert-1"), case_id=case_a.id
    )
    listed = await objections.list_objections(
        uow_factory=review.uow, principal=BUREAU, round_year=YEAR, notice_id=None, status=ObjectionStatus.RECEIVED
    )

    assert [o.id for o in own.items] == [filed.id]
    assert assigned_expert.total == 0  # experts judge the application, not the objections to its notice
    assert ([o.id for o in listed.items], listed.total) == ([filed.id], 1)
    with pytest.raises(NotFound):  # an individual's objection has no sealed scan
        await objections.seal_scan(uow_factory=review.uow, files=NO_FILES, principal=BUREAU, objection_id=filed.id)
    with pytest.raises(NotFound):  # the applicant learns that it exists, never who filed it
        await objections.get_objection(uow_factory=review.uow, principal=applicant, objection_id=filed.id)
