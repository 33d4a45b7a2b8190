"""Scenario: the head station reminds a late expert (催办), and the expert hears it.

The services' clocks start on Tuesday 1 December 2026, 09:00 in Guangzhou. An application of the
2026 round reaches review; the head station asks two experts to score it by that same day. One
scores in time; three days later the other has not. Reminding the one who scored, or the late one
before its due date had passed, is refused; reminding the late one is recorded on its assignment
and reaches its inbox and its e-mail, saying which applicant, the deadline and by how many days it
passed; a second reminder the same day is refused naming when the first was sent. The bureau
cannot remind anybody (the head station organises the review).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from . import programme as p
from .system import System

pytestmark = [pytest.mark.e2e, pytest.mark.scenario]

YEAR = 2026
APPLICANT = p.applicant(
    "MA5K7RM31", "广州市黄埔区科学城企业服务有限公司", "440112", "科学城", "广州市黄埔区科学大道 18 号", "程立新"
)
PROMPT, LATE = ("expert-qiu", "邱文博"), ("expert-tan", "谭雅琴")
REMINDED = "gz.sme.review.case.expert_reminded.v1"


class Story:
    application: p.Application
    case_id: str


story = Story()


def reminders(case_id: str, expert_id: str) -> str:
    return f"/cases/{case_id}/assignments/{expert_id}/reminders"


async def test_a_case_is_open_and_two_experts_are_due_today(system: System) -> None:
    for subject, name in (PROMPT, LATE):
        official = {"name": name, "role": "expert", "email": f"{subject}@experts.example.cn"}
        p.ok(await system.notifications.put(f"/directory/officials/{subject}", json=official, headers=system.bureau))
    await p.open_round(system, YEAR, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    await p.set_contact(system, APPLICANT)
    story.application = await p.submit_application(system, APPLICANT)
    await p.forward(system, story.application)
    story.case_id = await p.case_opened(system, story.application)
    await p.register_experts(system, dict([PROMPT, LATE]))
    due = (await system.today()).isoformat()
    body = {"expert_ids": [PROMPT[0], LATE[0]], "due_on": due}
    p.ok(await system.review.post(f"/cases/{story.case_id}/assignments", json=body, headers=system.head_station))

    # On the due date itself nobody is late yet.
    early = await system.review.post(reminders(story.case_id, LATE[0]), headers=system.head_station)
    assert early.status_code == 409, early.text
    assert early.json()["type"].endswith("/reminder-refused")
    assert early.json()["reason"] == "not_overdue"
    assert "尚未届满" in early.json()["detail"]

    criteria = p.ok(await system.review.get(f"/rounds/{YEAR}/criteria", headers=system.head_station))["criteria"]
    sheet = {"marks": {c["code"]: 80 for c in criteria}, "comment": "服务能力较强"}
    p.ok(await system.review.put(f"/cases/{story.case_id}/score-sheet", json=sheet, headers=system.expert(PROMPT[0])))


async def test_three_days_later_the_head_station_reminds_the_late_expert_once(system: System) -> None:
    await system.advance_clocks(timedelta(days=3))

    scored = await system.review.post(reminders(story.case_id, PROMPT[0]), headers=system.head_station)
    assert (scored.status_code, scored.json()["reason"]) == (409, "sheet_submitted"), scored.text
    bureau = await system.review.post(reminders(story.case_id, LATE[0]), headers=system.bureau)
    assert bureau.status_code == 403, bureau.text

    sent = p.ok(await system.review.post(reminders(story.case_id, LATE[0]), headers=system.head_station), 201)
    assert (sent["expert_id"], sent["days_overdue"], sent["reminders_sent"]) == (LATE[0], 3, 1)

    again = await system.review.post(reminders(story.case_id, LATE[0]), headers=system.head_station)
    assert again.status_code == 409, again.text
    assert again.json()["reason"] == "reminded_today"
    assert "每天至多催办一次" in again.json()["detail"]

    case = p.ok(await system.review.get(f"/cases/{story.case_id}", headers=system.head_station))
    [late] = [a for a in case["assignments"] if a["expert_id"] == LATE[0]]
    assert (late["reminders_sent"], late["last_reminded_at"]) == (1, sent["last_reminded_at"])
    round_ = p.ok(await system.review.get(f"/rounds/{YEAR}/assignments", headers=system.head_station))
    assert {a["expert_id"]: a["reminders_sent"] for a in round_["items"]} == {PROMPT[0]: 0, LATE[0]: 1}


async def test_the_late_expert_reads_the_reminder_in_its_inbox_and_e_mail(system: System) -> None:
    message = await system.inbox_message(system.expert(LATE[0]), REMINDED)
    assert APPLICANT.entity_name in message["title"]
    assert "2026年12月1日已过 3 天" in message["body"]
    assert "告知服务总站" in message["body"]
    await system.mail_to(f"{LATE[0]}@experts.example.cn", "评分催办")
    # Only the late expert is told.
    assert [m for m in await system.inbox(system.expert(PROMPT[0])) if m["event_type"] == REMINDED] == []
