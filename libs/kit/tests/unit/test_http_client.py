"""Clients of the system's services survive a connection the server dropped; only idempotent requests repeat."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from sme_kit.http_client import CLIENT_KEEP_ALIVE_S, SERVER_KEEP_ALIVE_S, service_client, service_client_sync

OK = b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok"


class DroppingServer:
    """A real TCP server that closes its first ``drops`` connections as soon as a request arrives,
    without answering (what a server does to a keep-alive connection whose idle time just ran out),
    and answers 200 on the others."""

    def __init__(self, drops: int) -> None:
        self.drops = drops
        self.requests: list[bytes] = []
        self.port = 0

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        self.requests.append(head.split(b"\r\n", 1)[0])
        length = next(
            (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")),
            0,
        )
        if length:
            await reader.readexactly(length)
        if self.drops > 0:
            self.drops -= 1
        else:
            writer.write(OK)
            await writer.drain()
        writer.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
async def dropping() -> AsyncIterator[DroppingServer]:
    server = DroppingServer(drops=1)
    listening = await asyncio.start_server(server._serve, "127.0.0.1", 0)
    server.port = listening.sockets[0].getsockname()[1]
    async with listening:
        yield server


def test_the_server_keeps_an_idle_connection_well_beyond_the_time_a_client_reuses_it() -> None:
    assert SERVER_KEEP_ALIVE_S >= CLIENT_KEEP_ALIVE_S * 2


async def test_a_get_whose_connection_was_dropped_is_sent_again_and_answered(dropping: DroppingServer) -> None:
    async with service_client(dropping.url) as client:
        response = await client.get("/stations")
    assert (response.status_code, response.text) == (200, "ok")
    assert dropping.requests == [b"GET /stations HTTP/1.1"] * 2


async def test_a_put_with_a_body_is_sent_again_whole(dropping: DroppingServer) -> None:
    async with service_client(dropping.url) as client:
        response = await client.put("/calendar/2027", json={"holidays": ["2027-01-01"]})
    assert response.status_code == 200
    assert len(dropping.requests) == 2


async def test_a_post_is_never_repeated_it_could_file_something_twice(dropping: DroppingServer) -> None:
    async with service_client(dropping.url) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post("/service-requests", json={"details": "融资对接"})
    assert dropping.requests == [b"POST /service-requests HTTP/1.1"]


async def test_retries_are_bounded_when_the_server_keeps_dropping() -> None:
    server = DroppingServer(drops=100)
    listening = await asyncio.start_server(server._serve, "127.0.0.1", 0)
    server.port = listening.sockets[0].getsockname()[1]
    async with listening, service_client(server.url) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/healthz")
    assert len(server.requests) == 3


async def test_the_blocking_client_retries_the_same_way(dropping: DroppingServer) -> None:
    def call() -> httpx.Response:
        with service_client_sync(dropping.url) as client:
            return client.get("/healthz")

    response = await asyncio.to_thread(call)
    assert response.status_code == 200
    assert len(dropping.requests) == 2
