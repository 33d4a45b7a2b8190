"""The role aliases admit exactly their roles: 401 without a token, 403 for any other role."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from sme_kit import http_auth
from sme_kit.auth import Role, TokenVerifier, mint_dev_token
from sme_kit.problems import install_problem_handlers

SECRET = "a-test-secret-that-is-long-enough-for-hs256!"

EXPECTED = {
    "Bureau": {Role.BUREAU_ADMIN},
    "DistrictOfficer": {Role.DISTRICT_OFFICER},
    "HeadStation": {Role.HEAD_STATION_STAFF},
    "Expert": {Role.EXPERT},
    "Operator": {Role.STATION_OPERATOR},
    "PlatformOperator": {Role.PLATFORM_OPERATOR},
    "Staff": {Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF},
    "Organiser": {Role.HEAD_STATION_STAFF, Role.STATION_OPERATOR},
    "StaffOrExpert": {Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.EXPERT},
    "RecordReader": {Role.BUREAU_ADMIN, Role.PLATFORM_OPERATOR},
    "ApplicationParty": {Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF, Role.DISTRICT_OFFICER, Role.STATION_OPERATOR},
    "AnyBusinessRole": set(Role) - {Role.PLATFORM_OPERATOR},
}


def _app(alias: Any) -> FastAPI:
    app = FastAPI()
    app.state.token_verifier = TokenVerifier(dev_secret=SECRET)
    install_problem_handlers(app)

    async def guarded(principal: Any) -> str:
        return str(principal.role)

    guarded.__annotations__["principal"] = alias  # this module's annotations are strings; FastAPI needs the type
    app.get("/guarded")(guarded)
    return app


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_each_alias_admits_exactly_its_roles(name: str) -> None:
    transport = httpx.ASGITransport(app=_app(getattr(http_auth, name)))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        assert (await http.get("/guarded")).status_code == 401
        admitted = set()
        for role in Role:
            token = mint_dev_token(SECRET, role=role, district="440106", org="91440106MA59C1XE2H")
            response = await http.get("/guarded", headers={"Authorization": f"Bearer {token}"})
            assert response.status_code in (200, 403), response.text
            if response.status_code == 200:
                admitted.add(role)
    assert admitted == EXPECTED[name]
