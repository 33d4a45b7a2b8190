"""How an address is shown once it has been used: enough to recognise it, not enough to use it.

``13800110011`` → ``138****0011``; ``sun.li@example.com`` → ``s***@example.com``. Responses that
say where a one-time code went, and the delivery record, show addresses this way.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d")


def masked_contact(address: str) -> str:
    """An e-mail keeps its first character and its domain; a phone number its first 3 and last 4 digits."""
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if at:
        return f"{local[:1]}***@{domain}"
    digits = "".join(_DIGITS.findall(address))
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]  # +86, China's country code
    if len(digits) >= 8:
        return f"{digits[:3]}****{digits[-4:]}"
    return "*" * max(len(digits) - 2, 1) + digits[-2:]
