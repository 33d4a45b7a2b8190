"""The text of 《广州市民营和中小企业服务站服务公约》, which recognised stations sign (§4.1.4).

Each version's articles are kept here: a new text is a new version, and a station that signed an
older version signs again. The articles of version 2026.1 restate what the guideline asks of a
station (§3.2, §3.3, §4.1.4, §4.2–§4.4), so that signing the convention is signing those duties.
"""

from __future__ import annotations

TITLE = "广州市民营和中小企业服务站服务公约"

ARTICLES: dict[str, tuple[str, ...]] = {
    "2026.1": (
        "以民营和中小企业需求为导向，将公益服务与有偿服务有机结合，为企业提供信息、技术、人才、创新创业、"
        "法律、品牌金融、培训、融资、产业链上下游对接等共性服务，并根据企业需求提供个性化服务。",
        "在服务场所统一悬挂“广州市民营和中小企业服务站”标识，通过线上线下服务平台及时公布各类服务信息。",
        "配备不少于2名专职工作人员，按时参加服务总站组织的服务站工作人员培训。",
        "积极配合服务总站开展政策、财税、知识产权等主题月服务活动，开展沙龙、对话、培训、讲座、研讨、"
        "论坛等多种形式的服务交流活动。",
        "积极推广广州市民营和中小企业服务平台、“穗小信”工信政策数字人，每年结合主题月活动宣讲不少于三次。",
        "积极摸查区域民营和中小企业服务需求，定期整理报送区域有关行业、企业发展情况和服务需求等信息。",
        "支持市、区两级民营和中小企业主管部门的相关工作，参加主管部门组织的民营企业公共服务活动。",
        "定期向市工业和信息化局提交民营和中小企业服务工作计划及工作情况总结，按时参加年度考核；"
        "考核不合格的，按要求整改。",
        "单位名称、地址、法定代表人等重大事项发生变更的，在变更完成后30日内报市工业和信息化局。",
        "依法依规开展服务，诚实守信，如实提供申请和报送材料，保护企业商业秘密和个人信息。",
        "服务站有效期3年，期满前按规定申请复核。严重违反本公约的，由市工业和信息化局撤销服务站称号。",
    ),
}


def articles_of(version: str) -> tuple[str, ...]:
    """The articles of ``version``; empty for a version whose text this registry does not hold."""
    return ARTICLES.get(version, ())
