"""The audit trail every service keeps (who, role, when, what, why), readable by the bureau."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select

from sme_kit.auth import Principal, Role
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import require_roles
from sme_kit.problems import problem_responses
from sme_kit.tables import audit_log
from sme_kit.uow import Actor, UnitOfWorkFactory

audit_router = APIRouter(prefix="/audit", tags=["审计 Audit"])


class AuditEntry(BaseModel):
    at: datetime
    actor: str
    role: str
    action: str
    target_type: str
    target_id: str
    reason: str | None
    details: dict[str, Any]
    trace_id: str | None


async def read_audit(
    uow_factory: UnitOfWorkFactory[Any],
    principal: Principal,
    *,
    target_type: str | None = None,
    target_id: str | None = None,
    actor: str | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    """The newest entries first, filtered by object or actor."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if target_type:
        query = query.where(audit_log.c.target_type == target_type)
    if target_id:
        query = query.where(audit_log.c.target_id == target_id)
    if actor:
        query = query.where(audit_log.c.actor == actor)
    async with uow_factory(Actor.of(principal)) as uow:
        rows = (await uow.session.execute(query)).mappings().all()
    return [AuditEntry.model_validate(dict(row)) for row in rows]


@audit_router.get("", summary="Read the audit trail (bureau)", responses=problem_responses(401, 403))
async def get_audit(
    principal: Annotated[Principal, require_roles(Role.BUREAU_ADMIN)],
    uow: UowFactoryDep,
    target_type: str | None = Query(default=None, examples=["application"]),
    target_id: str | None = Query(default=None),
    actor: str | None = Query(default=None, description="Token subject of who acted."),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[AuditEntry]:
    return await read_audit(uow, principal, target_type=target_type, target_id=target_id, actor=actor, limit=limit)
