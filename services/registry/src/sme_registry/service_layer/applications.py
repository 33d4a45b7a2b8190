"""Use cases of applications."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sme_kit.auth import Principal
from sme_kit.problems import Forbidden, NotFound
from sme_kit.uow import Actor, UnitOfWorkFactory
from sme_registry.adapters import publisher
from sme_registry.adapters.repository import ApplicationRepository
from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus


@dataclass(frozen=True)
class CreateApplication:
    uscc: str
    entity_name: str
    district_code: str
    kind: ApplicationKind = ApplicationKind.NEW


async def create_application(
    uow_factory: UnitOfWorkFactory, principal: Principal, command: CreateApplication
) -> Application:
    """An operator starts a draft application for its own legal entity."""
    if not principal.owns_org(command.uscc):
        raise Forbidden("只能为本单位提交申请 (an operator applies for its own organisation only)")
    async with uow_factory(Actor.of(principal)) as uow:
        now = uow.clock.now()
        application = Application(
            id=str(uuid.uuid4()),
            uscc=command.uscc,
            entity_name=command.entity_name,
            district_code=command.district_code,
            kind=command.kind,
            round_year=now.year,
            status=ApplicationStatus.DRAFT,
            created_at=now,
        )
        await ApplicationRepository(uow.session).add(application)
        uow.audit("create", "application", application.id)
        await uow.commit()
    return application


async def submit_application(uow_factory: UnitOfWorkFactory, principal: Principal, application_id: str) -> Application:
    """The operator hands its draft to the district of its registration."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = ApplicationRepository(uow.session)
        application = await repository.get(application_id, for_update=True)
        if application is None or not principal.owns_org(application.uscc):
            raise NotFound(f"没有编号为 {application_id} 的申请 (no such application)")
        submitted = application.submit(uow.clock.now())
        await repository.save(application)
        uow.publish(publisher.application_submitted(submitted))
        uow.audit("submit", "application", application.id)
        await uow.commit()
    return application


async def get_application(uow_factory: UnitOfWorkFactory, principal: Principal, application_id: str) -> Application:
    async with uow_factory(Actor.of(principal)) as uow:
        application = await ApplicationRepository(uow.session).get(application_id)
    visible = application is not None and (
        principal.owns_org(application.uscc) or principal.can_see_district(application.district_code)
    )
    if application is None or not visible:
        raise NotFound(f"没有编号为 {application_id} 的申请 (no such application)")
    return application
