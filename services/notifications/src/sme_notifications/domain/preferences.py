"""A recipient's channel preferences, and the notices that ignore them."""

from __future__ import annotations

from dataclasses import dataclass

from sme_notifications.domain.channels import Channel


@dataclass(frozen=True)
class Preferences:
    """Which outbound channels a recipient accepts. The in-app inbox cannot be switched off: it is
    the record every notice leaves, and where a mandatory notice can always be found again."""

    email: bool = True
    sms: bool = True

    def accepts(self, channel: Channel, *, mandatory: bool) -> bool:
        """Notices the guideline makes mandatory go out whatever the recipient chose."""
        if mandatory or channel is Channel.IN_APP:
            return True
        return self.email if channel is Channel.EMAIL else self.sms


DEFAULT_PREFERENCES = Preferences()
