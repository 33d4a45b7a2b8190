"""The composition root of the notifications service: the one place that wires it."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from sme_contracts.notifications import PUBLISHED_TOPICS
from sme_kit.service import Runtime, ServiceDefinition, create_app
from sme_notifications.adapters.routing_file import load_routing_table
from sme_notifications.adapters.sms import SmsSender, SpoolSmsProvider
from sme_notifications.adapters.smtp import SmtpConfig, SmtpEmailSender
from sme_notifications.adapters.template_store import TemplateStore
from sme_notifications.adapters.throttle import ThrottledSender
from sme_notifications.adapters.unit_of_work import NotificationsUnitOfWork
from sme_notifications.config import NotificationsSettings
from sme_notifications.domain.channels import Channel, Sender
from sme_notifications.domain.deliveries import RetryPolicy
from sme_notifications.domain.rate_limit import TokenBucket
from sme_notifications.entrypoints import (
    consumers,
    http_catalogue,
    http_deliveries,
    http_dev_sign_in,
    http_directory,
    http_inbox,
    http_me,
)
from sme_notifications.entrypoints.dispatcher import Dispatcher, Doorbell
from sme_notifications.entrypoints.state import ServiceState
from sme_notifications.service_layer.dispatch import DispatchPolicy
from sme_notifications.service_layer.route_event import Routing
from sme_notifications.service_layer.setup_check import check_setup

MIGRATIONS = Path(__file__).parent / "migrations"
log = logging.getLogger(__name__)


def enabled_channels(settings: NotificationsSettings) -> frozenset[Channel]:
    """In-app always; e-mail with an SMTP server; SMS with a provider."""
    channels = {Channel.IN_APP}
    if settings.smtp_host:
        channels.add(Channel.EMAIL)
    if settings.sms_provider != "none":
        channels.add(Channel.SMS)
    return frozenset(channels)


def definition(settings: NotificationsSettings | None = None) -> ServiceDefinition:
    settings = settings or NotificationsSettings()
    table = load_routing_table()
    templates = TemplateStore()
    check_setup(table, templates)  # a template naming a field its event lacks stops the start
    doorbell = Doorbell()
    routing = Routing(
        table=table,
        templates=templates,
        enabled=enabled_channels(settings),
        portal_url=settings.portal_url,
        on_pending=doorbell.ring,
    )
    state = ServiceState(routing=routing, doorbell=doorbell)
    return ServiceDefinition(
        settings=settings,
        title="广州市民营和中小企业服务站 · 消息通知 Notifications",
        description=(
            "Who must hear about each event, over which channel (in-app inbox, e-mail, SMS), in Chinese "
            "templates; the recipients directory, channel preferences, and the record of every delivery."
        ),
        routers=[
            http_inbox.router,
            http_me.router,
            http_deliveries.router,
            http_directory.router,
            http_catalogue.router,
            # The console's development sign-in: never in production (which has no AUTH_DEV_SECRET).
            *([http_dev_sign_in.router] if http_dev_sign_in.development_only(settings) else []),
        ],
        migrations_dir=MIGRATIONS,
        publishes=list(PUBLISHED_TOPICS),
        handlers=consumers.build_handlers(routing),
        background=[_dispatcher_loop(settings, state)],
        extra_state={"notifications": state},
        unit_of_work=NotificationsUnitOfWork,
    )


def _dispatcher_loop(
    settings: NotificationsSettings, state: ServiceState
) -> Callable[[Runtime], Coroutine[Any, Any, None]]:
    """The dispatcher, as one of the service's own background loops (started and stopped with it)."""

    async def dispatcher(runtime: Runtime) -> None:
        policy = DispatchPolicy(
            retry=RetryPolicy(
                max_attempts=settings.delivery_max_attempts,
                base_delay=timedelta(seconds=settings.delivery_retry_base_s),
                max_delay=timedelta(seconds=settings.delivery_retry_max_s),
            ),
            lease=timedelta(seconds=settings.delivery_lease_s),
            batch_size=settings.dispatch_batch_size,
        )
        running = Dispatcher(
            runtime.uow, _senders(settings, runtime), policy, poll_interval_s=settings.dispatch_poll_interval_s
        )
        state.dispatcher = running
        state.doorbell.attach(running.wake)
        log.info("dispatcher started: channels %s", ", ".join(sorted(c.value for c in enabled_channels(settings))))
        await running.run()

    return dispatcher


def _senders(settings: NotificationsSettings, runtime: Runtime) -> dict[Channel, Sender]:
    senders: dict[Channel, Sender] = {}
    if settings.smtp_host:
        smtp = SmtpEmailSender(
            SmtpConfig(
                host=settings.smtp_host,
                port=settings.smtp_port,
                sender_address=settings.smtp_sender_address,
                sender_name=settings.smtp_sender_name,
                security=settings.smtp_security,
                username=settings.smtp_username,
                password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
                timeout_s=settings.smtp_timeout_s,
                helo_name=settings.smtp_helo_name,
            )
        )
        bucket = TokenBucket(rate_per_s=settings.email_rate_per_s, burst=settings.email_burst, now=time.monotonic())
        senders[Channel.EMAIL] = ThrottledSender(smtp, bucket)
    if settings.sms_provider == "spool":
        provider = SpoolSmsProvider(Path(settings.sms_spool_dir), runtime.clock)
        bucket = TokenBucket(rate_per_s=settings.sms_rate_per_s, burst=settings.sms_burst, now=time.monotonic())
        senders[Channel.SMS] = ThrottledSender(SmsSender(provider), bucket)
    return senders


def app(settings: NotificationsSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_notifications.bootstrap:app``)."""
    return create_app(definition(settings))
