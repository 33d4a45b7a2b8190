"""FastAPI dependencies every service's routes use: the unit of work and the clock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from sme_kit.clock import Clock
from sme_kit.files import FileStore
from sme_kit.uow import UnitOfWorkFactory

if TYPE_CHECKING:
    from sme_kit.service import Runtime


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]


def get_uow_factory(request: Request) -> UnitOfWorkFactory[Any]:
    return get_runtime(request).uow


def get_clock(request: Request) -> Clock:
    return get_runtime(request).clock


def get_files(request: Request) -> FileStore:
    return get_runtime(request).files


UowFactoryDep = Annotated[UnitOfWorkFactory[Any], Depends(get_uow_factory)]
ClockDep = Annotated[Clock, Depends(get_clock)]
FilesDep = Annotated[FileStore, Depends(get_files)]
