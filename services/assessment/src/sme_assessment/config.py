"""Assessment settings."""

from sme_kit.settings import ServiceSettings


class AssessmentSettings(ServiceSettings):
    service_name: str = "assessment"
    database_url: str = "sqlite+aiosqlite:///.local/run/assessment.sqlite"
