"""The channels a message travels over, and what a channel sender promises.

A sender is an adapter (SMTP, an SMS provider); the domain only fixes its shape and the ways a
send can fail, so that the retry rules below never depend on one provider's error texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Channel(StrEnum):
    IN_APP = "in_app"  # 站内信：写入收件人的站内收件箱
    EMAIL = "email"  # 电子邮件：经 SMTP 服务器发送
    SMS = "sms"  # 短信：经短信服务商发送


# Channels that leave the system; the in-app inbox is written in the event's own transaction.
OUTBOUND_CHANNELS = (Channel.EMAIL, Channel.SMS)


class FailureKind(StrEnum):
    """Why a send failed, as a stable code (never a server's text, which may quote an address)."""

    UNREACHABLE = "unreachable"  # 服务器无法连接或暂时拒绝（4xx）：稍后重试
    TIMEOUT = "timeout"  # 超时：稍后重试
    ERROR = "error"  # 其他意外错误：稍后重试
    REJECTED = "rejected"  # 服务器永久拒收（5xx）：不再重试
    NO_ADDRESS = "no_address"  # 通讯录中已无该渠道的地址：不再重试
    CHANNEL_OFF = "channel_off"  # 该渠道已停用：不再重试

    @property
    def retryable(self) -> bool:
        return self not in (FailureKind.REJECTED, FailureKind.NO_ADDRESS, FailureKind.CHANNEL_OFF)


class SendFailed(Exception):
    """A send did not go through; ``detail`` is for the delivery record (addresses already masked)."""

    def __init__(self, kind: FailureKind, detail: str) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class OutgoingMessage:
    """One rendered message on its way to one address."""

    delivery_id: str
    address: str
    subject: str
    body: str


class Sender(Protocol):
    """Sends one message over one channel or raises `SendFailed`."""

    async def send(self, message: OutgoingMessage) -> None: ...


class ChannelOff:
    """Stands in for a channel switched off after its deliveries were planned: they fail for good."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    async def send(self, message: OutgoingMessage) -> None:
        raise SendFailed(FailureKind.CHANNEL_OFF, f"{self.channel.value} channel is switched off")
