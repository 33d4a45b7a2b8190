"""Use cases of the annual application round (§4.1.1)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.exc import IntegrityError

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.errors import RoundExists, refuse
from sme_registry.domain.rounds import Round, round_date_violations

log = logging.getLogger(__name__)

FIRST_PAGE = PageRequest()


@dataclass(frozen=True)
class OpenRound:
    year: int
    window_opens_on: date
    window_closes_on: date
    forwarding_deadline: date
    title: str | None = None


@dataclass(frozen=True)
class ChangeRoundDates:
    year: int
    window_opens_on: date | None = None
    window_closes_on: date | None = None
    forwarding_deadline: date | None = None
    reason: str | None = None


async def open_round(*, uow_factory: RegistryUowFactory, principal: Principal, command: OpenRound) -> Round:
    """The bureau opens the year's round with its window; one round per year."""
    refuse(
        round_date_violations(
            command.year, command.window_opens_on, command.window_closes_on, command.forwarding_deadline
        )
    )
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.rounds
        if await repository.get(command.year, for_update=True) is not None:
            raise RoundExists(f"{command.year}年度申请批次已设立，每年只开展一次认定 (the {command.year} round exists)")
        now = uow.clock.now()
        round_ = Round(
            year=command.year,
            window_opens_on=command.window_opens_on,
            window_closes_on=command.window_closes_on,
            forwarding_deadline=command.forwarding_deadline,
            title=command.title or f"{command.year}年度广州市民营和中小企业服务站认定申请",
            opened_by=principal.subject,
            opened_at=now,
            updated_at=now,
        )
        try:
            await repository.add(round_)
        except IntegrityError as exc:  # opened by someone else at the same moment
            raise RoundExists(f"{command.year}年度申请批次已设立 (the {command.year} round exists)") from exc
        uow.audit(
            "open_round",
            "round",
            str(command.year),
            window_opens_on=command.window_opens_on.isoformat(),
            window_closes_on=command.window_closes_on.isoformat(),
            forwarding_deadline=command.forwarding_deadline.isoformat(),
        )
        await uow.commit()
    log.info("round %s opened", command.year)
    return round_


async def change_round_dates(
    *, uow_factory: RegistryUowFactory, principal: Principal, command: ChangeRoundDates
) -> Round:
    """The bureau moves the window or the forwarding deadline (e.g. extends it by a new notice)."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.rounds
        current = await repository.get(command.year, for_update=True)
        if current is None:
            raise round_not_found(command.year)
        changed = replace(
            current,
            window_opens_on=command.window_opens_on or current.window_opens_on,
            window_closes_on=command.window_closes_on or current.window_closes_on,
            forwarding_deadline=command.forwarding_deadline or current.forwarding_deadline,
            updated_at=uow.clock.now(),
        )
        refuse(
            round_date_violations(
                changed.year, changed.window_opens_on, changed.window_closes_on, changed.forwarding_deadline
            )
        )
        await repository.save(changed)
        uow.audit(
            "change_round_dates",
            "round",
            str(command.year),
            reason=command.reason,
            window_opens_on=changed.window_opens_on.isoformat(),
            window_closes_on=changed.window_closes_on.isoformat(),
            forwarding_deadline=changed.forwarding_deadline.isoformat(),
        )
        await uow.commit()
    return changed


async def list_rounds(*, uow_factory: RegistryUowFactory, page: PageRequest = FIRST_PAGE) -> PageOf[Round]:
    """One page of the rounds, newest first (public: the rounds are announced by public notice)."""
    async with uow_factory() as uow:
        return await uow.rounds.page(page)


async def get_round(*, uow_factory: RegistryUowFactory, year: int) -> Round:
    async with uow_factory() as uow:
        found = await uow.rounds.get(year)
    if found is None:
        raise round_not_found(year)
    return found


def round_not_found(year: int) -> NotFound:
    return NotFound(f"没有{year}年度的申请批次 (no round for {year})")
