"""Activities settings."""

from sme_kit.settings import ServiceSettings


class ActivitiesSettings(ServiceSettings):
    service_name: str = "activities"
    database_url: str = "sqlite+aiosqlite:///.local/run/activities.sqlite"
