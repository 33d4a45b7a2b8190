"""The unit of work the use cases take, named for the entry points (which never import adapters)."""

from sme_notifications.adapters.unit_of_work import NotificationsUnitOfWork, NotificationsUowFactory

__all__ = ["NotificationsUnitOfWork", "NotificationsUowFactory"]
