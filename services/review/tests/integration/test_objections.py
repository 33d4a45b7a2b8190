"""Objections (§4.1.3(4)): filed by anyone within the period, complete, on a listed application; the
objector is known to the bureau alone; anonymous filing is rate-limited."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.7\n" + b"0" * 128
DOCX = b"PK\x03\x04" + b"0" * 128
ID_NUMBER = "440106199001011235"
PHONE = "13800138000"


async def noticed(review: ReviewService) -> tuple[str, dict[str, str]]:
    """A notice published 2026-09-28 (period to 2026-10-09) listing A and B; returns its id and the app ids."""
    await review.shortlisted_round("A", "B")
    await review.move_clock_to(at("2026-09-28", 9))
    response = await review.publish_notice()
    assert response.status_code == 201, response.text
    return response.json()["id"], {key: event.application_id for key, event in review.forwarded.items()}


def individual(target: str, **changes: str) -> dict[str, str]:
    form = {
        "objector_type": "individual",
        "target_application_id": target,
        "grounds": "该单位实际专职人员不足两名，与申报材料不符。",
        "real_name": "张三",
        "id_number": ID_NUMBER,
        "contact_phone": PHONE,
    }
    return {key: value for key, value in {**form, **changes}.items() if value}


async def file(review: ReviewService, notice_id: str, data: dict[str, str], **kwargs: object):  # type: ignore[no-untyped-def]
    return await review.http.post(f"/public/notices/{notice_id}/objections", data=data, **kwargs)  # type: ignore[arg-type]


def fields(response) -> set[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    return {error["field"] for error in response.json()["errors"]}


async def test_an_objection_after_the_period_is_refused_with_the_deadline(review: ReviewService) -> None:
    notice_id, apps = await noticed(review)
    await review.move_clock_to(at("2026-10-09", 23, 59))
    assert (await file(review, notice_id, individual(apps["A"]))).status_code == 201

    await review.move_clock_to(at("2026-10-10", 0, 0))
    late = await file(review, notice_id, individual(apps["A"]))

    assert late.status_code == 409
    assert late.json()["deadline"] == "2026-10-09T23:59:59+08:00"
    assert "2026年10月09日 23:59:59" in late.json()["detail"]


async def test_an_organisation_objection_without_its_sealed_scan_is_refused_and_nothing_is_kept(
    review: ReviewService,
) -> None:
    notice_id, apps = await noticed(review)
    form = {
        "objector_type": "organisation",
        "target_application_id": apps["A"],
        "grounds": "该单位服务场所系临时租用，不具备固定办公场所。",
        "organisation_name": "广州市天河区某行业商会",
        "contact_phone": "020-83331234",
    }
    assert fields(await file(review, notice_id, form)) == {"seal_scan"}
    word = await file(review, notice_id, form, files={"seal_scan": ("异议书.docx", DOCX, "application/pdf")})
    assert fields(word) == {"seal_scan"}
    assert (await review.http.get("/objections", headers=review.bureau)).json()["total"] == 0

    accepted = await file(review, notice_id, form, files={"seal_scan": ("异议书.pdf", PDF, "application/pdf")})
    assert accepted.status_code == 201, accepted.text


async def test_only_the_bureau_sees_who_objected(review: ReviewService) -> None:
    notice_id, apps = await noticed(review)
    filed = await file(review, notice_id, individual(apps["A"]))
    assert filed.status_code == 201
    receipt = filed.json()
    assert ID_NUMBER not in filed.text
    assert "张三" not in filed.text
    objection_id = receipt["id"]
    case_a = await review.case_of(apps["A"])
    personal = ("张三", ID_NUMBER, PHONE)

    # The public: the notice never carries objections.
    public = await review.http.get(f"/public/notices/{notice_id}")
    assert not any(value in public.text for value in personal)
    # The head station follows the objection, without its objector.
    for url in ("/objections", f"/objections/{objection_id}"):
        seen = await review.http.get(url, headers=review.head_station)
        assert seen.status_code == 200
        assert not any(value in seen.text for value in personal)
    assert (await review.http.get(f"/objections/{objection_id}", headers=review.head_station)).json()[
        "objector"
    ] is None
    # The applicant concerned sees that an objection exists and how it ends.
    applicant = review.auth("station_operator", org=review.forwarded["A"].uscc)
    own = await review.http.get(f"/cases/{case_a}/objections", headers=applicant)
    assert [(o["id"], o["status"]) for o in own.json()["items"]] == [(objection_id, "received")]
    assert not any(value in own.text for value in personal)
    # Another organisation does not even learn the case exists.
    other = review.auth("station_operator", org=review.forwarded["B"].uscc)
    assert (await review.http.get(f"/cases/{case_a}/objections", headers=other)).status_code == 404
    # The bureau investigates with the objector's details, and the read is audited.
    bureau_view = (await review.http.get(f"/objections/{objection_id}", headers=review.bureau)).json()
    assert (bureau_view["objector"]["real_name"], bureau_view["objector"]["id_number"]) == ("张三", ID_NUMBER)
    trail = await review.http.get("/audit", params={"target_id": objection_id}, headers=review.bureau)
    assert {e["action"] for e in trail.json()} == {"file_objection", "read_objector"}
    assert not any(value in trail.text for value in personal)

    resolved = await review.http.post(
        f"/objections/{objection_id}/resolution",
        json={"outcome": "not_upheld", "findings": "经调取社保缴纳记录核实，专职人员3名，异议不成立。"},
        headers=review.bureau,
    )
    assert resolved.status_code == 200
    own = (await review.http.get(f"/cases/{case_a}/objections", headers=applicant)).json()
    assert [(o["status"], o["outcome"]) for o in own["items"]] == [("resolved", "not_upheld")]

    events = await review.events(
        "gz.sme.review.notice", lambda es: any(isinstance(e, contract.ObjectionResolved) for e in es)
    )
    assert not any(value in str([e.model_dump() for e in events]) for value in personal)


async def test_the_bureau_alone_downloads_an_organisations_sealed_scan(review: ReviewService) -> None:
    notice_id, apps = await noticed(review)
    filed = await file(
        review,
        notice_id,
        {
            "objector_type": "organisation",
            "target_application_id": apps["B"],
            "grounds": "该单位服务场所系临时租用，不具备固定办公场所。",
            "organisation_name": "广州市越秀区某商会",
            "contact_phone": "020-83331234",
        },
        files={"seal_scan": ("异议书.pdf", PDF, "application/pdf")},
    )
    url = f"/objections/{filed.json()['id']}/seal-scan"
    assert (await review.http.get(url, headers=review.head_station)).status_code == 403
    assert (await review.http.get(url)).status_code == 401
    scan = await review.http.get(url, headers=review.bureau)
    assert scan.status_code == 200
    assert (scan.content, scan.headers["content-type"]) == (PDF, "application/pdf")


async def test_filing_is_limited_per_client_and_says_when_to_retry(review: ReviewService) -> None:
    notice_id, apps = await noticed(review)
    for _ in range(5):
        assert (await file(review, notice_id, {"objector_type": "individual"})).status_code == 422

    limited = await file(review, notice_id, individual(apps["A"]))

    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) == 600
    await review.move_clock_to(at("2026-09-28", 9, 11))
    assert (await file(review, notice_id, individual(apps["A"]))).status_code == 201
