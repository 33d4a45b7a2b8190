"""What an objection must carry (§4.1.3(4)) and how it is resolved."""

import pytest

from sme_review.domain.errors import InvalidInput, StateConflict
from sme_review.domain.objections import (
    ObjectionForm,
    ObjectionOutcome,
    ObjectionStatus,
    objection_problems,
    objector_of,
)

from .factories import NOW, objection

GROUNDS = "该单位实际专职人员不足两名，与申报材料不符。"


def fields(form: ObjectionForm, *, on_notice: bool = True, scan: str | None = None, uploaded: bool = False) -> set[str]:
    return {
        p.field for p in objection_problems(form, on_notice=on_notice, seal_scan_type=scan, seal_scan_uploaded=uploaded)
    }


def test_an_organisation_objection_without_its_sealed_scan_is_refused() -> None:
    form = ObjectionForm("organisation", "app-1", GROUNDS, organisation_name="广州某商会", contact_phone="020-83331234")
    assert fields(form) == {"seal_scan"}
    assert fields(form, scan="image/png", uploaded=True) == set()


def test_a_seal_scan_must_be_a_pdf_or_an_image() -> None:
    form = ObjectionForm("organisation", "app-1", GROUNDS, organisation_name="广州某商会", contact_phone="13800138000")
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert fields(form, scan=docx, uploaded=True) == {"seal_scan"}


def test_an_individual_objection_needs_a_real_name_and_a_valid_id_number() -> None:
    assert fields(ObjectionForm("individual", "app-1", GROUNDS, contact_phone="13800138000")) == {
        "real_name",
        "id_number",
    }
    wrong_checksum = ObjectionForm(
        "individual", "app-1", GROUNDS, real_name="张三", id_number="440106199001011234", contact_phone="13800138000"
    )
    assert fields(wrong_checksum) == {"id_number"}
    valid = ObjectionForm(
        "individual", "app-1", GROUNDS, real_name="张三", id_number="440106199001011235", contact_phone="13800138000"
    )
    assert fields(valid) == set()


def test_an_empty_objection_names_every_missing_field_at_once() -> None:
    assert fields(ObjectionForm(None, None, None)) == {
        "objector_type",
        "target_application_id",
        "grounds",
        "contact_phone",
    }
    assert fields(ObjectionForm("organisation", None, "短", contact_phone="123")) == {
        "target_application_id",
        "grounds",
        "contact_phone",
        "organisation_name",
        "seal_scan",
    }


def test_the_target_must_be_on_the_notice() -> None:
    form = ObjectionForm(
        "individual", "app-9", GROUNDS, real_name="张三", id_number="44010619881111002X", contact_phone="13800138000"
    )
    assert fields(form, on_notice=False) == {"target_application_id"}


def test_only_what_the_objectors_type_needs_is_kept() -> None:
    form = ObjectionForm(
        "organisation",
        "app-1",
        GROUNDS,
        organisation_name="广州某商会",
        real_name="张三",
        id_number="440106199001011235",
        contact_phone="138 0013 8000",
    )
    objector = objector_of(form)
    assert (objector.organisation_name, objector.real_name, objector.id_number) == ("广州某商会", None, None)
    assert objector.contact_phone == "13800138000"


def test_the_bureau_resolves_an_objection_once_with_findings() -> None:
    filed = objection()
    with pytest.raises(InvalidInput):
        filed.resolve(outcome=ObjectionOutcome.UPHELD, findings="属实", by="bureau", at=NOW)
    filed.resolve(
        outcome=ObjectionOutcome.NOT_UPHELD,
        findings="经核查劳动合同与社保记录，专职人员3名，异议不成立。",
        by="bureau",
        at=NOW,
    )
    assert filed.status is ObjectionStatus.RESOLVED
    with pytest.raises(StateConflict, match="已办结"):
        filed.resolve(outcome=ObjectionOutcome.UPHELD, findings="经复查异议成立，情况属实。", by="bureau", at=NOW)
