"""Liveness, readiness (database and broker), and the test-only clock endpoint."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import text

from sme_kit.clock import MovableClock
from sme_kit.errors import Conflict
from sme_kit.http import get_runtime

health_router = APIRouter(tags=["运维 Operations"])


@health_router.get("/healthz", summary="Liveness: the process serves requests")
async def healthz(request: Request) -> dict[str, str]:
    return {"status": "ok", "service": request.app.state.settings.service_name}


@health_router.get(
    "/readyz",
    summary="Readiness: the database and the Kafka broker answer",
    responses={503: {"description": "A dependency is down"}},
)
async def readyz(request: Request) -> JSONResponse:
    runtime = get_runtime(request)
    checks: dict[str, str] = {}
    try:
        async with runtime.engine.connect() as conn:
            async with asyncio.timeout(5):
                await conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"down: {type(exc).__name__}"
    checks["kafka"] = "ok" if await runtime.broker.ping(timeout=3) else "down"
    ready = all(value == "ok" for value in checks.values())
    checks["outbox_pending"] = str(await runtime.relay.pending()) if checks["database"] == "ok" else "unknown"
    return JSONResponse(
        {"status": "ready" if ready else "not ready", "checks": checks}, status_code=200 if ready else 503
    )


testing_clock_router = APIRouter(prefix="/_testing", tags=["测试 Testing only"])


class ClockMove(BaseModel):
    advance_seconds: float | None = Field(default=None, ge=0, description="Move the clock forward by this much.")
    to: datetime | None = Field(default=None, description="Or jump forward to this moment (timezone-aware).")


@testing_clock_router.get("/clock", summary="The service's current time (test mode only)")
async def read_clock(request: Request) -> dict[str, str]:
    return {"now": get_runtime(request).clock.now().isoformat()}


@testing_clock_router.post("/clock", summary="Move the service's clock forward (test mode only)")
async def move_clock(request: Request, move: ClockMove) -> dict[str, str]:
    runtime = get_runtime(request)
    clock = runtime.clock
    if not isinstance(clock, MovableClock):
        raise Conflict("this service runs on the system clock")
    try:
        if move.to is not None:
            clock.set(move.to)
        elif move.advance_seconds is not None:
            clock.advance(timedelta(seconds=move.advance_seconds))
    except ValueError as exc:
        raise Conflict(str(exc)) from exc
    if runtime.timer_loop is not None:
        runtime.timer_loop.wake()
    return {"now": clock.now().isoformat()}
