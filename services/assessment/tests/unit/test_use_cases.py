"""The assessment use cases on the in-memory unit of work: results, refusals, events and timers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.errors import DomainError, ProposalAlreadyOpen, StateConflict
from sme_assessment.domain.plans import DocumentKind, LapseStatus
from sme_assessment.domain.rectification import RectificationStatus
from sme_assessment.domain.revocation import CaseStatus, Decision
from sme_assessment.domain.stations import Station, StationStatus
from sme_assessment.service_layer import (
    cycles,
    evidence,
    participation,
    plans,
    proposals,
    re_review,
    rectification,
    revocations,
    scoring,
    stations,
)
from sme_assessment.service_layer.timer_kinds import RECTIFICATION_DEADLINE, WORK_DOCUMENT_DEADLINE
from sme_contracts import activities as act
from sme_contracts import assessment as contract
from sme_contracts.common import RevocationGround
from sme_contracts.common import StationStatus as RegisterStatus
from sme_contracts.envelope import wrap
from sme_contracts.registry import StationExpired, StationStatusChanged
from sme_contracts.review import ReReviewFailed
from sme_kit.auth import Principal, Role
from sme_kit.clock import MovableClock
from sme_kit.errors import ApplicationError, NotFound, ValidationFailed
from sme_kit.files import Upload
from sme_kit.testing.fakes import FakeUnitOfWorkFactory
from sme_kit.timers import Timer

from .fakes import FakeAssessmentUnitOfWork, FakeFileStore, InMemoryLapses, factory, real

# 2026-11-28 09:00 in Shanghai: late in the year, with the title of the stations below running.
START = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
USCC = "91440106MA59C1XE2H"
TIANHE = "440106"
BUREAU = Principal("bureau-li", Role.BUREAU_ADMIN)
HEAD = Principal("head-chen", Role.HEAD_STATION_STAFF)
PDF = b"%PDF-1.4\n%test\n"

Factory = FakeUnitOfWorkFactory[FakeAssessmentUnitOfWork]


def operator(station_id: str) -> Principal:
    return Principal(f"op-{station_id}", Role.STATION_OPERATOR, org=USCC, station_id=station_id)


@pytest.fixture
def uow_factory() -> Factory:
    return factory(START)


@pytest.fixture
def files() -> FakeFileStore:
    return FakeFileStore()


async def given_station(uow_factory: Factory, station_id: str = "st-1", **overrides: object) -> Station:
    values: dict[str, object] = {
        "id": station_id,
        "uscc": USCC,
        "name": f"服务站（{station_id}）",
        "district_code": TIANHE,
        "status": StationStatus.ACTIVE,
        "valid_from": date(2025, 6, 1),
        "valid_until": date(2028, 5, 31),
        "updated_at": START,
    }
    values.update(overrides)
    station = Station(**values)  # type: ignore[arg-type]
    async with uow_factory() as uow:
        await uow.stations.save(station)
        await uow.commit()
    return station


def move(uow_factory: Factory, to: datetime) -> None:
    clock = uow_factory.clock
    assert isinstance(clock, MovableClock)
    clock.set(to)


async def fire(uow_factory: Factory, kind: str, key: str, handler: Any) -> None:
    """Move the clock to a pending timer and run its handler, as the timer loop does."""
    pending = uow_factory.world.timers.pop((kind, key))
    move(uow_factory, pending.due_at)
    async with uow_factory() as uow:
        await handler(timer=Timer(kind, key, pending.due_at, pending.payload), uow=real(uow))
        await uow.commit()


def code_of(error: pytest.ExceptionInfo[ApplicationError]) -> str:
    return error.value.code


# --- cycles -----------------------------------------------------------------------------------


async def test_a_cycle_opens_once_a_year_with_the_default_indicators(uow_factory: Factory) -> None:
    opened = await cycles.open_cycle(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        year=2026,
        pass_mark=None,
        rectification_days=None,
        indicators=None,
    )

    assert (opened.id, opened.pass_mark, opened.rectification_days) == ("cy-2026", 60.0, 30)
    [event] = uow_factory.world.events_of(contract.AssessmentCycleOpened)
    assert (event.cycle_id, event.year) == ("cy-2026", 2026)
    with pytest.raises(StateConflict) as again:
        await cycles.open_cycle(
            uow_factory=real(uow_factory),
            principal=BUREAU,
            year=2026,
            pass_mark=None,
            rectification_days=None,
            indicators=None,
        )
    assert code_of(again) == "state-conflict"


async def test_a_cycle_with_an_impossible_pass_mark_is_refused_field_by_field(uow_factory: Factory) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await cycles.open_cycle(
            uow_factory=real(uow_factory),
            principal=BUREAU,
            year=2026,
            pass_mark=120,
            rectification_days=None,
            indicators=None,
        )
    assert [error.code for error in refused.value.errors] == ["invalid_cycle"]
    assert uow_factory.world.published == []


async def test_an_unknown_cycle_is_not_found(uow_factory: Factory) -> None:
    with pytest.raises(NotFound):
        await cycles.get_cycle(uow_factory=real(uow_factory), principal=BUREAU, cycle_id="cy-1999")


# --- plans and summaries ----------------------------------------------------------------------


async def test_deadlines_set_a_timer_at_the_end_of_their_day(uow_factory: Factory) -> None:
    await plans.set_deadlines(
        uow_factory=real(uow_factory), principal=BUREAU, year=2027, plan_due_on=date(2027, 3, 31), summary_due_on=None
    )

    timer = uow_factory.world.timers[(WORK_DOCUMENT_DEADLINE, "plan:2027")]
    assert timer.due_at == datetime(2027, 3, 31, 16, 0, tzinfo=UTC)  # 1 April 00:00 in Shanghai
    assert timer.payload == {"year": 2027}


async def test_a_deadline_cannot_be_set_in_the_past_nor_moved_once_it_has_passed(uow_factory: Factory) -> None:
    with pytest.raises(ValidationFailed) as past:
        await plans.set_deadlines(
            uow_factory=real(uow_factory),
            principal=BUREAU,
            year=2026,
            plan_due_on=date(2026, 11, 27),
            summary_due_on=None,
        )
    assert [(e.field, e.code) for e in past.value.errors] == [("plan_due_on", "past")]

    await plans.set_deadlines(
        uow_factory=real(uow_factory), principal=BUREAU, year=2026, plan_due_on=None, summary_due_on=date(2026, 12, 1)
    )
    move(uow_factory, START + timedelta(days=5))
    with pytest.raises(StateConflict):
        await plans.set_deadlines(
            uow_factory=real(uow_factory),
            principal=BUREAU,
            year=2026,
            plan_due_on=None,
            summary_due_on=date(2026, 12, 31),
        )


async def test_at_the_deadline_stations_without_a_plan_are_recorded_missing(
    uow_factory: Factory, files: FakeFileStore
) -> None:
    await given_station(uow_factory, "st-1")
    await given_station(uow_factory, "st-2")
    await plans.set_deadlines(
        uow_factory=real(uow_factory), principal=BUREAU, year=2026, plan_due_on=date(2026, 12, 15), summary_due_on=None
    )
    await plans.submit(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=operator("st-1"),
        command=plans.SubmitDocument(
            "st-1", DocumentKind.PLAN, 2026, "2026年工作计划", "计划内容", [Upload("plan.pdf", PDF)]
        ),
    )

    await fire(uow_factory, WORK_DOCUMENT_DEADLINE, "plan:2026", plans.deadline_passed)

    [overdue] = uow_factory.world.events_of(contract.SubmissionOverdue)
    assert (overdue.station_id, overdue.status) == ("st-2", contract.LapseStatus.MISSING)
    assert [
        (lapse.station_id, lapse.status) for lapse in uow_factory.world.repository(InMemoryLapses).items.values()
    ] == [("st-2", LapseStatus.MISSING)]


async def test_a_plan_after_the_deadline_is_accepted_and_recorded_late(
    uow_factory: Factory, files: FakeFileStore
) -> None:
    await given_station(uow_factory, "st-1")
    await plans.set_deadlines(
        uow_factory=real(uow_factory), principal=BUREAU, year=2026, plan_due_on=date(2026, 12, 1), summary_due_on=None
    )
    await fire(uow_factory, WORK_DOCUMENT_DEADLINE, "plan:2026", plans.deadline_passed)
    move(uow_factory, datetime(2026, 12, 4, 2, 0, tzinfo=UTC))

    document = await plans.submit(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=operator("st-1"),
        command=plans.SubmitDocument("st-1", DocumentKind.PLAN, 2026, "计划", "内容", [Upload("plan.pdf", PDF)]),
    )

    assert (document.days_late, document.revision) == (3, 1)
    overdue = uow_factory.world.events_of(contract.SubmissionOverdue)
    assert [(e.status, e.days_late) for e in overdue] == [
        (contract.LapseStatus.MISSING, None),
        (contract.LapseStatus.LATE, 3),
    ]
    [submitted] = uow_factory.world.events_of(contract.WorkDocumentSubmitted)
    assert submitted.attachment_count == 1


async def test_an_operator_submits_only_for_its_own_station(uow_factory: Factory, files: FakeFileStore) -> None:
    await given_station(uow_factory, "st-2")
    with pytest.raises(NotFound):
        await plans.submit(
            uow_factory=real(uow_factory),
            files=real(files),
            principal=operator("st-1"),
            command=plans.SubmitDocument("st-2", DocumentKind.PLAN, 2026, "计划", "内容", []),
        )


# --- scoring, publication and rectification ---------------------------------------------------


async def published_with_one_unqualified(uow_factory: Factory) -> str:
    """st-1 has no evidence at all (unqualified); the cycle is computed and published."""
    await given_station(uow_factory, "st-1")
    await cycles.open_cycle(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        year=2026,
        pass_mark=None,
        rectification_days=None,
        indicators=None,
    )
    [result] = await scoring.compute(uow_factory=real(uow_factory), principal=HEAD, cycle_id="cy-2026")
    assert result.outcome is Outcome.UNQUALIFIED
    await scoring.publish(uow_factory=real(uow_factory), principal=BUREAU, cycle_id="cy-2026", rectification_due=None)
    [required] = uow_factory.world.events_of(contract.RectificationRequired)
    return required.rectification_id


async def test_publishing_orders_rectification_of_an_unqualified_station_with_a_deadline_timer(
    uow_factory: Factory,
) -> None:
    rectification_id = await published_with_one_unqualified(uow_factory)

    [published] = uow_factory.world.events_of(contract.AssessmentResultPublished)
    assert published.rectification_due_on == date(2026, 12, 28)
    assert (RECTIFICATION_DEADLINE, rectification_id) in uow_factory.world.timers
    with pytest.raises(StateConflict):
        await scoring.compute(uow_factory=real(uow_factory), principal=HEAD, cycle_id="cy-2026")


async def test_a_cycle_not_computed_cannot_be_published(uow_factory: Factory) -> None:
    await cycles.open_cycle(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        year=2026,
        pass_mark=None,
        rectification_days=None,
        indicators=None,
    )
    with pytest.raises(StateConflict) as refused:
        await scoring.publish(
            uow_factory=real(uow_factory), principal=BUREAU, cycle_id="cy-2026", rectification_due=None
        )
    assert code_of(refused) == "state-conflict"
    assert uow_factory.world.events_of(contract.AssessmentResultPublished) == []


async def test_a_report_in_time_cancels_the_deadline_timer(uow_factory: Factory, files: FakeFileStore) -> None:
    rectification_id = await published_with_one_unqualified(uow_factory)

    done = await rectification.submit_report(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=operator("st-1"),
        rectification_id=rectification_id,
        report="已整改",
        uploads=[Upload("report.pdf", PDF)],
    )

    assert (done.status, done.report_late) == (RectificationStatus.REPORTED, False)
    assert (RECTIFICATION_DEADLINE, rectification_id) not in uow_factory.world.timers
    [reported] = uow_factory.world.events_of(contract.RectificationReportSubmitted)
    assert reported.attachment_count == 1


async def test_no_report_by_the_deadline_is_recorded_and_still_unqualified_proposes_ground_6(
    uow_factory: Factory,
) -> None:
    rectification_id = await published_with_one_unqualified(uow_factory)
    await fire(uow_factory, RECTIFICATION_DEADLINE, rectification_id, rectification.deadline_passed)
    [missing] = uow_factory.world.events_of(contract.RectificationReportMissing)
    assert missing.rectification_id == rectification_id

    await rectification.reassess(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        rectification_id=rectification_id,
        outcome=Outcome.UNQUALIFIED,
        score=40,
        opinion="未整改",
    )

    [proposed] = uow_factory.world.events_of(contract.RevocationProposed)
    assert (proposed.station_id, proposed.ground, proposed.origin) == (
        "st-1",
        RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED,
        contract.ProposalOrigin.AUTOMATIC,
    )


async def test_a_re_assessment_score_outside_0_to_100_is_refused(uow_factory: Factory) -> None:
    with pytest.raises(DomainError):
        await rectification.reassess(
            uow_factory=real(uow_factory),
            principal=BUREAU,
            rectification_id="r",
            outcome=Outcome.QUALIFIED,
            score=101,
            opinion="x",
        )


# --- non-participation and automatic proposals ------------------------------------------------


async def test_skipping_without_reason_proposes_ground_6_and_an_excused_station_is_only_recorded(
    uow_factory: Factory,
) -> None:
    await given_station(uow_factory, "st-1")
    await given_station(uow_factory, "st-2")
    await cycles.open_cycle(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        year=2026,
        pass_mark=None,
        rectification_days=None,
        indicators=None,
    )

    await participation.record_non_participation(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        cycle_id="cy-2026",
        station_id="st-1",
        excused=False,
        reason="未参加",
    )
    await participation.record_non_participation(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        cycle_id="cy-2026",
        station_id="st-2",
        excused=True,
        reason="停业装修",
    )
    with pytest.raises(StateConflict):
        await participation.record_non_participation(
            uow_factory=real(uow_factory),
            principal=BUREAU,
            cycle_id="cy-2026",
            station_id="st-1",
            excused=True,
            reason="再登记",
        )

    recorded = uow_factory.world.events_of(contract.NonParticipationRecorded)
    assert [(e.station_id, e.excused) for e in recorded] == [("st-1", False), ("st-2", True)]
    [proposed] = uow_factory.world.events_of(contract.RevocationProposed)
    assert (proposed.station_id, proposed.trigger) == ("st-1", "无故不参加2026年度考核")
    assert await scoring.compute(uow_factory=real(uow_factory), principal=HEAD, cycle_id="cy-2026") == []


def expired(station_id: str, *, applied: bool) -> StationExpired:
    return StationExpired(
        station_id=station_id,
        uscc=USCC,
        name=f"服务站（{station_id}）",
        district_code=TIANHE,
        valid_until=date(2026, 11, 27),
        re_review_applied=applied,
    )


def failed(station_id: str) -> ReReviewFailed:
    return ReReviewFailed(
        application_id=f"app-rr-{station_id}",
        station_id=station_id,
        round_year=2026,
        uscc=USCC,
        district_code=TIANHE,
        reason="专家评审未达推荐分数线",
        decided_on=date(2026, 11, 20),
        decided_at=START,
    )


async def test_expiry_without_re_review_proposes_ground_5_and_a_second_trigger_adds_to_the_open_case(
    uow_factory: Factory,
) -> None:
    await given_station(uow_factory, "st-1")
    await given_station(uow_factory, "st-2")
    async with uow_factory() as uow:
        await stations.station_expired(event=expired("st-1", applied=False), uow=real(uow))
        await stations.station_expired(event=expired("st-2", applied=True), uow=real(uow))
        await re_review.re_review_failed(event=failed("st-1"), uow=real(uow))
        await uow.commit()

    [proposed] = uow_factory.world.events_of(contract.RevocationProposed)
    assert (proposed.station_id, proposed.ground) == ("st-1", RevocationGround.NO_OR_FAILED_RE_REVIEW)
    async with uow_factory() as uow:
        assert [s.status for s in await uow.stations.all()] == [StationStatus.EXPIRED, StationStatus.EXPIRED]
        [case] = await uow.revocations.search(station_id="st-1")
        [note] = await uow.revocations.notes(case.id)
        assert "专家评审未达推荐分数线" in note.text


async def test_a_bureau_proposal_on_a_ground_already_open_is_refused(
    uow_factory: Factory, files: FakeFileStore
) -> None:
    await given_station(uow_factory, "st-1")
    ask = {"station_id": "st-1", "ground": RevocationGround(3), "evidence": "违约", "uploads": []}
    await proposals.propose_by_bureau(uow_factory=real(uow_factory), files=real(files), principal=BUREAU, **ask)  # type: ignore[arg-type]

    with pytest.raises(ProposalAlreadyOpen) as again:
        await proposals.propose_by_bureau(uow_factory=real(uow_factory), files=real(files), principal=BUREAU, **ask)  # type: ignore[arg-type]
    assert code_of(again) == "proposal-already-open"


# --- decisions (moved here from the integration tests: rules only) ----------------------------


async def test_revoking_on_one_ground_ends_the_stations_other_open_cases_so_it_is_never_revoked_twice(
    uow_factory: Factory, files: FakeFileStore
) -> None:
    await given_station(uow_factory, "st-1")
    withdrawal = await proposals.request_withdrawal(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=operator("st-1"),
        station_id="st-1",
        reason="申请退出",
        uploads=[],
    )
    breach = await proposals.propose_by_bureau(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=BUREAU,
        station_id="st-1",
        ground=RevocationGround(3),
        evidence="违约",
        uploads=[],
    )
    decision = {"decision": Decision.REVOKE, "reason": "同意退出申请", "decided_on": None, "effective_on": None}

    await revocations.decide(uow_factory=real(uow_factory), principal=BUREAU, revocation_id=withdrawal.id, **decision)  # type: ignore[arg-type]

    async with uow_factory() as uow:
        ended = await uow.revocations.get(breach.id)
        assert ended is not None
        assert ended.status is CaseStatus.SUPERSEDED
        assert [s.status for s in await uow.stations.all()] == [StationStatus.REVOKED]
    with pytest.raises(StateConflict):
        await revocations.decide(uow_factory=real(uow_factory), principal=BUREAU, revocation_id=breach.id, **decision)  # type: ignore[arg-type]
    with pytest.raises(StateConflict):
        await proposals.request_withdrawal(
            uow_factory=real(uow_factory),
            files=real(files),
            principal=operator("st-1"),
            station_id="st-1",
            reason="再申请",
            uploads=[],
        )
    [revoked] = uow_factory.world.events_of(contract.StationRevoked)
    assert (revoked.revocation_id, revoked.ground) == (withdrawal.id, RevocationGround.VOLUNTARY_WITHDRAWAL)


async def test_a_station_revoked_on_the_register_ends_its_open_cases_and_gets_no_new_ones(
    uow_factory: Factory, files: FakeFileStore
) -> None:
    await given_station(uow_factory, "st-1")
    await proposals.request_withdrawal(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=operator("st-1"),
        station_id="st-1",
        reason="申请退出",
        uploads=[],
    )
    revoked_on_register = StationStatusChanged(
        station_id="st-1",
        uscc=USCC,
        name="服务站（st-1）",
        district_code=TIANHE,
        status=RegisterStatus.REVOKED,
        previous_status=RegisterStatus.ACTIVE,
        reason="依据第7项撤销情形撤销",
        revocation_ground=7,
        valid_until=date(2028, 5, 31),
        effective_on=date(2026, 11, 28),
        changed_at=START,
    )
    async with uow_factory() as uow:
        await stations.station_status_changed(event=revoked_on_register, uow=real(uow))
        await stations.station_expired(event=expired("st-1", applied=False), uow=real(uow))
        await re_review.re_review_failed(event=failed("st-1"), uow=real(uow))
        await uow.commit()

    async with uow_factory() as uow:
        assert [c.status for c in await uow.revocations.search(station_id="st-1")] == [CaseStatus.SUPERSEDED]
    assert len(uow_factory.world.events_of(contract.RevocationProposed)) == 1


async def test_evidence_is_added_only_to_an_open_case(uow_factory: Factory, files: FakeFileStore) -> None:
    await given_station(uow_factory, "st-1")
    case = await proposals.propose_by_bureau(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=BUREAU,
        station_id="st-1",
        ground=RevocationGround(3),
        evidence="违约",
        uploads=[],
    )
    added = await revocations.add_evidence(
        uow_factory=real(uow_factory),
        files=real(files),
        principal=BUREAU,
        revocation_id=case.id,
        text="补充材料",
        uploads=[Upload("e.pdf", PDF)],
    )
    assert ([n.text for n in added.notes], len(added.attachments)) == (["补充材料"], 1)
    await revocations.decide(
        uow_factory=real(uow_factory),
        principal=BUREAU,
        revocation_id=case.id,
        decision=Decision.DISMISS,
        reason="证据不足",
        decided_on=None,
        effective_on=None,
    )
    [dismissed] = uow_factory.world.events_of(contract.RevocationDismissed)
    assert dismissed.reason == "证据不足"

    with pytest.raises(StateConflict):
        await revocations.add_evidence(
            uow_factory=real(uow_factory),
            files=real(files),
            principal=BUREAU,
            revocation_id=case.id,
            text="再补充",
            uploads=[],
        )


# --- evidence ---------------------------------------------------------------------------------


async def test_an_activity_told_twice_counts_once_and_a_cancelled_one_no_longer_counts(uow_factory: Factory) -> None:
    await given_station(uow_factory, "st-1")
    completed = act.ActivityCompleted(
        activity_id="ac-1",
        activity_type=act.ActivityType.SALON,
        organiser_station_id="st-1",
        co_organiser_station_ids=[],
        held_on=date(2026, 5, 10),
        registered_count=40,
        attendance_count=40,
        attachment_count=2,
        completed_at=START,
    )
    for _ in range(2):
        async with uow_factory() as uow:
            await evidence.activity_completed(
                event=completed, envelope=wrap(completed, source="/gz/sme/activities"), uow=real(uow)
            )
            await uow.commit()
    _, summary = await evidence.station_evidence(
        uow_factory=real(uow_factory), principal=BUREAU, station_id="st-1", year=2026
    )
    assert (summary.activities_organised, summary.attendance) == (1, 40)
    assert [row.details["new"] for row in uow_factory.world.audited] == [1, 0]

    cancelled = act.ActivityCancelled(
        activity_id="ac-1",
        starts_at=START,
        reason_code=act.CancelReason.BY_ORGANISER,
        reason="场地取消",
        registered_count=40,
        cancelled_at=START,
    )
    async with uow_factory() as uow:
        await evidence.activity_cancelled(
            event=cancelled, envelope=wrap(cancelled, source="/gz/sme/activities"), uow=real(uow)
        )
        await uow.commit()
    _, summary = await evidence.station_evidence(
        uow_factory=real(uow_factory), principal=BUREAU, station_id="st-1", year=2026
    )
    assert summary.activities_organised == 0


async def test_a_district_officer_does_not_see_another_districts_station(uow_factory: Factory) -> None:
    await given_station(uow_factory, "st-1")
    with pytest.raises(NotFound):
        await evidence.station_evidence(
            uow_factory=real(uow_factory),
            principal=Principal("d-1", Role.DISTRICT_OFFICER, district="440104"),
            station_id="st-1",
            year=2026,
        )
