"""The composition root of the registry service: the one place that wires it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_contracts import registry as registry_contracts
from sme_kit.service import ServiceDefinition, create_app
from sme_registry.config import RegistrySettings
from sme_registry.domain.errors import DomainError, InvalidTransition
from sme_registry.entrypoints import http

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: RegistrySettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or RegistrySettings(),  # type: ignore[call-arg]
        title="广州市民营和中小企业服务站 · 认定登记 Registry",
        description="Application rounds, applications and district preliminary review, the station register.",
        routers=[http.router],
        migrations_dir=MIGRATIONS,
        publishes=[registry_contracts.REGISTRY_APPLICATION, registry_contracts.REGISTRY_STATION],
        domain_errors={InvalidTransition: 409, DomainError: 422},
    )


def app(settings: RegistrySettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_registry.bootstrap:app``)."""
    return create_app(definition(settings))
