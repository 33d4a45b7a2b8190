"""What the benchmark ran on: hardware, library versions, servers and the git commit."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _first_line_with(path: str, prefix: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def kafka_version() -> str:
    """The broker version when it is the one infra/kafka.sh runs (from its jar's name)."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        return "unknown (KAFKA_BOOTSTRAP_SERVERS)"
    libs = Path(os.environ.get("SME_LOCAL_DIR") or REPO_ROOT / ".local") / "kafka" / "libs"
    for jar in sorted(libs.glob("kafka_2.*-*.jar")):
        return jar.stem.split("-", 1)[1] + " (infra/kafka.sh)"
    return "unknown"


def describe(postgresql: str) -> dict[str, object]:
    memory_kib = _first_line_with("/proc/meminfo", "MemTotal") or "0 kB"
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "memory_gib": round(int(memory_kib.split()[0]) / 1024 / 1024, 1),
        "cpu_model": _first_line_with("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "platform": platform.platform(),
        "python": platform.python_version(),
        "aiokafka": _package("aiokafka"),
        "faststream": _package("faststream"),
        "sqlalchemy": _package("SQLAlchemy"),
        "asyncpg": _package("asyncpg"),
        "kafka_broker": kafka_version(),
        "postgresql": postgresql,
        "git_commit": _git("rev-parse", "--short", "HEAD") or "unknown",
        "git_dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }
