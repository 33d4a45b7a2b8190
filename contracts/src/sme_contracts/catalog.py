"""Imports every publishing service's module, so that all topics and event types are known."""

from sme_contracts import activities, assessment, notifications, registry, review

MODULES = (registry, review, activities, assessment, notifications)
