"""HTTP routes of a round's expert panels (head station)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.experts import Panel
from sme_review.entrypoints.deps import HeadStation, Staff, Year
from sme_review.service_layer import panels as panel_cases

router = APIRouter(prefix="/rounds", tags=["专家库 Expert pool"])


class PanelForm(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [{"name": "第一评审组", "expert_ids": ["expert-lin", "expert-chen", "expert-he"]}]
        },
    )

    name: str = Field(min_length=1, max_length=100)
    expert_ids: list[str] = Field(max_length=15)


class PanelView(BaseModel):
    id: str
    round_year: int
    name: str
    expert_ids: list[str]
    updated_at: datetime

    @classmethod
    def of(cls, panel: Panel) -> PanelView:
        return cls(
            id=panel.id,
            round_year=panel.round_year,
            name=panel.name,
            expert_ids=list(panel.expert_ids),
            updated_at=panel.updated_at,
        )


@router.post(
    "/{year}/panels",
    status_code=status.HTTP_201_CREATED,
    summary="Form an expert panel for the round (head station)",
    responses=problem_responses(401, 403, 422),
)
async def create_panel(year: Year, form: PanelForm, principal: HeadStation, uow: UowFactoryDep) -> PanelView:
    panel = await panel_cases.save_panel(
        uow_factory=uow, principal=principal, year=year, panel_id=None, name=form.name, expert_ids=form.expert_ids
    )
    return PanelView.of(panel)


@router.put(
    "/{year}/panels/{panel_id}",
    summary="Re-form an expert panel (head station)",
    responses=problem_responses(401, 403, 404, 422),
)
async def update_panel(
    year: Year, panel_id: str, form: PanelForm, principal: HeadStation, uow: UowFactoryDep
) -> PanelView:
    panel = await panel_cases.save_panel(
        uow_factory=uow, principal=principal, year=year, panel_id=panel_id, name=form.name, expert_ids=form.expert_ids
    )
    return PanelView.of(panel)


@router.get(
    "/{year}/panels",
    summary="The round's expert panels (head station, bureau)",
    responses=problem_responses(401, 403, 422),
)
async def list_panels(year: Year, paging: Paging, principal: Staff, uow: UowFactoryDep) -> Page[PanelView]:
    found = await panel_cases.list_panels(uow_factory=uow, principal=principal, year=year, page=paging)
    return Page.of(found, PanelView.of)
