"""HTTP routes of the recipients directory (bureau and platform operators)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_notifications.domain.recipients import OfficialRole
from sme_notifications.entrypoints.contact_models import ContactIn, OfficialIn, OfficialView, OrganisationView
from sme_notifications.service_layer import directory as use_cases

router = APIRouter(prefix="/directory", tags=["通讯录 Directory"])


@router.put(
    "/officials/{subject}",
    summary="Add or update an official (district officer, head station staff, bureau staff, expert)",
    responses={201: {"description": "Added"}, **problem_responses(401, 403, 422)},
)
async def save_official(
    subject: str, body: OfficialIn, principal: CurrentPrincipal, uow: UowFactoryDep, response: Response
) -> OfficialView:
    official = body.official(subject)
    created = await use_cases.save_official(uow_factory=uow, principal=principal, official=official)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return OfficialView.of(official)


@router.get("/officials", summary="List officials (by role, district, subject)", responses=problem_responses(401, 403))
async def list_officials(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    paging: Paging,
    role: Annotated[OfficialRole | None, Query()] = None,
    district_code: str | None = Query(default=None, examples=["440106"]),
) -> Page[OfficialView]:
    found = await use_cases.list_officials(
        uow_factory=uow, principal=principal, role=role, district_code=district_code, page=paging
    )
    return Page.of(found, OfficialView.of)


@router.get("/officials/{subject}", summary="One official", responses=problem_responses(401, 403, 404))
async def read_official(subject: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> OfficialView:
    return OfficialView.of(await use_cases.read_official(uow_factory=uow, principal=principal, subject=subject))


@router.delete(
    "/officials/{subject}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove an official and erase their contact data",
    responses=problem_responses(401, 403, 404),
)
async def remove_official(subject: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> None:
    await use_cases.remove_official(uow_factory=uow, principal=principal, subject=subject)


@router.get(
    "/organisations/{uscc}",
    summary="An organisation's entry (name from events, contact it gave)",
    responses=problem_responses(401, 403, 404, 422),
)
async def read_organisation(uscc: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> OrganisationView:
    return OrganisationView.of(await use_cases.read_organisation(uow_factory=uow, principal=principal, uscc=uscc))


@router.put(
    "/organisations/{uscc}/contact",
    summary="Record an organisation's contact for e-mail and SMS",
    responses=problem_responses(401, 403, 422),
)
async def set_organisation_contact(
    uscc: str, body: ContactIn, principal: CurrentPrincipal, uow: UowFactoryDep
) -> OrganisationView:
    saved = await use_cases.set_organisation_contact(
        uow_factory=uow, principal=principal, uscc=uscc, contact=body.contact()
    )
    return OrganisationView.of(saved)


@router.delete(
    "/organisations/{uscc}/contact",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase an organisation's contact",
    responses=problem_responses(401, 403, 404, 422),
)
async def erase_organisation_contact(uscc: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> None:
    await use_cases.erase_organisation_contact(uow_factory=uow, principal=principal, uscc=uscc)
