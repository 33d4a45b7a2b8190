"""The refusals of the notifications domain, each a kind of the kit's (mapped to problem+json at the edge)."""

from __future__ import annotations

from sme_kit.errors import Conflict


class DeliveryNotFailed(Conflict):
    """Only a failed e-mail or SMS can be sent again."""

    def __init__(self, status: str) -> None:
        super().__init__(
            f"仅最终失败的邮件或短信可以重新发送，当前状态为 {status} "
            f"(only a failed e-mail or SMS can be sent again; this one is {status})"
        )


class NotSentAgain(DeliveryNotFailed):
    """A message with a one-time secret, or to an address that was forgotten, is never sent again."""

    def __init__(self) -> None:
        # Its own detail, not its parent's: skip DeliveryNotFailed's, keep the kit's (code, extensions).
        Conflict.__init__(
            self,
            "该消息含一次性验证码或发往表单所留的联系方式，不重新发送：请当事人重新获取验证码 "
            "(a one-time code, or a message to the address a form gave, is never sent again: the person asks "
            "for a new code)",
        )
