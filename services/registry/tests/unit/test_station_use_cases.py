"""Rounds, information changes, the convention and reading the register — in memory."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from sme_contracts import registry as contract
from sme_contracts.common import RevocationGround, ServiceCategory, StationStatus
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageRequest
from sme_registry.domain.changes import AddressChange, ChangeKind, ChangeReport, InfoChange, NameChange
from sme_registry.domain.errors import InvalidTransition, RoundExists, RulesViolated, WindowClosed
from sme_registry.domain.forms import ContactPerson, StaffMember
from sme_registry.domain.stations import Station
from sme_registry.service_layer import changes, convention, rounds, stations

from .conftest import BUREAU, HEAD_STATION, Steps, district, operator, other_form
from .forms import COMPLETE

OTHER_USCC = "91440104MA5D0QRT7D"
NEW_REPRESENTATIVE = "慕容建国"
VERSION = "2026.1"


async def test_the_bureau_opens_one_round_per_year_and_everyone_can_read_it(steps: Steps) -> None:
    await steps.open_round()
    [opened] = (await rounds.list_rounds(uow_factory=steps.factory)).items
    assert opened.title == "2026年度广州市民营和中小企业服务站认定申请"
    with pytest.raises(RoundExists, match="每年只开展一次"):
        await steps.open_round()
    assert (await rounds.get_round(uow_factory=steps.factory, year=2026)).window_opens_on == date(2026, 6, 5)
    with pytest.raises(NotFound):
        await rounds.get_round(uow_factory=steps.factory, year=2027)


async def test_the_rounds_are_listed_newest_first_a_page_at_a_time(steps: Steps) -> None:
    await steps.open_round()
    for year in (2031, 2030):
        command = rounds.OpenRound(year, date(year, 3, 1), date(year, 3, 31), date(year, 4, 15))
        await rounds.open_round(uow_factory=steps.factory, principal=BUREAU, command=command)
    first = await rounds.list_rounds(uow_factory=steps.factory, page=PageRequest(limit=2))
    rest = await rounds.list_rounds(uow_factory=steps.factory, page=PageRequest(limit=2, offset=2))
    assert [r.year for r in first.items] == [2031, 2030]
    assert [r.year for r in rest.items] == [2026]
    assert (first.total, rest.total) == (3, 3)


async def test_round_dates_out_of_order_are_refused_field_by_field(steps: Steps) -> None:
    with pytest.raises(RulesViolated) as refused:
        await rounds.open_round(
            uow_factory=steps.factory,
            principal=BUREAU,
            command=rounds.OpenRound(2030, date(2030, 3, 31), date(2030, 3, 1), date(2030, 2, 1)),
        )
    assert {e.field for e in refused.value.field_errors} == {"window_closes_on", "forwarding_deadline"}
    assert (await rounds.list_rounds(uow_factory=steps.factory)).total == 0


async def test_an_extended_window_lets_a_late_applicant_submit(steps: Steps) -> None:
    await steps.open_round(opens=-20, closes=-1, deadline=10)
    application_id = await steps.draft()
    await steps.attach(application_id)
    with pytest.raises(WindowClosed):
        await steps.submit(application_id)

    await rounds.change_round_dates(
        uow_factory=steps.factory,
        principal=BUREAU,
        command=rounds.ChangeRoundDates(2026, window_closes_on=steps.today(), reason="根据补充通知延长受理期"),
    )
    await steps.submit(application_id)
    latest = next(row for row in reversed(steps.world.audited) if row.target_type == "round")
    assert (latest.action, latest.reason) == ("change_round_dates", "根据补充通知延长受理期")


async def report(steps: Steps, station: Station, change: ChangeReport, who: Principal | None = None) -> InfoChange:
    return await changes.report_change(
        uow_factory=steps.factory,
        principal=who or operator(station_id=station.id),
        station_id=station.id,
        report=change,
    )


async def test_a_change_reported_on_day_30_is_on_time_and_applied_with_history(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    completed = steps.today() - timedelta(days=30)
    change = await changes.report_change(
        uow_factory=steps.factory,
        principal=operator(station_id=station.id),
        station_id=station.id,
        report=ChangeReport(
            completed_on=completed,
            name=NameChange("广州市天河区创新企业服务集团有限公司"),
            legal_representative=NEW_REPRESENTATIVE,
        ),
    )
    assert (change.kinds, change.late) == ((ChangeKind.NAME, ChangeKind.LEGAL_REPRESENTATIVE), False)
    assert change.before["legal_representative"] == COMPLETE.legal_representative

    view = await stations.get_station(uow_factory=steps.factory, principal=district(), station_id=station.id)
    assert (view.entity_name, view.legal_representative) == ("广州市天河区创新企业服务集团有限公司", NEW_REPRESENTATIVE)
    history = await stations.change_history(uow_factory=steps.factory, principal=BUREAU, station_id=station.id)
    assert [c.id for c in history.items] == [change.id]
    [event] = steps.world.events_of(contract.StationInfoChanged)
    assert (event.fields_changed, event.late, event.completed_on) == (
        ["name", "legal_representative"],
        False,
        completed,
    )


async def test_a_change_reported_on_day_31_is_accepted_and_flagged_late(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    staff = (StaffMember("令狐新", "站长", "13511112222"), StaffMember("东方白", "专员", "13533334444"))
    change = await changes.report_change(
        uow_factory=steps.factory,
        principal=operator(station_id=station.id),
        station_id=station.id,
        report=ChangeReport(
            completed_on=steps.today() - timedelta(days=31),
            address=AddressChange(station_address="广州市天河区体育西路 1 号"),
            staff=staff,
        ),
    )
    assert (change.kinds, change.late) == ((ChangeKind.ADDRESS, ChangeKind.STAFF), True)
    [event] = steps.world.events_of(contract.StationInfoChanged)
    assert event.late
    public = await stations.public_station(uow_factory=steps.factory, station_id=station.id)
    assert public.address == "广州市天河区体育西路 1 号"


async def test_a_change_is_refused_when_not_yet_completed_or_leaving_fewer_than_two_staff(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    one = (StaffMember("令狐新", "站长", "13511112222"),)
    with pytest.raises(RulesViolated) as refused:
        await report(steps, station, ChangeReport(completed_on=steps.today() + timedelta(days=1), staff=one))
    assert {e.field for e in refused.value.field_errors} == {"completed_on", "staff"}
    with pytest.raises(RulesViolated) as nothing:
        await report(steps, station, ChangeReport(completed_on=steps.today()))
    assert [e.field for e in nothing.value.field_errors] == ["kinds"]
    reported = await stations.change_history(uow_factory=steps.factory, principal=BUREAU, station_id=station.id)
    assert (reported.items, reported.total) == ([], 0)


async def test_only_the_stations_operator_reports_its_changes(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    change = ChangeReport(completed_on=steps.today(), contact=ContactPerson("独孤求", "13700001111"))
    with pytest.raises(NotFound):
        await report(steps, station, change, operator(OTHER_USCC))
    with pytest.raises(NotFound):
        await report(steps, station, change, district())
    view = await stations.get_station(uow_factory=steps.factory, principal=BUREAU, station_id=station.id)
    assert view.contact == COMPLETE.contact


async def sign(steps: Steps, station: Station, who: Principal | None = None) -> Station:
    return await convention.sign_convention(
        uow_factory=steps.factory,
        principal=who or operator(station_id=station.id),
        command=convention.SignConvention(station.id, VERSION, "欧阳振华", "法定代表人"),
    )


async def test_the_operator_signs_the_convention_once_and_the_bureau_sees_who_has_not(steps: Steps) -> None:
    await steps.open_round()
    signing = await steps.station()
    silent = await steps.station(other_form(OTHER_USCC, "440104"))

    signed = await sign(steps, signing)
    assert signed.has_signed(VERSION)
    with pytest.raises(InvalidTransition):
        await sign(steps, signing)

    async def listed(signed: bool) -> list[str]:
        page = await stations.list_stations(
            uow_factory=steps.factory,
            principal=BUREAU,
            query=stations.StationQuery(convention_signed=signed),
            convention_version=VERSION,
        )
        return [s.id for s in page.items]

    assert await listed(False) == [silent.id]
    assert await listed(True) == [signing.id]
    [event] = steps.world.events_of(contract.StationConventionSigned)
    assert (event.station_id, event.convention_version) == (signing.id, VERSION)
    assert "sign_convention" in [row.action for row in steps.world.audited if row.target_id == signing.id]


async def test_only_the_operator_of_the_station_signs_its_convention(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    for someone in (operator(OTHER_USCC), BUREAU):
        with pytest.raises(NotFound):
            await sign(steps, station, someone)


async def test_the_public_register_searches_by_district_service_and_name(steps: Steps) -> None:
    await steps.open_round()
    tianhe = await steps.station()
    yuexiu = await steps.station(
        replace(other_form(OTHER_USCC, "440104"), services=(ServiceCategory.TALENT,), station_name="越秀站")
    )

    async def found(**query: Any) -> list[str]:
        page = await stations.public_register(uow_factory=steps.factory, query=stations.StationQuery(**query))
        return [s.id for s in page.items]

    assert await found() == [tianhe.id, yuexiu.id]
    assert await found(district_code="440104") == [yuexiu.id]
    assert await found(service=ServiceCategory.LEGAL) == [tianhe.id]
    assert await found(name="越秀") == [yuexiu.id]


async def test_the_full_record_is_for_the_bureau_the_head_station_its_district_and_its_operator(
    steps: Steps,
) -> None:
    await steps.open_round()
    station = await steps.station()
    for entitled in (BUREAU, HEAD_STATION, district(), operator(), operator(OTHER_USCC, station_id=station.id)):
        await stations.get_station(uow_factory=steps.factory, principal=entitled, station_id=station.id)
    for stranger in (district("440104"), operator(OTHER_USCC)):
        with pytest.raises(NotFound):
            await stations.get_station(uow_factory=steps.factory, principal=stranger, station_id=station.id)


async def test_districts_list_the_stations_of_their_district_only(steps: Steps) -> None:
    await steps.open_round()
    tianhe = await steps.station()
    await steps.station(other_form(OTHER_USCC, "440104"))

    async def listed(principal: Principal, district_code: str | None = None) -> list[str]:
        page = await stations.list_stations(
            uow_factory=steps.factory,
            principal=principal,
            query=stations.StationQuery(district_code=district_code),
            convention_version=VERSION,
        )
        return [s.id for s in page.items]

    assert await listed(district()) == [tianhe.id]
    assert await listed(district(), "440104") == []
    assert await listed(operator()) == [tianhe.id]
    assert len(await listed(BUREAU)) == 2


async def test_a_revoked_station_takes_no_more_changes_or_signatures(steps: Steps) -> None:
    await steps.open_round()
    station = await steps.station()
    async with steps.uow_factory() as uow:
        found = await uow.stations.get(station.id)
        assert found is not None
        found.revoke(
            ground=RevocationGround.VOLUNTARY_WITHDRAWAL,
            reason="撤销",
            effective_on=steps.today(),
            now=steps.clock.now(),
        )
        await uow.stations.save(found)
    assert (await stations.get_station(uow_factory=steps.factory, principal=BUREAU, station_id=station.id)).status is (
        StationStatus.REVOKED
    )
    with pytest.raises(InvalidTransition):
        await report(steps, station, ChangeReport(completed_on=steps.today(), legal_representative="新代表"))
    with pytest.raises(InvalidTransition):
        await sign(steps, station)


async def test_the_platform_team_does_not_see_the_full_register(steps: Steps) -> None:
    with pytest.raises(Forbidden):
        await stations.list_stations(
            uow_factory=steps.factory,
            principal=Principal(subject="ops", role=Role.PLATFORM_OPERATOR),
            query=stations.StationQuery(),
            convention_version=VERSION,
        )
