"""A station's plaque certificate as a printable PDF: same access as its full record, active stations only."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest

from sme_contracts.assessment import StationRevoked
from sme_contracts.common import RevocationGround
from sme_contracts.registry import StationStatusChanged
from sme_kit.testing.documents import DocumentReader

from .conftest import OTHER_USCC, PERSONAL_DATA, USCC, Registry

pytestmark = pytest.mark.integration


async def test_the_certificate_names_the_station_its_operator_plaque_and_validity_and_no_person(
    registry: Registry, printed: DocumentReader
) -> None:
    await registry.open_round()
    station = await registry.recognise(
        await registry.forwarded(), on=date(2026, 12, 1), plaque_number="穗中小服站〔2026〕001号"
    )

    response = await registry.http.get(f"/stations/{station['id']}/certificate", headers=registry.operator())

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    name = "广州市民营和中小企业服务站（天河创新园）"
    assert f"filename*=UTF-8''{quote(name + '认定证书')}.pdf" in response.headers["content-disposition"]
    assert 'filename="certificate-GZSME-2026-0001.pdf"' in response.headers["content-disposition"]
    document = printed.read(response.content, "registry-certificate")
    assert document.pages == 1
    for phrase in (
        "认定证书",
        "牌匾编号：穗中小服站〔2026〕001号",
        name,
        "广州市天河区创新企业服务有限公司",
        "天河区",
        "广州市天河区天河路 100 号 1 楼服务大厅",
        "信息服务、法律服务、融资服务",
        "GZSME-2026-0001",
        "有效期自2026年12月1日至2029年11月30日",
        "特发此证",
        "广州市工业和信息化局",
    ):
        assert document.has(phrase), phrase
    assert not [value for value in PERSONAL_DATA if document.has(value)]


async def test_the_certificate_is_for_those_who_may_read_the_record(registry: Registry) -> None:
    await registry.open_round()
    station = await registry.recognise(await registry.forwarded(), on=date(2026, 12, 1))
    path = f"/stations/{station['id']}/certificate"

    for allowed in (registry.bureau, registry.auth("head_station_staff"), registry.district("440106")):
        response = await registry.http.get(path, headers=allowed)
        assert (response.status_code, response.headers["content-type"]) == (200, "application/pdf")
    for refused in (registry.district("440104"), registry.operator(OTHER_USCC), registry.auth("platform_operator")):
        response = await registry.http.get(path, headers=refused)
        assert (response.status_code, response.headers["content-type"]) == (404, "application/problem+json")
    assert (await registry.http.get(path)).status_code == 401
    unknown = await registry.http.get("/stations/no-such-station/certificate", headers=registry.bureau)
    assert unknown.status_code == 404


async def test_a_revoked_station_has_no_certificate(registry: Registry) -> None:
    await registry.open_round()
    station = await registry.recognise(await registry.forwarded(), on=date(2026, 12, 1))
    await registry.produce(
        StationRevoked(
            station_id=station["id"],
            revocation_id="rv-1",
            uscc=USCC,
            district_code="440106",
            ground=RevocationGround.VOLUNTARY_WITHDRAWAL,
            ground_text="主动申请不再承担服务站工作",
            reason="运营单位书面申请退出",
            decided_on=registry.today(),
            effective_on=registry.today(),
            decided_at=registry.clock.now(),
        ),
        source="/gz/sme/assessment",
    )
    await registry.reader("gz.sme.registry.station").wait_for(StationStatusChanged, lambda e: e.status == "revoked")

    response = await registry.http.get(f"/stations/{station['id']}/certificate", headers=registry.operator())

    assert (response.status_code, response.headers["content-type"]) == (409, "application/problem+json")
    assert "已被撤销，不出具认定证书" in response.json()["detail"]
