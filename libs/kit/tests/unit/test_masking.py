"""Addresses shown after use: recognisable to their owner, useless to anyone else."""

import pytest

from sme_kit.masking import masked_contact


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("13800110011", "138****0011"),
        ("+86 138-0011-0011", "138****0011"),
        ("sun.li@example.com", "s***@example.com"),
        ("a@b.cn", "a***@b.cn"),
        ("12345", "***45"),
    ],
)
def test_an_address_is_shown_masked(address: str, shown: str) -> None:
    assert masked_contact(address) == shown
