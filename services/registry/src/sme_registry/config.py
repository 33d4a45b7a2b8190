"""Registry settings."""

from pydantic import Field, field_validator

from sme_kit.settings import ServiceSettings
from sme_registry.domain.convention import ARTICLES


class RegistrySettings(ServiceSettings):
    service_name: str = "registry"
    database_url: str = "sqlite+aiosqlite:///.local/run/registry.sqlite"
    convention_version: str = Field(
        default="2026.1",
        description="Version of 《广州市民营和中小企业服务站服务公约》 stations sign now; a new text, a new version.",
    )

    @field_validator("convention_version")
    @classmethod
    def _text_is_known(cls, version: str) -> str:
        if version not in ARTICLES:
            raise ValueError(f"no text of the convention's version {version!r} (known: {', '.join(ARTICLES)})")
        return version
