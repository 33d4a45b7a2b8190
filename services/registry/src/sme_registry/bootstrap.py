"""The composition root of the registry service: the one place that wires it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_contracts import registry as registry_contracts
from sme_kit.service import ServiceDefinition, create_app
from sme_registry.adapters.unit_of_work import RegistryUnitOfWork
from sme_registry.config import RegistrySettings
from sme_registry.entrypoints import (
    consumers,
    http_applications,
    http_attachments,
    http_certificates,
    http_public,
    http_rounds,
    http_stations,
    timers,
)

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: RegistrySettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or RegistrySettings(),
        title="广州市民营和中小企业服务站 · 认定登记 Registry",
        description=(
            "年度申请批次、服务站申请与区级初审、服务站名录（公开名录不含个人信息）、信息变更、服务公约。"
            " Application rounds, applications and district preliminary review, the station register, "
            "information changes and the service convention."
        ),
        routers=[
            http_rounds.router,
            http_applications.router,
            http_attachments.router,
            http_stations.router,
            http_certificates.router,
            http_public.router,
        ],
        migrations_dir=MIGRATIONS,
        unit_of_work=RegistryUnitOfWork,
        publishes=[registry_contracts.REGISTRY_APPLICATION, registry_contracts.REGISTRY_STATION],
        handlers=consumers.handlers,
        timers=timers.timers,
        prints_documents=True,
    )


def app(settings: RegistrySettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_registry.bootstrap:app``)."""
    return create_app(definition(settings))
