"""From a route and its resolved audience to the messages to send: one per recipient and channel.

An audience is someone a route names (an organisation, a district's officers, the head station,
the bureau, an expert) with the ways the directory knows to reach them. The in-app message goes
to the audience's inbox (a shared one for offices); e-mail and SMS go to each person or
organisation whose address the directory holds, unless their preferences decline a notice that
is not mandatory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sme_notifications.domain.channels import Channel
from sme_notifications.domain.preferences import DEFAULT_PREFERENCES, Preferences
from sme_notifications.domain.recipients import Recipient
from sme_notifications.domain.routing import Route


@dataclass(frozen=True)
class Endpoint:
    """One way to reach one recipient outside the system: its e-mail or its mobile. ``address`` only for
    a recipient the directory does not hold (the dispatcher looks the others up when it sends)."""

    recipient: Recipient
    channel: Channel
    name: str
    address: str | None = None


@dataclass(frozen=True)
class Audience:
    """Someone a route names, as the directory resolved them."""

    recipient: Recipient
    name: str
    endpoints: tuple[Endpoint, ...] = ()


@dataclass(frozen=True)
class PlannedMessage:
    """A message to render and deliver: recipient, channel, template, and how to address them."""

    recipient: Recipient
    audience: Recipient
    channel: Channel
    template_id: str
    recipient_name: str
    mandatory: bool
    address: str | None = None
    secret: bool = False


def plan_messages(
    route: Route,
    audiences: Iterable[Audience],
    *,
    preferences: Mapping[Recipient, Preferences],
    enabled: frozenset[Channel],
) -> list[PlannedMessage]:
    """The messages one route asks for, over the channels this deployment has switched on."""
    planned: list[PlannedMessage] = []
    for audience in audiences:
        for channel in route.channels:
            if channel not in enabled:
                continue
            endpoints = (
                [Endpoint(audience.recipient, channel, audience.name)]
                if channel is Channel.IN_APP
                else [endpoint for endpoint in audience.endpoints if endpoint.channel is channel]
            )
            for endpoint in endpoints:
                chosen = preferences.get(endpoint.recipient, DEFAULT_PREFERENCES)
                if not chosen.accepts(channel, mandatory=route.mandatory):
                    continue
                planned.append(
                    PlannedMessage(
                        recipient=endpoint.recipient,
                        audience=audience.recipient,
                        channel=channel,
                        template_id=route.template_id,
                        recipient_name=endpoint.name,
                        mandatory=route.mandatory,
                        address=endpoint.address,
                        secret=route.secret,
                    )
                )
    return planned


def one_per_recipient_and_channel(messages: Iterable[PlannedMessage]) -> list[PlannedMessage]:
    """Keep the first message for each (recipient, channel): an event reaches nobody twice on one channel,
    even when two routes name the same person (e.g. the district and, by a rule for late reports, again)."""
    kept: dict[tuple[Recipient, Channel], PlannedMessage] = {}
    for message in messages:
        kept.setdefault((message.recipient, message.channel), message)
    return list(kept.values())
