"""Attachments: real files with type, size and checksum, downloadable by those who may read the application."""

from __future__ import annotations

import hashlib

import pytest

from .conftest import OTHER_USCC, PDF, Registry

pytestmark = pytest.mark.integration


async def upload(registry: Registry, application_id: str, data: bytes, name: str = "营业执照.pdf", **headers: str):  # type: ignore[no-untyped-def]
    return await registry.http.post(
        f"/applications/{application_id}/attachments",
        data={"kind": "business_licence"},
        files={"file": (name, data, "application/pdf")},
        headers=headers or registry.operator(),
    )


async def test_an_uploaded_file_is_listed_with_its_checksum_and_downloaded_by_its_district(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.draft()
    uploaded = await upload(registry, application_id, PDF)
    assert uploaded.status_code == 201, uploaded.text
    body = uploaded.json()
    assert (body["kind_name"], body["filename"], body["size"], body["sha256"]) == (
        "营业执照",
        "营业执照.pdf",
        len(PDF),
        hashlib.sha256(PDF).hexdigest(),
    )
    await registry.attach(application_id)
    await registry.submit(application_id)

    listed = await registry.http.get(f"/applications/{application_id}/attachments", headers=registry.district())
    assert sorted(a["kind"] for a in listed.json()["items"]) == sorted(
        ["business_licence", "business_licence", "premises_proof", "management_system", "staff_proof"]
    )
    download = await registry.http.get(
        f"/applications/{application_id}/attachments/{body['file_id']}", headers=registry.district()
    )
    assert download.status_code == 200
    assert (download.content, download.headers["content-type"]) == (PDF, "application/pdf")


async def test_files_of_an_application_are_closed_to_other_districts_and_organisations(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    file_id = (
        await registry.http.get(f"/applications/{application_id}/attachments", headers=registry.operator())
    ).json()["items"][0]["file_id"]
    for outsider in (registry.district("440104"), registry.operator(OTHER_USCC)):
        for path in (
            f"/applications/{application_id}/attachments",
            f"/applications/{application_id}/attachments/{file_id}",
        ):
            response = await registry.http.get(path, headers=outsider)
            assert response.status_code == 404
            assert PDF not in response.content


async def test_a_file_that_is_no_pdf_png_jpeg_or_docx_is_refused(registry: Registry) -> None:
    application_id = await registry.draft()
    response = await upload(registry, application_id, b"MZ\x90\x00 an executable", name="licence.pdf")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file"
    listed = await registry.http.get(f"/applications/{application_id}/attachments", headers=registry.operator())
    assert listed.json() == {"items": [], "total": 0, "limit": 50, "offset": 0}


async def test_a_wrong_file_is_removed_before_submission_and_counts_no_more(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.draft()
    await registry.attach(application_id)
    listed = (
        await registry.http.get(f"/applications/{application_id}/attachments", headers=registry.operator())
    ).json()["items"]
    staff_proof = next(a["file_id"] for a in listed if a["kind"] == "staff_proof")
    removed = await registry.http.delete(
        f"/applications/{application_id}/attachments/{staff_proof}", headers=registry.operator()
    )
    assert removed.status_code == 204
    response = await registry.submit(application_id)
    assert [e["field"] for e in response.json()["errors"]] == ["attachments.staff_proof"]


async def test_attachments_are_frozen_once_the_application_is_submitted(registry: Registry) -> None:
    await registry.open_round()
    application_id = await registry.submitted()
    assert (await upload(registry, application_id, PDF)).status_code == 409
