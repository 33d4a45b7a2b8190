"""What a template may use: the fields of its event, plus a few documented context variables.

Templates are Jinja2 files, one per (template id, channel), versioned by file name
(``<template id>/<channel>.v<N>.j2``). A template may use a variable only if the event it renders
has that field or it is one of `CONTEXT_VARIABLES`; a test walks every template to enforce it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sme_notifications.domain.channels import Channel

CONTEXT_VARIABLES: dict[str, str] = {
    "recipient_name": "How the message addresses its recipient: an organisation's or office's name, "
    "or the person's name in a personal e-mail or SMS.",
    "event_time": "When the event happened (its CloudEvents time, Asia/Shanghai).",
    "portal_url": "Address of the service platform where the recipient acts (may be empty).",
}

# E-mail and in-app messages have a subject (title); an SMS is its body alone.
NEEDS_SUBJECT = frozenset({Channel.IN_APP, Channel.EMAIL})


def unknown_variables(used: Iterable[str], event_fields: Iterable[str]) -> list[str]:
    """The variables a template uses that neither its event nor the context provides."""
    return sorted(set(used) - set(event_fields) - set(CONTEXT_VARIABLES))
