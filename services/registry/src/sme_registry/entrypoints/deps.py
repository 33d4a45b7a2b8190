"""What the routes share besides the kit's: the registry's settings, and the public register's paging."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from sme_kit.http import get_runtime
from sme_kit.http_paging import paging
from sme_kit.paging import PageRequest
from sme_kit.service import Runtime
from sme_registry.config import RegistrySettings


def get_settings(runtime: Annotated[Runtime, Depends(get_runtime)]) -> RegistrySettings:
    """The settings the composition root started the registry with (the convention's version, …)."""
    settings = runtime.settings
    if not isinstance(settings, RegistrySettings):
        raise TypeError(f"the registry runs with RegistrySettings, not {type(settings).__name__}")
    return settings


SettingsDep = Annotated[RegistrySettings, Depends(get_settings)]

# The public register: 20 stations a page unless asked, at most 100 (a page a visitor reads).
RegisterPaging = Annotated[PageRequest, paging(default_limit=20, max_limit=100)]
