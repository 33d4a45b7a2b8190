"""Services as separate processes, started the way `make run` starts them (`python -m sme_kit.serve`)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServiceProcess:
    """One service in its own process; its output goes to a log file kept for failures."""

    name: str
    env: dict[str, str]
    log_dir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"{self.name}.log"

    def start(self, timeout: float = 60.0) -> None:
        """Start the service and wait until it answers as itself and is ready.

        The port is chosen free before the process binds it, so something else may take it in
        between (another service starting beside it, a client's ephemeral port). Readiness is
        therefore only believed from a service that names itself as this one, and a process that
        finds its port taken is started again on another.
        """
        deadline = time.monotonic() + timeout
        while True:
            if self._launch_and_wait(deadline):
                return
            self.port = free_port()

    def _launch_and_wait(self, deadline: float) -> bool:
        """True once ready; False when the port was taken (the caller picks another)."""
        command = [sys.executable, "-m", "sme_kit.serve", self.name, "--port", str(self.port)]
        self.log_dir.mkdir(parents=True, exist_ok=True)
        written_before = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, env={**os.environ, **self.env}, stdout=log, stderr=subprocess.STDOUT
            )
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                with self.log_path.open("rb") as log:
                    log.seek(written_before)
                    output = log.read().decode(errors="replace")
                if "address already in use" in output.lower():
                    return False
                raise RuntimeError(f"{self.name} exited during start-up:\n{self.log_tail()}")
            if self._answers_ready():
                return True
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} not ready in time:\n{self.log_tail()}")

    def _answers_ready(self) -> bool:
        try:
            health = httpx.get(f"{self.url}/healthz", timeout=1)
            if health.status_code != 200 or health.json().get("service") != self.name:
                return False  # nothing yet, or another service on this port
            return httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200
        except (httpx.HTTPError, ValueError):
            return False

    def stop(self, timeout: float = 20.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
