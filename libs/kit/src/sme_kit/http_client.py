"""HTTP between processes of the system: keep-alive times that cannot race, and retries that are safe.

A keep-alive connection idle on both ends is closed by whichever side's timer runs out first. When
the server's runs out just as the client reuses the connection, the request meets a closed socket
("Server disconnected without sending a response"). So the two times must differ by a margin that
a busy machine cannot eat: the server (`SERVER_KEEP_ALIVE_S`, given to uvicorn by `sme_kit.serve`)
keeps an idle connection much longer than any client of ours (`CLIENT_KEEP_ALIVE_S`) would reuse it.

A connection can still die for other reasons (a restarted service, a reset under load); requests
that are idempotent by their method are then sent once more on a new connection. Others are not
retried: repeating a POST could file something twice.
"""

from __future__ import annotations

from typing import Any

import httpx

SERVER_KEEP_ALIVE_S = 75
CLIENT_KEEP_ALIVE_S = 20
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRIES = 2
# The request never reached the application, or its answer never came back.
CONNECTION_LOST = (httpx.RemoteProtocolError, httpx.ConnectError, httpx.ReadError, httpx.WriteError)


def may_retry(request: httpx.Request, error: Exception, attempt: int) -> bool:
    """Whether a request that failed with ``error`` on its ``attempt``-th try (from 1) is sent again."""
    return attempt <= RETRIES and request.method in IDEMPOTENT_METHODS and isinstance(error, CONNECTION_LOST)


def _limits() -> httpx.Limits:
    return httpx.Limits(keepalive_expiry=CLIENT_KEEP_ALIVE_S)


class RetryingTransport(httpx.AsyncBaseTransport):
    """An async transport that sends an idempotent request again when its connection was lost."""

    def __init__(self, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self._inner = inner or httpx.AsyncHTTPTransport(limits=_limits())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 1
        while True:
            try:
                return await self._inner.handle_async_request(request)
            except Exception as error:
                if not may_retry(request, error, attempt):
                    raise
                attempt += 1

    async def aclose(self) -> None:
        await self._inner.aclose()


class RetryingSyncTransport(httpx.BaseTransport):
    """The same for blocking clients (the demo, scripts)."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self._inner = inner or httpx.HTTPTransport(limits=_limits())

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 1
        while True:
            try:
                return self._inner.handle_request(request)
            except Exception as error:
                if not may_retry(request, error, attempt):
                    raise
                attempt += 1

    def close(self) -> None:
        self._inner.close()


def service_client(base_url: str = "", **options: Any) -> httpx.AsyncClient:
    """An async client for one of the system's services (tests, other services)."""
    options.setdefault("timeout", 30.0)
    return httpx.AsyncClient(base_url=base_url, transport=RetryingTransport(), **options)


def service_client_sync(base_url: str = "", **options: Any) -> httpx.Client:
    """A blocking client for one of the system's services."""
    options.setdefault("timeout", 30.0)
    return httpx.Client(base_url=base_url, transport=RetryingSyncTransport(), **options)
