"""The public notice and the final list as the bureau posts them (§4.1.3(3)–(5)), laid out as PDF.

Both are public documents: they name organisations, never people (objectors never appear).
"""

from __future__ import annotations

from datetime import datetime

from sme_contracts.common import SERVICE_CATEGORY_NAMES
from sme_kit.documents import BUREAU, CjkFonts, Column, Document, chinese_date
from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_review.domain.final_list import FinalList
from sme_review.domain.notices import NOTICE_WORKING_DAYS, Notice

GUIDELINE = "《广州市民营和中小企业服务站建设工作指引》"
VALIDITY_YEARS = 3


def district(code: str) -> str:
    return GUANGZHOU_DISTRICTS.get(code, code)


def service_names(services: tuple[str, ...]) -> str:
    names = {category.value: name for category, name in SERVICE_CATEGORY_NAMES.items()}
    return "、".join(names.get(service, service) for service in services)


def notice_document(notice: Notice, fonts: CjkFonts, *, produced_at: datetime | None = None) -> bytes:
    """The notice of the shortlist: the list, the 5-working-day period, how and where to object."""
    doc = Document(fonts, title=notice.title, issuer=BUREAU, issued_on=notice.published_on, produced_at=produced_at)
    start, end, deadline = notice.period_start, notice.period_end, notice.objection_deadline
    doc.title(notice.title, break_after="服务站")
    doc.paragraph(
        f"根据{GUIDELINE}，经申请单位申报、各区民营和中小企业主管部门初审、服务总站组织专家评审并形成推荐意见，"
        f"市工业和信息化局核定了{notice.round_year}年度广州市民营和中小企业服务站入围名单，现予以公示。"
    )
    doc.heading(f"一、入围名单（共{len(notice.entries)}家）")
    doc.table(
        [
            Column("序号", 8, "C"),
            Column("申请单位", 29),
            Column("所在区", 10, "C"),
            Column("服务站地址", 28),
            Column("共性服务", 25),
        ],
        [
            (str(number), e.entity_name, district(e.district_code), e.station_address, service_names(e.services))
            for number, e in enumerate(notice.entries, start=1)
        ],
    )
    doc.heading("二、公示时间")
    published = (
        ""
        if notice.published_on == start
        else f"本公示于{chinese_date(notice.published_on)}发布，公示期自其后第一个工作日起计算。"
    )
    doc.paragraph(f"{chinese_date(start)}至{chinese_date(end)}（{NOTICE_WORKING_DAYS}个工作日）。{published}")
    doc.heading("三、异议方式")
    doc.paragraph(
        f"如对公示名单有异议，须在公示期内（{chinese_date(deadline.date())}{deadline:%H:%M:%S}前，北京时间）"
        "以书面形式向市工业和信息化局提出，并写明异议所针对的申请单位名称和具体理由。"
        "单位意见需加盖公章并注明联系方式；个人意见需署实名并注明联系方式。逾期提出的异议不予受理。"
    )
    doc.paragraph(
        "异议也可在广州市民营和中小企业服务站网站本公示页面在线提交：单位须上传加盖公章的书面意见扫描件，"
        "个人须填写真实姓名、身份证号码和联系方式。"
    )
    doc.paragraph("市工业和信息化局负责对异议内容进行调查核实，异议人信息仅由市工业和信息化局掌握，予以保密。")
    doc.heading("四、受理联系方式")
    doc.paragraph(notice.objection_contact)
    doc.signature()
    return doc.output()


def final_list_document(final_list: FinalList, fonts: CjkFonts, *, produced_at: datetime | None = None) -> bytes:
    """The final list of recognised stations with their plaque numbers."""
    published_on, year, count = final_list.published_on, final_list.round_year, len(final_list.entries)
    doc = Document(fonts, title=final_list.title, issuer=BUREAU, issued_on=published_on, produced_at=produced_at)
    doc.title(final_list.title, break_after="服务站")
    doc.paragraph(
        f"根据{GUIDELINE}，经申请单位申报、各区民营和中小企业主管部门初审、服务总站组织专家评审、"
        "市工业和信息化局核定入围名单并公示，对公示期内没有异议的申请单位，以及有异议但经调查核实没有问题的申请单位，"
        f"认定为广州市民营和中小企业服务站。现将{year}年度服务站最终认定名单予以公布。"
    )
    doc.paragraph(
        f"服务站有效期{VALIDITY_YEARS}年，自{chinese_date(published_on)}起计算，期满后需申请复核。"
        "市工业和信息化局向新设立的服务站发放牌匾。各服务站应签署并遵守《广州市民营和中小企业服务站服务公约》，"
        "并定期向市工业和信息化局提交民营和中小企业服务工作计划及工作情况总结。"
    )
    doc.heading(f"最终认定名单（共{count}家）")
    if final_list.entries:
        doc.table(
            [
                Column("序号", 8, "C"),
                Column("牌匾编号", 31, "C"),
                Column("服务站运营单位", 26),
                Column("所在区", 10, "C"),
                Column("服务站地址", 25),
            ],
            [
                (str(number), e.plaque_number, e.entity_name, district(e.district_code), e.station_address)
                for number, e in enumerate(final_list.entries, start=1)
            ],
        )
    else:
        doc.paragraph("本年度无认定的服务站。")
    doc.signature()
    return doc.output()
