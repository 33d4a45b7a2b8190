"""Test support shared by every package: real broker and database fixtures, waiting helpers."""

from sme_kit.testing.waiting import wait_until

__all__ = ["wait_until"]
