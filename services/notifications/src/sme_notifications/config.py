"""Notifications settings."""

from sme_kit.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    service_name: str = "notifications"
    database_url: str = "sqlite+aiosqlite:///.local/run/notifications.sqlite"
