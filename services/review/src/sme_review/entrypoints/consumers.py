"""The events review listens to: applications forwarded by the districts."""

from __future__ import annotations

from sme_contracts.registry import ApplicationForwarded
from sme_kit.consumers import EventHandlers
from sme_review.service_layer import cases

handlers = EventHandlers("cases").route({ApplicationForwarded: cases.open_case})
