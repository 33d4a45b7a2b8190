"""Review settings."""

from sme_kit.settings import ServiceSettings


class ReviewSettings(ServiceSettings):
    service_name: str = "review"
    database_url: str = "sqlite+aiosqlite:///.local/run/review.sqlite"
