"""Registry settings."""

from pydantic import Field

from sme_kit.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    service_name: str = "registry"
    database_url: str = "sqlite+aiosqlite:///.local/run/registry.sqlite"
    convention_version: str = Field(
        default="2026.1",
        description="Version of 《广州市民营和中小企业服务站服务公约》 stations sign now; a new text, a new version.",
    )
