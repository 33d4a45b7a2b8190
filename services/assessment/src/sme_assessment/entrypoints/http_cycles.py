"""HTTP routes of the annual assessment (§4.3.6): cycles, manual scores, participation, compute, publish."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from fastapi import Path as PathParam

from sme_assessment.entrypoints.cycle_models import (
    CycleIn,
    CycleView,
    ManualScoreIn,
    ManualScoreView,
    NonParticipationIn,
    NonParticipationView,
    PublishIn,
    ResultView,
    SettingsIn,
)
from sme_assessment.service_layer import cycles, participation, results, scoring
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import Bureau, CurrentPrincipal, Staff
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/cycles", tags=["年度考核 Annual assessment"])

IndicatorCodePath = Annotated[str, PathParam(examples=["promotion_sessions"])]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Open a year's assessment with its indicators, weights and pass mark (bureau)",
    responses=problem_responses(401, 403, 409, 422),
)
async def open_cycle(form: CycleIn, bureau: Bureau, uow: UowFactoryDep) -> CycleView:
    cycle = await cycles.open_cycle(
        uow_factory=uow,
        principal=bureau,
        year=form.year,
        pass_mark=form.pass_mark,
        rectification_days=form.rectification_days,
        indicators=[indicator.spec() for indicator in form.indicators] if form.indicators else None,
    )
    return CycleView.of(cycle)


@router.get("", summary="Every year's assessment cycle", responses=problem_responses(401))
async def list_cycles(paging: Paging, principal: CurrentPrincipal, uow: UowFactoryDep) -> Page[CycleView]:
    return Page.of(await cycles.list_cycles(uow_factory=uow, principal=principal, page=paging), CycleView.of)


@router.get("/{cycle_id}", summary="A cycle with its indicators", responses=problem_responses(401, 404))
async def read_cycle(cycle_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> CycleView:
    return CycleView.of(await cycles.get_cycle(uow_factory=uow, principal=principal, cycle_id=cycle_id))


@router.put(
    "/{cycle_id}/settings",
    summary="Change the indicators, weights, pass mark or rectification period before publication (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def change_settings(cycle_id: str, form: SettingsIn, bureau: Bureau, uow: UowFactoryDep) -> CycleView:
    cycle = await cycles.change_settings(
        uow_factory=uow,
        principal=bureau,
        cycle_id=cycle_id,
        reason=form.reason,
        pass_mark=form.pass_mark,
        rectification_days=form.rectification_days,
        indicators=[indicator.spec() for indicator in form.indicators] if form.indicators else None,
    )
    return CycleView.of(cycle)


@router.put(
    "/{cycle_id}/stations/{station_id}/manual-scores/{indicator_code}",
    summary="Enter a score by hand, with a reason (bureau, head station); audited",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def enter_manual_score(
    cycle_id: str,
    station_id: str,
    indicator_code: IndicatorCodePath,
    form: ManualScoreIn,
    preparer: Staff,
    uow: UowFactoryDep,
) -> ManualScoreView:
    entered = await scoring.enter_manual_score(
        uow_factory=uow,
        principal=preparer,
        cycle_id=cycle_id,
        station_id=station_id,
        indicator_code=indicator_code,
        score=form.score,
        reason=form.reason,
    )
    return ManualScoreView.of(entered)


@router.post(
    "/{cycle_id}/non-participation",
    status_code=status.HTTP_201_CREATED,
    summary="Record that a station does not take part: exempted with a good reason, else ground 6 (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def record_non_participation(
    cycle_id: str, form: NonParticipationIn, bureau: Bureau, uow: UowFactoryDep
) -> NonParticipationView:
    record = await participation.record_non_participation(
        uow_factory=uow,
        principal=bureau,
        cycle_id=cycle_id,
        station_id=form.station_id,
        excused=form.excused,
        reason=form.reason,
    )
    return NonParticipationView.of(record)


@router.get(
    "/{cycle_id}/non-participation",
    summary="Stations not taking part in the cycle (bureau, head station, district)",
    responses=problem_responses(401, 403, 404),
)
async def list_non_participation(
    cycle_id: str,
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    district_code: str | None = Query(default=None),
) -> Page[NonParticipationView]:
    found = await participation.non_participants(
        uow_factory=uow, principal=principal, cycle_id=cycle_id, district_code=district_code, page=paging
    )
    return Page.of(found, NonParticipationView.of)


@router.post(
    "/{cycle_id}/compute",
    summary="Compute every active station's total, outcome and breakdown from the evidence (bureau, head station)",
    responses=problem_responses(401, 403, 404, 409),
)
async def compute(cycle_id: str, preparer: Staff, uow: UowFactoryDep) -> list[ResultView]:
    await scoring.compute(uow_factory=uow, principal=preparer, cycle_id=cycle_id)
    found = await results.every_result_of_cycle(uow_factory=uow, principal=preparer, cycle_id=cycle_id)
    return [ResultView.of(file) for file in found]


@router.post(
    "/{cycle_id}/publish",
    summary="Publish the computed results; unqualified stations are ordered to rectify (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def publish(cycle_id: str, form: PublishIn, bureau: Bureau, uow: UowFactoryDep) -> list[ResultView]:
    await scoring.publish(
        uow_factory=uow, principal=bureau, cycle_id=cycle_id, rectification_due=form.rectification_due_on
    )
    found = await results.every_result_of_cycle(uow_factory=uow, principal=bureau, cycle_id=cycle_id)
    return [ResultView.of(file) for file in found]


@router.get(
    "/{cycle_id}/results",
    summary="Results of a cycle (operator: its own; district: its district's, once published)",
    responses=problem_responses(401, 403, 404),
)
async def list_results(
    cycle_id: str,
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    district_code: str | None = Query(default=None),
) -> Page[ResultView]:
    found = await results.results_of_cycle(
        uow_factory=uow, principal=principal, cycle_id=cycle_id, district_code=district_code, page=paging
    )
    return Page.of(found, ResultView.of)


@router.get(
    "/{cycle_id}/results/{station_id}",
    summary="One station's result with its breakdown",
    responses=problem_responses(401, 404),
)
async def read_result(cycle_id: str, station_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> ResultView:
    return ResultView.of(
        await results.result_of_station(uow_factory=uow, principal=principal, cycle_id=cycle_id, station_id=station_id)
    )
