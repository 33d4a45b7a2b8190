"""Test support shared by every package: real broker and database fixtures, waiting helpers."""

from sme_kit.testing.clocks import DEFAULT_CLOCK_START
from sme_kit.testing.waiting import wait_until

__all__ = ["DEFAULT_CLOCK_START", "wait_until"]
