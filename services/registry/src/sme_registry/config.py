"""Registry settings."""

from sme_kit.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    service_name: str = "registry"
    database_url: str = "sqlite+aiosqlite:///.local/run/registry.sqlite"
