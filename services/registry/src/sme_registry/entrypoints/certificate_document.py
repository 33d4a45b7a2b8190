"""The plaque certificate (认定证书) as the bureau issues it, laid out as PDF: one framed A4 page."""

from __future__ import annotations

from datetime import datetime

from sme_contracts.common import SERVICE_CATEGORY_NAMES
from sme_kit.documents import BUREAU, CjkFonts, Document, chinese_date
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_registry.domain.certificate import Certificate

TITLE = "广州市民营和中小企业服务站认定证书"
# The frame, millimetres from the paper's edge: a rule and a thin one inside it, around the footer too.
_OUTER, _INNER = 7.0, 9.0


def certificate_title(certificate: Certificate) -> str:
    return f"{certificate.station_name}认定证书"


def certificate_document(certificate: Certificate, fonts: CjkFonts, *, produced_at: datetime | None = None) -> bytes:
    """The certificate naming the station, its operator, its plaque number and its validity."""
    c = certificate
    doc = Document(
        fonts, title=TITLE, subject=certificate_title(c), issuer=BUREAU, issued_on=c.valid_from, produced_at=produced_at
    )
    _frame(doc)
    doc.space(10)
    doc.title("广州市民营和中小企业服务站", size=22)
    doc.title("认 定 证 书", size=28)
    doc.subtitle(f"牌匾编号：{c.plaque_number}")
    doc.space(4)
    doc.paragraph(f"{c.entity_name}：", indent=False, size=14)
    period = f"{chinese_date(c.valid_from)}至{chinese_date(c.valid_until)}"
    doc.paragraph(
        f"你单位运营的“{c.station_name}”经市工业和信息化局认定为广州市民营和中小企业服务站，有效期自{period}。",
        size=14,
    )
    doc.paragraph("特发此证。", size=14)
    doc.space(4)
    doc.fields(
        [
            ("服务站名称", c.station_name),
            ("运营单位", c.entity_name),
            ("所在区", GUANGZHOU_DISTRICTS.get(c.district_code, c.district_code)),
            ("服务站地址", c.address),
            ("共性服务", "、".join(SERVICE_CATEGORY_NAMES[s] for s in c.services)),
            ("服务站编号", c.station_number),
            ("牌匾编号", c.plaque_number),
            ("有效期", period),
        ]
    )
    doc.paragraph(
        "服务站应遵守《广州市民营和中小企业服务站服务公约》，定期提交服务工作计划及工作情况总结；"
        "名称、地址、法定代表人等重大事项变更的，应在变更完成后30日内报市工业和信息化局；"
        "有效期满后需申请复核。",
        size=10.5,
    )
    doc.signature()
    return doc.output()


def _frame(doc: Document) -> None:
    pdf = doc.pdf
    pdf.set_draw_color(60, 60, 60)
    pdf.set_line_width(0.8)
    pdf.rect(_OUTER, _OUTER, pdf.w - 2 * _OUTER, pdf.h - 2 * _OUTER)
    pdf.set_line_width(0.25)
    pdf.rect(_INNER, _INNER, pdf.w - 2 * _INNER, pdf.h - 2 * _INNER)
