"""Eligibility on submission (§4.1.2): every failing rule is its own violation."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date

from sme_registry.domain.applications import ApplicationKind
from sme_registry.domain.eligibility import StationFacts, eligibility_violations
from sme_registry.domain.errors import RuleViolation
from sme_registry.domain.forms import REQUIRED_ATTACHMENTS, ApplicationForm, AttachmentKind, StaffMember
from sme_registry.domain.uscc import uscc_violations

from .forms import COMPLETE, USCC

ALL_ATTACHED = set(REQUIRED_ATTACHMENTS)


def codes(violations: list[RuleViolation]) -> list[tuple[str, str]]:
    return [(v.field, v.code) for v in violations]


def check(
    form: ApplicationForm = COMPLETE,
    *,
    attached: Collection[AttachmentKind] = ALL_ATTACHED,
    kind: ApplicationKind = ApplicationKind.NEW,
    station: StationFacts | None = None,
    year: int = 2026,
) -> list[RuleViolation]:
    return eligibility_violations(form, kind=kind, round_year=year, attached=attached, station=station)


def test_a_valid_guangzhou_legal_person_breaks_no_uscc_rule() -> None:
    assert uscc_violations(USCC) == []
    assert uscc_violations(" 91440106ma59c1xe2h ") == []


def test_a_wrong_check_digit_is_refused() -> None:
    assert codes(uscc_violations("91440106MA59C1XE2T")) == [("uscc", "uscc_check_digit")]


def test_an_entity_registered_outside_guangzhou_is_refused() -> None:
    assert codes(uscc_violations("91440300MA5FAB1C2C")) == [("uscc", "uscc_not_guangzhou")]


def test_an_individual_business_is_not_a_legal_person() -> None:
    assert codes(uscc_violations("92440106MA59C1XE2E")) == [("uscc", "individual_business")]


def test_a_social_organisation_registered_in_guangzhou_is_a_legal_person() -> None:
    assert uscc_violations("52440106MJL17845XK") == []


def test_a_complete_form_with_every_attachment_is_eligible() -> None:
    assert check() == []


def test_one_full_time_staff_member_is_not_enough() -> None:
    form = replace(COMPLETE, staff=(StaffMember("李明", "站长", "13800138000"),))
    assert codes(check(form)) == [("staff", "too_few_staff")]


def test_a_station_outside_guangzhou_is_refused() -> None:
    form = replace(COMPLETE, station_district_code="440303")
    assert codes(check(form)) == [("station_district_code", "district_not_guangzhou")]


def test_each_missing_attachment_is_named() -> None:
    violations = check(attached={AttachmentKind.BUSINESS_LICENCE, AttachmentKind.OTHER})
    assert codes(violations) == [
        ("attachments.premises_proof", "attachment_missing"),
        ("attachments.management_system", "attachment_missing"),
        ("attachments.staff_proof", "attachment_missing"),
    ]


def test_every_failure_is_reported_at_once() -> None:
    form = replace(
        COMPLETE,
        uscc="92440300MA5FAB1C2X",
        legal_representative=None,
        station_district_code="440303",
        staff=(),
        services=(),
        contact=None,
    )
    found = set(codes(check(form, attached=set())))
    assert found >= {
        ("uscc", "uscc_check_digit"),
        ("uscc", "uscc_not_guangzhou"),
        ("uscc", "individual_business"),
        ("legal_representative", "required"),
        ("services", "required"),
        ("contact.name", "required"),
        ("contact.phone", "required"),
        ("station_district_code", "district_not_guangzhou"),
        ("staff", "too_few_staff"),
        ("attachments.business_licence", "attachment_missing"),
    }


def test_a_re_review_must_name_a_station_of_the_same_entity_ending_in_the_rounds_year() -> None:
    own = StationFacts("st-1", USCC, date(2026, 11, 30), revoked=False)
    assert check(kind=ApplicationKind.RE_REVIEW, station=own, year=2026) == []
    assert codes(check(kind=ApplicationKind.RE_REVIEW, station=None)) == [("station_id", "re_review_station")]
    other = replace(own, uscc="91440104MA5D0QRT7D")
    assert codes(check(kind=ApplicationKind.RE_REVIEW, station=other)) == [("station_id", "re_review_station")]
    later = replace(own, valid_until=date(2027, 1, 5))
    assert codes(check(kind=ApplicationKind.RE_REVIEW, station=later)) == [("station_id", "re_review_year")]
    revoked = replace(own, revoked=True)
    assert codes(check(kind=ApplicationKind.RE_REVIEW, station=revoked)) == [("station_id", "re_review_station")]
