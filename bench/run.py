"""The kit's first benchmark: publish throughput, consume throughput and end-to-end latency.

Run from the repository root: ``.venv/bin/python -m bench.run`` (``make bench``). See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import secrets
import time
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient

from bench.common import Bench
from bench.consume import run_consume
from bench.latency import run_latency
from bench.machine import REPO_ROOT, describe
from bench.publish import run_publish
from sme_kit.testing.infra import Infrastructure, server_version
from sme_kit.tracing import configure_tracing

RESULTS = Path(__file__).resolve().parent / "results"

PUBLISH_TARGET = 0.7  # raw seconds / kit seconds
CONSUME_TARGET = 0.8
LATENCY_MARGIN_MS = 100  # kit p99 at most this much above raw p99
# Consuming is bound by one committed transaction per event (~300/s raw on a 2-core machine):
# 20,000 events would take ~3 minutes for kit and raw alone, so fewer are consumed by default.
CONSUME_DEFAULT_CAP = 10_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--events", type=int, default=20_000, help="events published (default 20000)")
    parser.add_argument(
        "--consume-events",
        type=int,
        help=f"events consumed (default: --events, at most {CONSUME_DEFAULT_CAP}: raw commits per event, slowly)",
    )
    parser.add_argument("--latency-events", type=int, default=500, help="events timed one by one (default 500)")
    parser.add_argument("--warmup", type=int, default=500, help="untimed events before each throughput run")
    parser.add_argument("--latency-warmup", type=int, default=50, help="untimed events before each latency run")
    parser.add_argument("--gap-ms", type=float, default=20.0, help="time between two latency events (default 20)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the generated events")
    parser.add_argument(
        "--tracing", action="store_true", help="configure tracing as a service does (SDK provider, SQLAlchemy spans)"
    )
    args = parser.parse_args(argv)
    if args.consume_events is None:
        args.consume_events = min(args.events, CONSUME_DEFAULT_CAP)
    return args


async def timed_part(name: str, part: Any) -> dict[str, Any]:
    print(f"{name}: running...", flush=True)
    start = time.perf_counter()
    result: dict[str, Any] = await part
    result["wall_seconds"] = round(time.perf_counter() - start, 1)
    print(f"{name}: done in {result['wall_seconds']} s", flush=True)
    return result


async def run_all(args: argparse.Namespace, bootstrap: str, admin_url: str) -> dict[str, Any]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    bench = Bench(admin_url, bootstrap, f"bench{secrets.token_hex(4)}", admin, random.Random(args.seed), args.tracing)
    print(f"run {bench.run_id}: kafka {bootstrap}, postgresql {admin_url}", flush=True)
    try:
        postgresql = await server_version(admin_url)
        publish = await timed_part("(a) publish", run_publish(bench, args.events, args.warmup))
        consume = await timed_part("(b) consume", run_consume(bench, args.consume_events, args.warmup))
        latency = await timed_part(
            "(c) latency", run_latency(bench, args.latency_events, args.latency_warmup, args.gap_ms)
        )
    finally:
        with suppress(Exception):
            await bench.delete_topics()
        await admin.close()
    return {
        "run_id": bench.run_id,
        "machine": describe(postgresql),
        "parameters": dict(vars(args)),
        "publish": publish,
        "consume": consume,
        "latency": latency,
    }


def judge(results: dict[str, Any]) -> dict[str, Any]:
    """The three figures and whether each meets its target."""
    publish, consume = results["publish"]["ratio"], results["consume"]["ratio"]
    kit_p99, raw_p99 = results["latency"]["kit"]["p99_ms"], results["latency"]["raw"]["p99_ms"]
    return {
        "publish_ratio": {"value": publish, "target": f">= {PUBLISH_TARGET}"},
        "consume_ratio": {"value": consume, "target": f">= {CONSUME_TARGET}"},
        "latency_p99_ms": {"value": kit_p99, "raw": raw_p99, "target": f"<= raw p99 + {LATENCY_MARGIN_MS} ms"},
        "met": {
            "publish_ratio": publish >= PUBLISH_TARGET,
            "consume_ratio": consume >= CONSUME_TARGET,
            "latency_p99_ms": kit_p99 <= raw_p99 + LATENCY_MARGIN_MS,
        },
    }


def write_results(results: dict[str, Any], stamp: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    path = RESULTS / f"{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    return path


def print_report(results: dict[str, Any], path: Path) -> None:
    m, p, c, lat = results["machine"], results["publish"], results["consume"], results["latency"]
    print()
    print(f"SME kit benchmark {results['run_id']} at {results['timestamp']}")
    print(f"  machine    {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB, {m['platform']}")
    print(
        f"  software   Python {m['python']}, aiokafka {m['aiokafka']}, faststream {m['faststream']}, "
        f"SQLAlchemy {m['sqlalchemy']}, asyncpg {m['asyncpg']}"
    )
    print(f"  servers    Kafka {m['kafka_broker']}; {m['postgresql']}")
    print(f"  code       {m['git_commit']}{' + uncommitted changes' if m['git_dirty'] else ''}")
    print(f"  tracing    {'SDK provider + SQLAlchemy spans' if results['parameters']['tracing'] else 'not configured'}")
    print(f"  payload    {c['payload_bytes']:.0f} bytes of JSON on average (+{c['header_bytes']:.0f} bytes of headers)")
    print()
    print(f"(a) publish {p['events']} events from the outbox, relay batches of {p['batch_size']}")
    print(f"    kit  OutboxRelay.drain            {p['kit_seconds']:8.2f} s  {p['kit_events_per_s']:7d} events/s")
    print(f"    raw  AIOKafkaProducer             {p['raw_seconds']:8.2f} s  {p['raw_events_per_s']:7d} events/s")
    print(f"    ratio raw/kit {p['ratio']:.2f}")
    print(f"(b) consume {c['events']} events ({c['partitions']} partitions): inbox claim + business row per event")
    for side, label in (("kit", "EventConsumer on FastStream"), ("raw", "aiokafka getmany loop      ")):
        print(
            f"    {side}  {label}  {c[f'{side}_seconds']:8.2f} s  {c[f'{side}_events_per_s']:7d} events/s"
            f"  (first event after {c[f'{side}_first_record_s']:.2f} s)"
        )
    spread = f"{min(c['round_ratios']):.2f}-{max(c['round_ratios']):.2f}"
    print(f"    ratio raw/kit {c['ratio']:.2f} (in {c['rounds']} rounds, taken in turns: {spread})")
    print(f"(c) latency of {lat['events']} events, one every {lat['gap_ms']:g} ms, commit to consumer commit")
    for side in ("kit", "raw"):
        s = lat[side]
        print(
            f"    {side}  p50 {s['p50_ms']:7.1f} ms  p99 {s['p99_ms']:7.1f} ms"
            f"  mean {s['mean_ms']:7.1f} ms  max {s['max_ms']:7.1f} ms"
        )
    print()
    print(f"results: {path.relative_to(REPO_ROOT)} (and bench/results/latest.json)")
    print()


def print_verdicts(figures: dict[str, Any]) -> None:
    met = figures["met"]

    def verdict(name: str) -> str:
        return "target met" if met[name] else "target missed"

    publish, consume, latency = figures["publish_ratio"], figures["consume_ratio"], figures["latency_p99_ms"]
    print(f"publish ratio {publish['value']:.2f} (target {publish['target']}): {verdict('publish_ratio')}")
    print(f"consume ratio {consume['value']:.2f} (target {consume['target']}): {verdict('consume_ratio')}")
    print(
        f"latency p99 {latency['value']:.0f} ms, raw {latency['raw']:.0f} ms "
        f"(target {latency['target']}): {verdict('latency_p99_ms')}"
    )
    print(f"publish_ratio={publish['value']:.2f}")
    print(f"consume_ratio={consume['value']:.2f}")
    print(f"latency_p99_ms={round(latency['value'])} raw_p99_ms={round(latency['raw'])}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.tracing:
        configure_tracing("bench")
    infrastructure = Infrastructure(REPO_ROOT)
    bootstrap, admin_url = infrastructure.kafka(), infrastructure.postgres()
    started = datetime.now(UTC)
    results = asyncio.run(run_all(args, bootstrap, admin_url))
    results = {"timestamp": started.isoformat(timespec="seconds"), **results}
    results["figures"] = judge(results)
    path = write_results(results, started.strftime("%Y%m%dT%H%M%SZ"))
    print_report(results, path)
    print_verdicts(results["figures"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
