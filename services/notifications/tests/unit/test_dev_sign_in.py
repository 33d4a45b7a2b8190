"""Whom the development sign-in lists, in which order, with which claims; and its routes refuse
to work in production even when mounted by mistake."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from sme_kit.problems import install_problem_handlers
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_notifications.config import NotificationsSettings
from sme_notifications.domain.recipients import Official, OfficialRole
from sme_notifications.domain.sign_in import KnownOrganisation, NotOneOfItsStations, Person, by_role, people
from sme_notifications.entrypoints import http_dev_sign_in
from sme_notifications.entrypoints.state import get_settings

ORG_A, ORG_B = "91440106MA59C1XE2H", "91440112MA59C1XE27"


def official(subject: str, name: str, role: OfficialRole, district: str | None = None) -> Official:
    return Official(subject, name, role, district, email=f"{subject}@example.gov.cn", mobile="13900139000")


def test_people_come_by_role_then_district_and_operators_carry_org_and_their_active_station() -> None:
    found = people(
        [
            official("ops", "冯志远", OfficialRole.PLATFORM_OPERATOR),
            official("do-hp", "陈静", OfficialRole.DISTRICT_OFFICER, "440112"),
            official("ex-1", "林教授", OfficialRole.EXPERT),
            official("do-th", "李明", OfficialRole.DISTRICT_OFFICER, "440106"),
            official("bu-1", "吴刚", OfficialRole.BUREAU_ADMIN),
            official("hs-1", "周敏", OfficialRole.HEAD_STATION_STAFF),
        ],
        [
            KnownOrganisation(ORG_B, None, None),
            KnownOrganisation(ORG_A, "广州市天河区创新企业服务有限公司", "440106", ("st-a", "st-old")),
        ],
        GUANGZHOU_DISTRICTS,
    )
    assert [p.subject for p in found] == [
        "bu-1",
        "hs-1",
        "do-th",
        "do-hp",
        "ex-1",
        f"operator-{ORG_A}",
        f"operator-{ORG_B}",
        "ops",
    ]
    assert [role for role, _ in by_role(found)] == [
        "bureau_admin",
        "head_station_staff",
        "district_officer",
        "expert",
        "station_operator",
        "platform_operator",
    ]
    operator_a = found[5]
    assert operator_a.claims() == {"name": "广州市天河区创新企业服务有限公司", "org": ORG_A, "station_id": "st-a"}
    assert found[6].district_code == "440112"  # from the USCC's registration division
    assert found[6].claims() == {"name": ORG_B, "org": ORG_B}
    assert found[2].claims() == {"name": "李明", "district": "440106"}
    assert found[0].claims() == {"name": "吴刚"}


def test_an_operator_acts_for_the_station_chosen_and_only_for_one_of_its_organisation_s() -> None:
    operator = Person(f"operator-{ORG_A}", "station_operator", "某单位", "440106", ORG_A, "某单位", ("st-a", "st-b"))
    assert operator.claims()["station_id"] == "st-a"
    assert operator.claims("st-b")["station_id"] == "st-b"
    with pytest.raises(NotOneOfItsStations) as refused:
        operator.claims("st-of-another")
    assert [error.field for error in refused.value.errors] == ["station_id"]
    applicant = Person(f"operator-{ORG_B}", "station_operator", "申请单位", "440112", ORG_B, None)
    with pytest.raises(NotOneOfItsStations):
        applicant.claims("st-a")


async def test_the_routes_refuse_in_production_even_when_mounted() -> None:
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(http_dev_sign_in.router)
    production = NotificationsSettings(
        database_url="sqlite+aiosqlite://",
        environment="production",
        auth_dev_secret=None,  # whatever the environment says (make exports a development one)
        auth_jwks_url="https://idp.example/jwks.json",
        sms_provider="none",
    )
    app.dependency_overrides[get_settings] = lambda: production
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://notifications") as http:
        for answer in (await http.get("/dev/people"), await http.post("/dev/tokens", json={"subject": "bu-1"})):
            assert answer.status_code == 403
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert "正式环境" in answer.json()["detail"]
