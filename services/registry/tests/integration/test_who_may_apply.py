"""Over HTTP: the draft of an entity that may not apply (§4.1.2(1)) is a 422 on the USCC, and nothing is kept."""

from __future__ import annotations

import pytest

from .conftest import Registry, full_form

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("uscc", "code"),
    [("91440300MA5FAB1C2C", "uscc_not_guangzhou"), ("92440106MA59C1XE2E", "individual_business")],
    ids=["shenzhen", "individual-business"],
)
async def test_the_draft_of_an_entity_that_may_not_apply_is_refused_on_its_uscc(
    registry: Registry, uscc: str, code: str
) -> None:
    operator = registry.operator(uscc)
    response = await registry.http.post("/applications", json=full_form(uscc), headers=operator)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("uscc", code)]
    listed = await registry.http.get("/applications", headers=operator)
    assert listed.json()["total"] == 0
