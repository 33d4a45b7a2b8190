"""Station events, themed months, promotion duty, demand reports and trainings on the in-memory unit of work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sme_activities.domain.activities import ActivityStatus, ActivityType
from sme_activities.domain.demand_reports import IndustryFinding, NeedFinding
from sme_activities.domain.errors import StateConflict, StationNotActive
from sme_activities.domain.promotion import PromotionSubject
from sme_activities.domain.theme_months import ThemeKind
from sme_activities.domain.trainings import Attendee
from sme_activities.service_layer import activities, demand_reports, promotion, stations, theme_months, trainings
from sme_contracts.activities import (
    ActivityCancelled,
    ActivityCoOrganiserWithdrawn,
    DemandReportSubmitted,
    PromotionBelowTarget,
    ThemeMonthPlanned,
    TrainingHeld,
)
from sme_contracts.common import ServiceCategory, StationStatus
from sme_contracts.registry import StationInfoChanged, StationStatusChanged
from sme_kit.auth import Principal
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageRequest
from sme_kit.timers import Timer

from .fakes import real
from .world import BUREAU, HEAD, NOW, Factory, district_officer, operator, station, world_with


def revoked(station_id: str) -> StationStatusChanged:
    return StationStatusChanged(
        station_id=station_id,
        uscc="91440106MA59C1XE2H",
        name=f"服务站（{station_id}）新名称",
        district_code="440106",
        status=StationStatus.REVOKED,
        previous_status=StationStatus.ACTIVE,
        reason="严重违反服务公约，撤销服务站称号",
        revocation_ground=3,
        valid_until=date(2029, 5, 31),
        effective_on=NOW.date(),
        changed_at=NOW,
    )


async def activity_of(uow_factory: Factory, organiser: str, co_organisers: list[str], days_ahead: int) -> str:
    command = activities.ScheduleActivity(
        activity_type=ActivityType.SALON,
        title="政策沙龙",
        description="",
        theme_month_id=None,
        co_organiser_station_ids=co_organisers,
        institutions=[],
        starts_at=NOW + timedelta(days=days_ahead),
        ends_at=NOW + timedelta(days=days_ahead, hours=2),
        venue="活动室",
        online_link=None,
        capacity=10,
    )
    scheduled = await activities.schedule_activity(
        uow_factory=real(uow_factory), principal=operator(organiser), command=command
    )
    return scheduled.id


async def test_a_revoked_station_loses_its_future_activities_and_leaves_those_it_co_organises() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))
    organised = await activity_of(uow_factory, "st-1", ["st-2"], 3)
    co_organised = await activity_of(uow_factory, "st-2", ["st-1"], 4)

    async with uow_factory() as uow:
        await stations.station_status_changed(event=revoked("st-1"), uow=real(uow))
        await uow.commit()

    assert [e.activity_id for e in uow_factory.world.events_of(ActivityCancelled)] == [organised]
    [withdrawn] = uow_factory.world.events_of(ActivityCoOrganiserWithdrawn)
    assert (withdrawn.activity_id, withdrawn.station_id) == (co_organised, "st-1")
    found = await activities.get_activity(uow_factory=real(uow_factory), activity_id=organised)
    assert found.status is ActivityStatus.CANCELLED
    with pytest.raises(StationNotActive):
        await activity_of(uow_factory, "st-1", [], 5)


async def test_a_name_change_is_flagged_until_a_status_event_brings_the_current_name() -> None:
    uow_factory = await world_with(station("st-1"))
    changed = StationInfoChanged(
        station_id="st-1",
        change_id="chg-st-1",
        uscc="91440106MA59C1XE2H",
        district_code="440106",
        fields_changed=["name"],
        completed_on=date(2026, 11, 1),
        reported_on=date(2026, 11, 20),
        late=False,
        reported_at=NOW,
    )
    async with uow_factory() as uow:
        await stations.station_info_changed(event=changed, uow=real(uow))
        await uow.commit()
    [flagged] = (
        await stations.list_stations(
            uow_factory=real(uow_factory), principal=HEAD, district_code=None, active_only=False, page=PageRequest()
        )
    ).items
    assert flagged.name_may_be_outdated

    async with uow_factory() as uow:
        await stations.station_status_changed(event=revoked("st-1"), uow=real(uow))
        await uow.commit()
    [current] = (
        await stations.list_stations(
            uow_factory=real(uow_factory), principal=HEAD, district_code=None, active_only=False, page=PageRequest()
        )
    ).items
    assert (current.name, current.name_may_be_outdated) == ("服务站（st-1）新名称", False)


async def test_the_head_station_plans_months_revises_them_and_a_past_month_stays_as_it_was() -> None:
    uow_factory = await world_with()
    plan = [
        theme_months.MonthPlan(3, ThemeKind.INTELLECTUAL_PROPERTY, None, ["举办专利质押融资沙龙"]),
        theme_months.MonthPlan(6, ThemeKind.FINANCE_TAX, None, ["开展减税降费政策宣讲"]),
    ]
    planned = await theme_months.plan_year(uow_factory=real(uow_factory), principal=HEAD, year=2027, months=plan)
    assert [(m.month, m.title, m.revision) for m in planned] == [(3, "知识产权服务月", 1), (6, "财税服务月", 1)]

    revised = [theme_months.MonthPlan(3, ThemeKind.CUSTOM, "数字化转型服务月", ["组织企业上云对接会"]), plan[1]]
    again = await theme_months.plan_year(uow_factory=real(uow_factory), principal=HEAD, year=2027, months=revised)
    assert [(m.month, m.revision) for m in again] == [(3, 2), (6, 1)]  # the unchanged month stays as it was
    assert [(e.month, e.revision) for e in uow_factory.world.events_of(ThemeMonthPlanned)] == [(3, 1), (6, 1), (3, 2)]

    with pytest.raises(StateConflict):
        await theme_months.plan_year(uow_factory=real(uow_factory), principal=HEAD, year=2026, months=[plan[0]])


async def test_promotion_sessions_are_counted_per_year_and_stations_below_three_are_warned_once_per_check() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"), station("st-9", "440104"))
    for held in (1, 2, 3):
        await promotion.record_session(
            uow_factory=real(uow_factory),
            principal=operator("st-1"),
            command=promotion.RecordSession(
                "st-1", NOW.date() - timedelta(days=held), [PromotionSubject.SUIXIAOXIN], None, 30, None, None
            ),
        )
    with pytest.raises(Forbidden):
        await promotion.record_session(
            uow_factory=real(uow_factory),
            principal=operator("st-1"),
            command=promotion.RecordSession("st-2", NOW.date(), [PromotionSubject.SUIXIAOXIN], None, 30, None, None),
        )
    counts = await promotion.progress(
        uow_factory=real(uow_factory),
        principal=district_officer("440106"),
        year=2026,
        district_code=None,
        page=PageRequest(limit=1, offset=1),
    )
    assert (counts.total, [(p.station.id, p.count, p.met) for p in counts.items]) == (2, [("st-2", 0, False)])

    check = Timer(promotion.DUTY_CHECK_TIMER, "2026-12-01", NOW + timedelta(days=4), {"year": 2026})
    for _ in range(2):  # fired twice (a redelivery): warned once
        async with uow_factory() as uow:
            await promotion.check_duty(timer=check, uow=real(uow))
            await uow.commit()

    assert sorted(e.station_id for e in uow_factory.world.events_of(PromotionBelowTarget)) == ["st-2", "st-9"]
    assert (promotion.DUTY_CHECK_TIMER, "2027-10-01") in uow_factory.world.timers  # next year's checks


async def test_a_resubmitted_report_is_a_new_revision_and_a_station_sees_only_its_own() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))

    def report(surveyed: int) -> demand_reports.SubmitReport:
        return demand_reports.SubmitReport(
            year=2026,
            quarter=4,
            industries=[IndustryFinding("软件和信息技术服务业", surveyed, [ServiceCategory.FINANCING])],
            needs=[NeedFinding(ServiceCategory.FINANCING, 12, "融资难")],
            enterprise_conditions="总体平稳",
            service_needs="融资对接",
            personalised_needs=None,
        )

    first = await demand_reports.submit_report(
        uow_factory=real(uow_factory), principal=operator("st-1"), command=report(20)
    )
    second = await demand_reports.submit_report(
        uow_factory=real(uow_factory), principal=operator("st-1"), command=report(25)
    )

    assert (second.id, second.revision) == (first.id, 2)
    assert [e.revision for e in uow_factory.world.events_of(DemandReportSubmitted)] == [1, 2]
    _, history = await demand_reports.get_report(uow_factory=real(uow_factory), principal=BUREAU, report_id=first.id)
    assert [row["revision"] for row in history] == [1]
    with pytest.raises(NotFound):
        await demand_reports.get_report(uow_factory=real(uow_factory), principal=operator("st-2"), report_id=first.id)
    with pytest.raises(Forbidden):
        await demand_reports.aggregate(
            uow_factory=real(uow_factory),
            principal=operator("st-1"),
            by="district",
            year=2026,
            quarter=None,
            district_code=None,
        )


async def test_a_training_publishes_counts_per_station_and_a_station_sees_only_its_own_staff() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"))
    attendees = [
        Attendee("st-1", "张三", "站长", True),
        Attendee("st-1", "李四", None, False),
        Attendee("st-2", "王五", None, True),
    ]
    held = await trainings.record_training(
        uow_factory=real(uow_factory),
        principal=HEAD,
        command=trainings.RecordTraining("服务规范培训", "服务公约", NOW.date(), None, attendees),
    )

    [event] = uow_factory.world.events_of(TrainingHeld)
    assert [(a.station_id, a.attended, a.absent) for a in event.attendance] == [("st-1", 1, 1), ("st-2", 1, 0)]
    seen = await trainings.get_training(uow_factory=real(uow_factory), principal=operator("st-2"), training_id=held.id)
    assert [a.staff_name for a in seen.attendees] == ["王五"]


async def test_the_trainings_a_station_or_district_sees_are_paged_and_counted_by_the_database() -> None:
    uow_factory = await world_with(station("st-1"), station("st-2"), station("st-9", "440104"))
    for day, attendee in enumerate(("st-1", "st-2", "st-9", "st-1"), start=1):
        await trainings.record_training(
            uow_factory=real(uow_factory),
            principal=HEAD,
            command=trainings.RecordTraining(
                f"第{day}期培训", "", NOW.date() - timedelta(days=day), None, [Attendee(attendee, "张三", None, True)]
            ),
        )

    async def titles(principal: Principal, page: PageRequest) -> tuple[int, list[str]]:
        found = await trainings.find_trainings(uow_factory=real(uow_factory), principal=principal, year=None, page=page)
        return found.total, [t.title for t in found.items]

    assert await titles(operator("st-1"), PageRequest(limit=1)) == (2, ["第1期培训"])
    assert await titles(operator("st-1"), PageRequest(limit=1, offset=1)) == (2, ["第4期培训"])
    assert await titles(district_officer("440106"), PageRequest(limit=2, offset=2)) == (3, ["第4期培训"])
    assert await titles(district_officer("440104"), PageRequest()) == (1, ["第3期培训"])
    assert (await titles(BUREAU, PageRequest(limit=3)))[0] == 4
