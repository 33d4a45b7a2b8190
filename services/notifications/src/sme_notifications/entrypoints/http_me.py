"""HTTP routes for the caller's own contact (operators) and channel preferences (everyone)."""

from __future__ import annotations

from fastapi import APIRouter

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.problems import problem_responses
from sme_notifications.entrypoints.contact_models import ContactIn, OrganisationView, PreferencesBody
from sme_notifications.service_layer import directory, preferences

router = APIRouter(prefix="/me", tags=["我的设置 My settings"])


@router.get(
    "/contact",
    summary="My organisation's contact for notices (station operators)",
    responses=problem_responses(401, 403),
)
async def read_my_contact(principal: CurrentPrincipal, uow: UowFactoryDep) -> OrganisationView:
    return OrganisationView.of(await directory.my_contact(uow_factory=uow, principal=principal))


@router.put(
    "/contact",
    summary="Set my organisation's contact for e-mail and SMS notices (station operators)",
    responses=problem_responses(401, 403, 422),
)
async def set_my_contact(body: ContactIn, principal: CurrentPrincipal, uow: UowFactoryDep) -> OrganisationView:
    return OrganisationView.of(
        await directory.set_my_contact(uow_factory=uow, principal=principal, contact=body.contact())
    )


@router.get("/preferences", summary="My channel preferences", responses=problem_responses(401))
async def read_my_preferences(principal: CurrentPrincipal, uow: UowFactoryDep) -> PreferencesBody:
    return PreferencesBody.of(await preferences.my_preferences(uow_factory=uow, principal=principal))


@router.put(
    "/preferences",
    summary="Choose my channels (mandatory notices are sent regardless)",
    responses=problem_responses(401, 422),
)
async def set_my_preferences(body: PreferencesBody, principal: CurrentPrincipal, uow: UowFactoryDep) -> PreferencesBody:
    chosen = await preferences.set_my_preferences(uow_factory=uow, principal=principal, chosen=body.preferences())
    return PreferencesBody.of(chosen)
