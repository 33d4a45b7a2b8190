"""Breaking Chinese text into lines as Chinese typesetting does (pure; used by `sme_kit.documents`).

A line may break between any two Chinese characters, but never inside a run of Latin letters or
digits ("2026", "GZSME-2026-0001"), a date ("2026年9月28日") or a number's year and sequence
("〔2026〕001号") unless that alone is wider than the line; and, by the rules of
避头尾 (GB/T 15834 practice), a line never starts with closing punctuation (，。、；：）》” …) nor ends
with opening punctuation (（《“ …): the character before is carried down with it instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["NO_LINE_END", "NO_LINE_START", "balanced_lines", "break_lines"]

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# What stays together: a date as Chinese writes it (2026年9月28日), the year and number of a document or
# plaque number (〔2026〕001号), a run of Latin letters, digits and what joins them; else one character.
_TOKEN = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日|〔\d{4}〕\d+号|[A-Za-z0-9@#&_+\-./:%]+| +|.",
    re.DOTALL,
)

Measure = Callable[[str], float]


def break_lines(text: str, width: float, measure: Measure, *, first_width: float | None = None) -> list[str]:
    """``text`` in lines no wider than ``width`` (the first no wider than ``first_width``, for an indent).

    ``measure`` gives a string's width in the same unit. Line feeds in ``text`` are kept as breaks.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break(paragraph, width, measure, first_width if not lines else None))
    return lines


def balanced_lines(text: str, width: float, measure: Measure, *, break_after: str | None = None) -> list[str]:
    """A title in as few lines as fit ``width``, of about equal length; after ``break_after`` if that
    splits it into two lines that fit (2026年广州市民营和中小企业服务站 / 拟认定名单公示)."""
    if measure(text) <= width:
        return [text]
    if break_after and break_after in text:
        cut = text.index(break_after) + len(break_after)
        head, tail = text[:cut], text[cut:]
        if tail and measure(head) <= width and measure(tail) <= width:
            return [head, tail]
    count = len(break_lines(text, width, measure))
    target = measure(text) / count
    # Widen the target until the text fits in that many lines: the last line takes what is left.
    while True:
        lines = break_lines(text, min(target, width), measure)
        if len(lines) <= count or target >= width:
            return lines
        target += measure("国")


def _break(text: str, width: float, measure: Measure, first_width: float | None) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    used = 0.0

    def limit() -> float:
        return first_width if first_width is not None and not lines else width

    for token in _tokens(text, width, measure):
        size = measure(token)
        if used + size <= limit() or not line:
            line.append(token)
            used += size
            continue
        if token.isspace():
            lines.append("".join(line).strip())
            line, used = [], 0.0
            continue
        carried: list[str] = []
        # Closing punctuation may not open a line, opening punctuation may not end one: carry down.
        while len(line) > 1 and ((carried or [token])[0][0] in NO_LINE_START or line[-1][-1] in NO_LINE_END):
            carried.insert(0, line.pop())
        lines.append("".join(line).strip())
        line = [*carried, token]
        used = sum(measure(t) for t in line)
    lines.append("".join(line).strip())
    return lines


def _tokens(text: str, width: float, measure: Measure) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if len(token) > 1 and not token.isspace() and measure(token) > width:
            tokens.extend(token)  # a run wider than a line breaks where it must
        else:
            tokens.append(token)
    return tokens
