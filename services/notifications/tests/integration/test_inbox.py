"""The in-app inbox: read and unread per user, and nobody reads another user's messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sme_contracts import Event
from sme_kit.testing import wait_until

from .conftest import Publisher, Service

pytestmark = pytest.mark.integration

ORG_A, ORG_B = "91440106MA59C1XE2H", "91440112MA59C1XE27"


async def _inbox(service: Service, who: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await service.http.get("/inbox", params=params, headers=who)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_an_operator_reads_its_organisation_s_messages_and_marks_them_read_and_unread(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    event_id = await publish.send(sample("gz.sme.registry.application.returned.v1"))
    await service.settled(event_id, 1)
    operator = service.operator(ORG_A)

    page = await _inbox(service, operator)
    [message] = page["items"]
    assert page["unread_count"] == 1
    assert (page["total"], page["limit"], page["offset"]) == (1, 50, 0)
    assert (message["inbox"], message["title"], message["read"], message["mandatory"]) == (
        f"org:{ORG_A}",
        "服务站认定申请被退回补正",
        False,
        True,
    )
    assert "请补充专职人员劳动合同" in message["body"]

    read = await service.http.post(f"/inbox/{message['id']}/read", headers=operator)
    assert read.status_code == 200
    assert read.json()["read"] is True
    assert (await _inbox(service, operator))["unread_count"] == 0
    assert (await _inbox(service, operator, unread_only=True))["items"] == []

    unread = await service.http.post(f"/inbox/{message['id']}/unread", headers=operator)
    assert unread.json()["read"] is False
    assert (await _inbox(service, operator))["unread_count"] == 1


async def test_nobody_reads_or_marks_another_user_s_message_and_nothing_of_it_leaks(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    event_id = await publish.send(sample("gz.sme.registry.application.submitted.v1"))
    await service.settled(event_id, 2)
    [for_a] = (await _inbox(service, service.operator(ORG_A)))["items"]
    [for_district] = (await _inbox(service, service.reader_of("district:440106")))["items"]

    strangers = {
        "another organisation": service.operator(ORG_B, subject="op-b"),
        "another district": service.as_("district_officer", district="440112", subject="do-hp"),
        "the head station": service.as_("head_station_staff", subject="hs-1"),
        "an expert": service.as_("expert", subject="ex-1"),
        "the platform team": service.as_("platform_operator", subject="ops-1"),
    }
    for who, headers in strangers.items():
        empty = {"unread_count": 0, "items": [], "total": 0, "limit": 50, "offset": 0}
        assert (await _inbox(service, headers)) == empty, who
        for message in (for_a, for_district):
            for method, path in (
                ("GET", f"/inbox/{message['id']}"),
                ("POST", f"/inbox/{message['id']}/read"),
                ("POST", f"/inbox/{message['id']}/unread"),
            ):
                response = await service.http.request(method, path, headers=headers)
                assert response.status_code == 404, (who, path)
                assert message["body"] not in response.text
                assert message["title"] not in response.text
    # The applicant does not read its district's inbox either.
    response = await service.http.get(f"/inbox/{for_district['id']}", headers=service.operator(ORG_A))
    assert response.status_code == 404


async def test_each_officer_of_a_district_has_its_own_read_marks_in_the_shared_inbox(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    event_id = await publish.send(sample("gz.sme.registry.application.submitted.v1"))
    await service.settled(event_id, 2)
    first = service.as_("district_officer", district="440106", subject="do-th")
    second = service.as_("district_officer", district="440106", subject="do-th-2")
    [message] = (await _inbox(service, first))["items"]
    await service.http.post(f"/inbox/{message['id']}/read", headers=first)
    assert (await _inbox(service, first))["unread_count"] == 0
    assert (await _inbox(service, second))["unread_count"] == 1


async def test_the_unread_count_alone_follows_the_read_marks_of_the_caller(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    for event_type in ("gz.sme.registry.application.submitted.v1", "gz.sme.registry.application.returned.v1"):
        await service.settled(await publish.send(sample(event_type)), 1)
    operator = service.operator(ORG_A)

    async def unread(who: dict[str, str]) -> int:
        response = await service.http.get("/inbox/unread-count", headers=who)
        assert response.status_code == 200, response.text
        assert set(response.json()) == {"unread_count"}
        return int(response.json()["unread_count"])

    async def settled_count() -> bool:
        return await unread(operator) == 2

    await wait_until(settled_count, timeout=20, what="both messages in the operator's inbox")
    newest = (await _inbox(service, operator))["items"][0]
    await service.http.post(f"/inbox/{newest['id']}/read", headers=operator)
    assert await unread(operator) == 1
    older = await _inbox(service, operator, limit=1, offset=1)
    assert [m["id"] for m in older["items"]] != [newest["id"]]
    assert (len(older["items"]), older["total"], older["unread_count"]) == (1, 2, 1)
    unread_only = await _inbox(service, operator, unread_only=True, limit=1)
    assert (unread_only["total"], unread_only["items"][0]["read"]) == (1, False)
    assert await unread(service.operator(ORG_B)) == 0
    await service.http.post(f"/inbox/{newest['id']}/unread", headers=operator)
    assert await unread(operator) == 2
    assert (await service.http.get("/inbox/unread-count")).status_code == 401


async def test_an_expert_reads_its_own_assignments_only(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    event_id = await publish.send(sample("gz.sme.review.case.expert_assigned.v1"))
    await service.settled(event_id, 1)
    [message] = (await _inbox(service, service.as_("expert", subject="ex-1")))["items"]
    assert message["inbox"] == "official:ex-1"
    assert "2026年12月10日" in message["body"]
    assert (await _inbox(service, service.as_("expert", subject="ex-2")))["items"] == []
    assert (await service.http.get("/inbox")).status_code == 401
