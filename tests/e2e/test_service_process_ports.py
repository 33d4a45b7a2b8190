"""A service process is only believed ready when it answers as itself, on a port it really holds.

Ports are picked free before the process binds them, so something else can take one in between:
here another "service" already answers there. The start must neither mistake that one for ours
nor fail: the process is started again on another port.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from sme_kit.testing.infra import create_database, drop_database
from sme_kit.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e


class _ReviewImpostor(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"status": "ok", "service": "review"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def squatter() -> Iterator[int]:
    """An HTTP server on a free port that says it is the review service; yields its port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ReviewImpostor)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


async def test_a_taken_port_is_neither_mistaken_for_the_service_nor_fatal(
    squatter: int, pg_admin_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str, tmp_path: Path
) -> None:
    url = await create_database(pg_admin_url, prefix="e2e_registry")
    env = {
        "DATABASE_URL": url,
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "KAFKA_TOPIC_PREFIX": topic_prefix,
        "AUTH_DEV_SECRET": dev_secret,
        "ENVIRONMENT": "test",
    }
    registry = ServiceProcess("registry", env=env, log_dir=tmp_path / "logs", port=squatter)
    try:
        await asyncio.to_thread(registry.start)
        assert registry.port != squatter
        async with httpx.AsyncClient() as client:
            health = await client.get(f"{registry.url}/healthz")
        assert health.json() == {"status": "ok", "service": "registry"}
    finally:
        await asyncio.to_thread(registry.stop)
        await drop_database(pg_admin_url, url)
