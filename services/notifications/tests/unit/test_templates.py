"""Templates: only fields their event has, one per (template, channel) the table uses, all rendering."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from sme_contracts import Event
from sme_notifications.adapters.routing_file import load_routing_table
from sme_notifications.adapters.sms import confirmation_code_in
from sme_notifications.adapters.template_store import TemplateStore
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.routing_document import parse_routing_document
from sme_notifications.domain.templates import CONTEXT_VARIABLES
from sme_notifications.service_layer.setup_check import SetupError, check_setup, event_fields

TABLE = load_routing_table()
STORE = TemplateStore()
USES = sorted(TABLE.template_uses().items())
EVENT_TIME = datetime.fromisoformat("2026-11-28T10:15:00+08:00")
TO_A_FORMS_CONTACT = {"contact_confirmation.activity_registration", "contact_confirmation.service_request"}


def context_for(event: Event, recipient_name: str = "广州市天河区创新企业服务有限公司") -> dict[str, object]:
    return {
        **event.model_dump(),
        "recipient_name": recipient_name,
        "event_time": EVENT_TIME,
        "portal_url": "https://smefw.example.gov.cn",
    }


@pytest.mark.parametrize(
    ("template_id", "channel", "event_types"),
    [(template_id, channel, sorted(types)) for (template_id, channel), types in USES],
    ids=[f"{template_id}/{channel.value}" for (template_id, channel), _ in USES],
)
def test_a_template_uses_only_fields_of_its_event_and_the_documented_context(
    template_id: str, channel: Channel, event_types: list[str]
) -> None:
    file = STORE.current(template_id, channel)
    assert file is not None, f"no template {template_id}/{channel.value}"
    used = STORE.variables(file.path)
    for event_type in event_types:
        allowed = event_fields()[event_type] | set(CONTEXT_VARIABLES)
        assert used <= allowed, f"{file.path} uses {sorted(used - allowed)}, which {event_type} does not have"


def test_the_check_catches_a_template_that_names_a_field_its_event_lacks(tmp_path: Path) -> None:
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "sms.v1.j2").write_text("【测试】{% block body %}{% endblock %}", encoding="utf-8")
    (tmp_path / "application_returned").mkdir()
    # applicant_mobile is no field of ApplicationReturned (and must never be: personal data stays out).
    (tmp_path / "application_returned" / "sms.v1.j2").write_text(
        '{% extends "_layouts/sms.v1.j2" %}{% block body %}{{ entity_name }} {{ applicant_mobile }}{% endblock %}',
        encoding="utf-8",
    )
    table = parse_routing_document(
        {
            "routes": [
                {
                    "event_type": "gz.sme.registry.application.returned.v1",
                    "template": "application_returned",
                    "to": ["org"],
                    "channels": ["sms"],
                }
            ]
        }
    )
    with pytest.raises(SetupError) as refused:
        check_setup(table, TemplateStore(tmp_path))
    assert refused.value.problems == [
        "application_returned/sms.v1.j2: gz.sme.registry.application.returned.v1 has no field(s) applicant_mobile"
    ]


def test_the_check_catches_a_missing_template_and_a_missing_subject(tmp_path: Path) -> None:
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "email.v1.j2").write_text("{% block body %}{% endblock %}", encoding="utf-8")
    (tmp_path / "application_returned").mkdir()
    (tmp_path / "application_returned" / "email.v1.j2").write_text(
        '{% extends "_layouts/email.v1.j2" %}{% block body %}{{ entity_name }}{% endblock %}', encoding="utf-8"
    )
    table = parse_routing_document(
        {
            "routes": [
                {
                    "event_type": "gz.sme.registry.application.returned.v1",
                    "template": "application_returned",
                    "to": ["org"],
                    "channels": ["email", "in_app"],
                }
            ]
        }
    )
    problems = TemplateStore(tmp_path).problems(table, event_fields())
    assert problems == [
        "application_returned/email.v1.j2: has no subject block",
        "application_returned/in_app: no template",
    ]


def test_the_shipped_routing_table_and_templates_pass_the_check() -> None:
    check_setup(TABLE, STORE)


@pytest.mark.parametrize(("template_id", "channel", "event_types"), [(t, c, sorted(e)) for (t, c), e in USES])
def test_every_template_renders_its_sample_event_in_chinese(
    template_id: str, channel: Channel, event_types: list[str], sample: Callable[..., Event]
) -> None:
    for event_type in event_types:
        rendered = STORE.render(template_id, channel, context_for(sample(event_type)))
        assert rendered.template.version >= 1
        assert rendered.body
        assert "None" not in rendered.body
        assert "{{" not in rendered.body
        if channel is Channel.SMS:
            assert rendered.body.startswith("【广州中小企业服务站】")
            assert len(rendered.body) <= 140, f"{template_id}: an SMS of {len(rendered.body)} characters"
        else:
            assert rendered.subject
            assert "\n" not in rendered.subject
        if channel is Channel.EMAIL:
            assert rendered.body.startswith("广州市天河区创新企业服务有限公司：")
            # A form's contact has no account: no link to sign in to the platform.
            assert ("https://smefw.example.gov.cn" in rendered.body) is (template_id not in TO_A_FORMS_CONTACT)


def test_a_recognition_notice_carries_the_plaque_number(sample: Callable[..., Event]) -> None:
    event = sample("gz.sme.review.outcome.station_recognised.v1")
    for channel in (Channel.IN_APP, Channel.EMAIL, Channel.SMS):
        rendered = STORE.render("station_recognised.operator", channel, context_for(event))
        assert "穗中小服站〔2026〕001号" in rendered.body


def test_a_reminder_tells_the_expert_the_case_the_passed_deadline_and_what_to_do(sample: Callable[..., Event]) -> None:
    event = sample("gz.sme.review.case.expert_reminded.v1")
    for channel in (Channel.IN_APP, Channel.EMAIL, Channel.SMS):
        rendered = STORE.render("expert_reminded", channel, context_for(event, "林晓明"))
        assert "广州市天河区创新企业服务有限公司" in rendered.body
        assert "2026年11月26日" in rendered.body
        assert "逾期 2 天" in rendered.body or "已过 2 天" in rendered.body
        assert "提交评分表" in rendered.body
        assert "告知服务总站" in rendered.body
    in_app = STORE.render("expert_reminded", Channel.IN_APP, context_for(event, "林晓明"))
    assert in_app.subject == "评分催办：广州市天河区创新企业服务有限公司（已逾期 2 天）"
    assert "case-a" in in_app.body


def test_a_routed_request_tells_the_station_it_came_from_the_head_station_and_the_new_deadline(
    sample: Callable[..., Event],
) -> None:
    event = sample("gz.sme.activities.service_request.routed.v1")
    for channel in (Channel.IN_APP, Channel.EMAIL):
        rendered = STORE.render("service_request_routed.station", channel, context_for(event))
        assert "服务总站" in rendered.body
        assert "转派给您单位服务站" in rendered.body
        assert "rq-3" in rendered.body
        assert "请于2026年12月7日前受理" in rendered.body
        assert "st-a" not in rendered.body  # which station let it lapse is the head station's business
    waiting = sample("gz.sme.activities.service_request.routed.v1", acceptance_due_on=None)
    rendered = STORE.render("service_request_routed.station", Channel.IN_APP, context_for(waiting))
    assert "请在5个工作日内受理" in rendered.body
    assert rendered.subject == "服务总站转派的企业服务需求待受理（编号 rq-3）"


def test_a_returned_application_lists_every_reason_and_dates_read_in_chinese(sample: Callable[..., Event]) -> None:
    rendered = STORE.render(
        "application_returned", Channel.IN_APP, context_for(sample("gz.sme.registry.application.returned.v1"))
    )
    assert rendered.subject == "服务站认定申请被退回补正"
    assert "1. 请补充专职人员劳动合同\n2. 请补充办公场所租赁合同" in rendered.body
    assert "2026年11月28日 10:00" in rendered.body
    assert "天河区民营和中小企业主管部门" in rendered.body


def test_an_undefined_variable_fails_loudly_instead_of_printing_blank(sample: Callable[..., Event]) -> None:
    context = context_for(sample("gz.sme.registry.application.returned.v1"))
    del context["entity_name"]
    with pytest.raises(Exception, match="entity_name"):
        STORE.render("application_returned", Channel.SMS, context)


def test_the_newest_version_of_a_template_is_in_force(tmp_path: Path) -> None:
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "sms.v1.j2").write_text("{% block body %}{% endblock %}", encoding="utf-8")
    (tmp_path / "t").mkdir()
    for version, text in ((1, "旧"), (2, "新")):
        (tmp_path / "t" / f"sms.v{version}.j2").write_text(
            f'{{% extends "_layouts/sms.v1.j2" %}}{{% block body %}}{text}{{% endblock %}}', encoding="utf-8"
        )
    rendered = TemplateStore(tmp_path).render("t", Channel.SMS, {})
    assert (rendered.template.version, rendered.body) == (2, "新")


@pytest.mark.parametrize("template_id", sorted(TO_A_FORMS_CONTACT))
@pytest.mark.parametrize("channel", [Channel.SMS, Channel.EMAIL])
def test_a_confirmation_code_is_in_the_body_never_in_the_subject(
    template_id: str, channel: Channel, sample: Callable[..., Event]
) -> None:
    event = sample("gz.sme.activities.contact_confirmation.requested.v1", code="975310")
    rendered = STORE.render(template_id, channel, context_for(event, recipient_name="您好"))
    assert confirmation_code_in(rendered.body) == "975310"
    assert "975310" not in rendered.subject  # the delivery record shows the subject
    assert "2026年11月28日 10:30" in rendered.body  # until when it is valid
