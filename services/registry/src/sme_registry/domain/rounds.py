"""The annual application round (§4.1.1): the bureau's notice sets the window once a year.

Dates are calendar days in Asia/Shanghai; the window includes its first and last day, and the
districts forward their reviewed applications by the forwarding deadline (inclusive).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sme_registry.domain.errors import RuleViolation, WindowClosed


@dataclass
class Round:
    year: int
    window_opens_on: date
    window_closes_on: date
    forwarding_deadline: date
    title: str
    opened_by: str
    opened_at: datetime
    updated_at: datetime

    def accepts_on(self, day: date) -> bool:
        """True when `day` lies in the application window."""
        return self.window_opens_on <= day <= self.window_closes_on

    def resubmission_open_on(self, day: date) -> bool:
        """A returned application may come back until the districts' forwarding deadline."""
        return day <= self.forwarding_deadline

    @property
    def window_text(self) -> str:
        return f"{self.year}年度申请受理期为 {self.window_opens_on.isoformat()} 至 {self.window_closes_on.isoformat()}"


def round_date_violations(
    year: int, window_opens_on: date, window_closes_on: date, forwarding_deadline: date
) -> list[RuleViolation]:
    """What is wrong with a round's dates: the window must not end before it opens, and districts
    cannot forward before the window closes."""
    violations = []
    if window_closes_on < window_opens_on:
        violations.append(
            RuleViolation(
                "window_closes_on",
                "受理截止日期不能早于开始日期 (the window cannot close before it opens)",
                "window_order",
            )
        )
    if forwarding_deadline < window_closes_on:
        violations.append(
            RuleViolation(
                "forwarding_deadline",
                "区级初审上报截止日期不能早于受理截止日期 (districts forward after the window closes)",
                "deadline_order",
            )
        )
    if window_opens_on.year not in (year - 1, year):
        violations.append(
            RuleViolation(
                "window_opens_on",
                f"{year}年度批次的受理期应在{year}年开始 (the window of round {year} opens in that year)",
                "window_year",
            )
        )
    return violations


def open_round_on(rounds: Iterable[Round], day: date) -> Round | None:
    """The round whose window includes `day`, if any (the newest, should windows ever overlap)."""
    accepting = [r for r in rounds if r.accepts_on(day)]
    return max(accepting, key=lambda r: r.year) if accepting else None


def window_closed(rounds: Iterable[Round], day: date) -> WindowClosed:
    """The refusal of a submission on `day`, naming the window the applicant should aim for."""
    known = sorted(rounds, key=lambda r: r.year)
    upcoming = [r for r in known if r.window_opens_on > day]
    this_year = [r for r in known if r.year == day.year]
    named = upcoming[0] if upcoming else (this_year[-1] if this_year else None)
    if named is None:
        return WindowClosed(
            f"当前没有开放的服务站申请受理期（{day.isoformat()}），请留意市工业和信息化局年度申请通知 "
            "(no application window is open)"
        )
    when = "尚未开始" if named.window_opens_on > day else "已结束"
    return WindowClosed(
        f"{named.window_text}，受理期{when}，今天是 {day.isoformat()} "
        f"(the {named.year} application window is {named.window_opens_on} to {named.window_closes_on})"
    )
