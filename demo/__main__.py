"""`make demo`: fill the running system (`make run`) with a small, realistic programme year.

    python -m demo                  # the next act that is due
    python -m demo --status         # only say how far the demo got

Service URLs default to `make run`'s (http://127.0.0.1:8101 … 8105); SME_<SERVICE>_URL or
--base-port point elsewhere. Tokens are signed with AUTH_DEV_SECRET, as `make token` does.

Act one runs once, on an empty system: it refuses a system that already holds this year's
round. Act two is due when the 5-working-day notice period is over; run `make demo` again on
or after the day it names. When the services run with TESTING_CLOCK=true, the demo lets the
period pass at once (it moves their clocks) and plays both acts in one go.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime, time, timedelta
from typing import Any

from demo.acts import act_one, act_two, where
from demo.api import SERVICES, Api, DemoError
from demo.cast import APPLICANTS, OBJECTION_NOT_UPHELD
from sme_kit.vocabulary import SHANGHAI


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def urls(base_port: int) -> dict[str, str]:
    return {
        name: os.environ.get(f"SME_{name.upper()}_URL", f"http://127.0.0.1:{base_port + index}")
        for index, name in enumerate(SERVICES)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo", description=__doc__.splitlines()[0])
    parser.add_argument("--base-port", type=int, default=int(os.environ.get("SME_BASE_PORT", "8101")))
    parser.add_argument("--status", action="store_true", help="say how far the demo got, change nothing")
    args = parser.parse_args(argv)
    secret = os.environ.get("AUTH_DEV_SECRET")
    if not secret:
        say("AUTH_DEV_SECRET is not set (make demo sets it as make run does)")
        return 2
    api = Api(urls(args.base_port), secret)
    try:
        return run(api, status_only=args.status)
    except DemoError as exc:
        say(f"演示数据未能完成 (the demo stopped): {exc}")
        return 1
    finally:
        api.close()


def run(api: Api, *, status_only: bool) -> int:
    api.check_up()
    found = where(api)
    if found.round_exists and not found.is_demo:
        say(f"{found.year} 年度申请批次已由他人设立：演示只填充空系统 (this system holds a real round; not touched)")
        return 1
    if status_only:
        say(describe(found))
        return 0
    started = datetime.now(SHANGHAI)
    if not found.round_exists:
        say(f"演示：{found.year} 年度服务站认定工作（第一幕：申请、初审、专家评审、公示、异议）")
        notice = act_one(api, say)
    elif found.review_status in ("notice_published", "notice_ended") and found.notice:
        notice = found.notice
    elif found.review_status == "finalised":
        say("演示数据已完整写入，无需再次运行 (the demo ran both acts already; nothing to do)")
        print_guide(api, found.year, None)
        return 0
    else:
        say(
            "上次运行未完成 (an earlier run stopped half-way). 请停止 make run，删除 .local/run/*.sqlite 后重新启动，"
            "再运行 make demo (stop make run, remove .local/run/*.sqlite, start again)"
        )
        return 1

    period_end = date.fromisoformat(notice["period_end"])
    after_period = datetime.combine(period_end + timedelta(days=1), time(9, 30), SHANGHAI)
    if api.now() < after_period and api.movable_clocks():
        say(f"· 服务以 TESTING_CLOCK 运行：时钟前移至公示期满后 {after_period:%Y-%m-%d %H:%M}")
        api.move_clocks_to(after_period)
        api.wait(lambda: _notice_over(api, notice["id"]), "the notice period to end")
    if api.now() < after_period or not _notice_over(api, notice["id"]):
        say(
            f"公示期至 {period_end.isoformat()}（含）；请于 {after_period.date().isoformat()} 起再次运行 make demo，"
            f"公布最终认定名单并生成服务站数据 (run make demo again on or after {after_period.date().isoformat()})"
        )
        print_guide(api, found.year, notice)
        return 0
    say("演示：第二幕（异议处理、最终认定名单、服务站开展工作）")
    act_two(api, found.year, say)
    print_guide(api, found.year, notice)
    say(f"用时 {(datetime.now(SHANGHAI) - started).total_seconds():.0f} 秒")
    return 0


def _notice_over(api: Api, notice_id: str) -> bool:
    notice = api.get("review", f"/public/notices/{notice_id}")
    return bool(notice["status"] != "published")


def describe(found: Any) -> str:
    if not found.round_exists:
        return f"{found.year} 年度尚无申请批次：make demo 将运行第一幕"
    notice = found.notice or {}
    return (
        f"{found.year} 年度评审状态：{found.review_status}；"
        f"公示期 {notice.get('period_start', '—')} 至 {notice.get('period_end', '—')}"
    )


def print_guide(api: Api, year: int, notice: dict[str, Any] | None) -> None:
    """What to open, and the tokens to open it with."""
    registry, review, activities, _, notifications = (api.urls[n] for n in SERVICES)
    applicant = APPLICANTS[0]
    objected = next(a for a in APPLICANTS if a.key == OBJECTION_NOT_UPHELD[0])
    site = os.environ.get("SME_GATEWAY_URL", "http://127.0.0.1:8100")
    say("")
    say("打开看看 (open):")
    say(f"  网站 website                  {site}/")
    say(f"  公示 public notice            {site}/notices")
    say(f"  服务站名录 register           {site}/stations")
    say(f"  认定名单 final list           {site}/final-lists/{year}")
    say(f"  活动 activities               {site}/activities")
    say(f"  工作台 console                {site}/console   (开发登录：选择演示中的任一人员 / pick anyone of the demo)")
    say(f"  API (JSON)                    {registry}/public/stations  {review}/public/notices  {activities}/activities")
    say(f"  站内信 inbox                  {notifications}/inbox   (with a token, see below)")
    say(f"  API 文档                      {registry}/docs … {notifications}/docs")
    say(f"  短信（含验证码）text messages {api.sms_spool / 'sms.jsonl'}   (development: the SMS spool)")
    say('令牌 (tokens): TOKEN=$(make -s token ROLE=... ) then curl -H "Authorization: Bearer $TOKEN" ...')
    say("  make -s token ROLE=bureau_admin SUB=bureau-chen")
    say("  make -s token ROLE=head_station_staff SUB=hs-liang")
    say(f"  make -s token ROLE=district_officer DISTRICT={applicant.district_code}")
    say(f"  make -s token ROLE=station_operator ORG={applicant.uscc}     # {applicant.entity_name}")
    say(f"  make -s token ROLE=station_operator ORG={objected.uscc}     # {objected.entity_name}")
    say("  make -s token ROLE=expert SUB=expert-lin")


if __name__ == "__main__":
    raise SystemExit(main())
