"""Who hears about a submitted application."""

from datetime import datetime

from sme_notifications.domain.deliveries import Channel, Recipient, application_submitted_deliveries

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def test_a_submitted_application_goes_to_the_applicant_and_the_officers_of_its_district() -> None:
    deliveries = application_submitted_deliveries(
        event_id="e-1",
        event_type="gz.sme.registry.application.submitted.v1",
        entity_name="广州市越秀区企业服务中心",
        uscc="91440104MA59C1XE2T",
        district_code="440104",
        round_year=2026,
        now=NOW,
    )
    assert {d.recipient for d in deliveries} == {
        Recipient("org", "91440104MA59C1XE2T"),
        Recipient("district", "440104"),
    }
    assert {d.channel for d in deliveries} == {Channel.IN_APP}
    assert all("2026年度" in d.body and "广州市越秀区企业服务中心" in d.body for d in deliveries)
