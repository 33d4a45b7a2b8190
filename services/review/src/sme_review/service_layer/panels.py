"""Use cases of expert panels: groups of experts the head station forms for a round."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sme_kit.auth import Principal
from sme_kit.errors import FieldError, NotFound, ValidationFailed
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_review.adapters.unit_of_work import ReviewUowFactory
from sme_review.domain.experts import Panel
from sme_review.service_layer.access import FIRST_PAGE
from sme_review.service_layer.assignments import known_experts, unique


async def save_panel(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    year: int,
    panel_id: str | None,
    name: str,
    expert_ids: Sequence[str],
) -> Panel:
    """Form (or re-form) an expert panel of the round; its members are assigned to cases together."""
    members = unique(expert_ids)
    if not members:
        raise ValidationFailed([FieldError("expert_ids", "专家组至少需要一位专家 (at least one expert)", "missing")])
    async with uow_factory(Actor.of(principal)) as uow:
        await known_experts(uow, members, "expert_ids")
        now = uow.clock.now()
        await uow.rounds.get_or_open(year, now)
        if panel_id is None:
            panel = Panel(str(uuid.uuid4()), year, name.strip(), tuple(members), now, now)
            await uow.panels.add(panel)
        else:
            existing = await uow.panels.get(panel_id)
            if existing is None or existing.round_year != year:
                raise NotFound(f"{year}年度没有编号为 {panel_id} 的专家组 (no such panel)")
            panel = Panel(existing.id, year, name.strip(), tuple(members), existing.created_at, now)
            await uow.panels.save(panel)
        uow.audit("save_panel", "panel", panel.id, round_year=year, expert_ids=members)
        await uow.commit()
    return panel


async def list_panels(
    *, uow_factory: ReviewUowFactory, principal: Principal, year: int, page: PageRequest = FIRST_PAGE
) -> PageOf[Panel]:
    """A page of the round's panels, in the order they were formed."""
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.panels.of_round(year, page)
