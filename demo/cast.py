"""Who takes part in the demo programme: applicants, experts, officials, enterprises.

Every organisation and person here is invented. The unified social credit codes are valid
(GB 32100-2015 check digit computed with python-stdnum) and registered in Guangzhou (division
codes 4401xx), none of them an individual business (entity type 92).
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum.cn import uscc as uscc_number

from sme_kit.vocabulary import GUANGZHOU_DISTRICTS as DISTRICTS


def uscc(entity_type: str, district_code: str, organisation_code: str) -> str:
    """A unified social credit code with its check digit."""
    body = f"{entity_type}{district_code}{organisation_code}"
    return body + uscc_number.calc_check_digit(body)


@dataclass(frozen=True)
class Applicant:
    key: str
    entity_type: str  # 91 enterprise, 51 social organisation (社会团体), 52 private non-enterprise unit
    organisation_code: str
    entity_name: str
    district_code: str
    station_name: str
    address: str
    operator_type: str
    services: tuple[str, ...]
    industries: tuple[str, ...]
    legal_representative: str
    contact: tuple[str, str]  # name, mobile
    staff: tuple[tuple[str, str, str], ...]
    mark: int  # what the experts give it, on average
    email_domain: str

    @property
    def uscc(self) -> str:
        return uscc(self.entity_type, self.district_code, self.organisation_code)

    @property
    def email(self) -> str:
        return f"service@{self.email_domain}"

    def form(self) -> dict[str, object]:
        """The application form (《广州市民营和中小企业服务站申请表》) as this applicant fills it in."""
        district = DISTRICTS[self.district_code]
        return {
            "uscc": self.uscc,
            "entity_name": self.entity_name,
            "district_code": self.district_code,
            "kind": "new",
            "legal_representative": self.legal_representative,
            "registered_address": f"广州市{district}{self.address}",
            "station_name": self.station_name,
            "station_address": f"广州市{district}{self.address}一楼服务大厅",
            "operator_type": self.operator_type,
            "office_area_sqm": 180 + 20 * len(self.services),
            "services": list(self.services),
            "personalised_services": f"面向{self.industries[0]}企业的个性化诊断与成长辅导",
            "industries": list(self.industries),
            "service_area": f"{district}及周边产业集聚区",
            "service_experience": f"近三年为{district}中小企业提供政策咨询、融资对接等服务超过 {self.mark * 4} 家次",
            "management_system": "已建立服务台账、首问负责、服务回访和满意度评价制度；设站长 1 名、专职服务专员 2 名",
            "resident_institutions": [{"name": "广州市某律师事务所", "services": "法律咨询、合同审查"}],
            "contact": {"name": self.contact[0], "phone": self.contact[1], "email": self.email},
            "staff": [{"name": n, "role": r, "phone": p} for n, r, p in self.staff],
        }


def _staff(head: str, first: str, second: str, seed: int) -> tuple[tuple[str, str, str], ...]:
    return (
        (head, "服务站站长", f"138{seed:04d}1001"),
        (first, "服务专员", f"139{seed:04d}2002"),
        (second, "服务专员", f"137{seed:04d}3003"),
    )


# Twelve applicants in seven districts. What the district and the experts make of each is in
# the `mark` (the experts' average) and in the decisions below.
# fmt: off
APPLICANTS: tuple[Applicant, ...] = (
    Applicant("tianhe-zhihui", "91", "MA5AUK3L7", "广州市天河区智汇企业服务有限公司", "440106",
              "广州市民营和中小企业服务站（天河智汇）", "天河路 385 号太古汇一座 12 楼", "sme_service_centre",
              ("information", "financing", "legal", "talent"), ("新一代信息技术", "数字创意"),
              "欧阳振华", ("司马晓芸", "13712345601"), _staff("林国强", "陈慧玲", "黄俊杰", 11), 91,
              "tianhe-zhihui.example.cn"),
    Applicant("tianhe-software", "91", "MA59Q7YX3", "广州天河软件园企业服务中心有限公司", "440106",
              "广州市民营和中小企业服务站（天河软件园）", "高唐路 230 号", "industrial_park",
              ("technology", "innovation_entrepreneurship", "talent"), ("软件和信息技术服务业",),
              "郑伟明", ("周晓雯", "13712345602"), _staff("何志刚", "吴丽华", "梁嘉欣", 12), 88,
              "thsoftpark.example.cn"),
    Applicant("yuexiu-shangmao", "91", "MA5D0QRT7", "广州市越秀区商贸服务中心有限公司", "440104",
              "广州市民营和中小企业服务站（越秀商贸）", "中山五路 33 号", "sme_service_centre",
              ("information", "brand_finance", "supply_chain"), ("商贸流通", "文化创意"),
              "宋建国", ("韩雪梅", "13712345603"), _staff("许文斌", "邓美玲", "冯子豪", 13), 86,
              "yuexiu-shangmao.example.cn"),
    Applicant("haizhu-pazhou", "52", "MJL2N4HX8", "广州市海珠区琶洲数字经济促进中心", "440105",
              "广州市民营和中小企业服务站（琶洲数字经济）", "琶洲大道东 8 号", "demonstration_platform",
              ("technology", "information", "training"), ("人工智能", "数字经济"),
              "谢振宇", ("罗佩仪", "13712345604"), _staff("曾庆丰", "彭晓琳", "蔡伟鸿", 14), 90,
              "pazhou-digital.example.cn"),
    Applicant("liwan-yongqing", "91", "MA5C8FKT2", "广州市荔湾区永庆坊文创运营有限公司", "440103",
              "广州市民营和中小企业服务站（永庆坊文创）", "恩宁路 99 号", "entrepreneurship_base",
              ("innovation_entrepreneurship", "brand_finance", "training"), ("文化创意", "旅游服务"),
              "潘志明", ("卢婉婷", "13712345605"), _staff("余家乐", "杜芳芳", "叶晓东", 15), 84,
              "yongqingfang.example.cn"),
    Applicant("baiyun-park", "91", "MA5CQ8RT1", "广州市白云区产业园运营管理有限公司", "440111",
              "广州市民营和中小企业服务站（白云产业园）", "云城东路 500 号", "industrial_park",
              ("supply_chain", "financing", "talent"), ("美妆日化", "现代物流"),
              "罗志伟", ("邓晓燕", "13712345606"), _staff("钟永康", "江静怡", "袁浩然", 16), 83,
              "baiyun-park.example.cn"),
    Applicant("baiyun-bank", "91", "MA59HJ2K6", "广州白云农商服务有限公司", "440111",
              "广州市民营和中小企业服务站（白云金融服务）", "机场路 1308 号", "financial_institution",
              ("financing", "brand_finance"), ("现代农业", "商贸流通"),
              "黎国华", ("苏敏仪", "13712345607"), _staff("范志超", "马晓燕", "古伟杰", 17), 80,
              "byfinance.example.cn"),
    Applicant("huangpu-incubator", "91", "MA59EE7K3", "广州市黄埔区科技企业孵化器有限公司", "440112",
              "广州市民营和中小企业服务站（黄埔科创）", "科学大道 18 号", "entrepreneurship_base",
              ("technology", "innovation_entrepreneurship", "financing"), ("生物医药", "新材料"),
              "莫建华", ("欧丽萍", "13712345608"), _staff("温振邦", "陆雅婷", "骆志勇", 18), 89,
              "hp-incubator.example.cn"),
    Applicant("huangpu-association", "51", "MJK1H8RN4", "广州市黄埔区中小企业商会", "440112",
              "广州市民营和中小企业服务站（黄埔商会）", "开创大道 2707 号", "association",
              ("information", "legal", "supply_chain"), ("汽车零部件", "智能装备"),
              "邝明德", ("关凤仪", "13712345609"), _staff("甘伟健", "龚小玲", "廖家豪", 19), 82,
              "hp-chamber.example.cn"),
    Applicant("panyu-kechuang", "91", "MA5AYY7R8", "广州市番禺区科创企业服务有限公司", "440113",
              "广州市民营和中小企业服务站（番禺科创）", "市桥街繁华路 18 号", "property_service_centre",
              ("information", "technology", "training"), ("珠宝首饰", "智能家电"),
              "梁国栋", ("何丽娟", "13712345610"), _staff("简志明", "区嘉怡", "黎耀祖", 20), 85,
              "panyu-kechuang.example.cn"),
    Applicant("panyu-association", "51", "MJL0P3QA9", "广州市番禺区中小企业服务协会", "440113",
              "广州市民营和中小企业服务站（番禺服务协会）", "清河东路 319 号", "association",
              ("legal", "training"), ("纺织服装",),
              "朱德胜", ("侯晓岚", "13712345611"), _staff("林锦辉", "刘思敏", "张家伟", 21), 58,
              "panyu-sme.example.cn"),
    Applicant("haizhu-trading", "91", "MA5B2T9L1", "广州市海珠区中大布匹商贸服务有限公司", "440105",
              "广州市民营和中小企业服务站（中大纺织）", "瑞康路 128 号", "property_service_centre",
              ("supply_chain", "information"), ("纺织服装", "商贸流通"),
              "陈国荣", ("黄秀英", "13712345612"), _staff("邱志坚", "方美华", "丁俊辉", 22), 81,
              "zhongda-textile.example.cn"),
)
# fmt: on

# What each district makes of its applicants in its preliminary review (§4.1.3(1)).
RETURNED = {"haizhu-trading": ["请补充服务场所产权证明或 3 年以上租赁合同", "请补充专职人员社保缴纳记录"]}
AWAITING_DISTRICT = ("liwan-yongqing",)
NOT_RECOMMENDED = ("panyu-association",)

# Objections during the notice (§4.1.3(4)): one found groundless, one upheld by the bureau.
OBJECTION_NOT_UPHELD = (
    "baiyun-park",
    "该单位服务场所系临时租用的仓储用房，不具备固定办公场所。",
    "经实地核查，该单位服务场所为 5 年期租赁的办公用房，具备固定办公场所，异议不成立。",
)
OBJECTION_UPHELD = (
    "baiyun-bank",
    "该单位实际专职服务人员仅 1 名，其余人员为总行派驻的兼职人员，与申报材料不符。",
    "经调取劳动合同及社保缴纳记录核实，该单位专职服务人员仅 1 名，不符合不少于 2 名专职人员的条件，异议成立。",
)

EXPERTS = {
    "expert-lin": ("林晓明", "高级经济师", "广州市中小企业发展促进中心", uscc("12", "440100", "MB2D34567")),
    "expert-chen": ("陈雅琴", "教授", "华南理工大学工商管理学院", uscc("12", "440000", "45541734X")),
    "expert-huang": ("黄志强", "注册会计师", "广东正信会计师事务所有限公司", uscc("91", "440101", "MA59ABCD1")),
    "expert-zhou": ("周慧敏", "律师", "广东广和律师事务所", uscc("31", "440000", "45570523Y")),
}

# Officials in the notifications directory: they get e-mail as well as in-app messages, and the
# console's development sign-in lists them (with the experts and one operator per organisation).
OFFICIALS = {
    "district-440106": ("刘建平", "district_officer", "440106"),
    "district-440104": ("赵丽娟", "district_officer", "440104"),
    "district-440105": ("孙志华", "district_officer", "440105"),
    "district-440103": ("杨文静", "district_officer", "440103"),
    "district-440111": ("吴海涛", "district_officer", "440111"),
    "district-440112": ("郭明辉", "district_officer", "440112"),
    "district-440113": ("胡晓红", "district_officer", "440113"),
    "hs-liang": ("梁嘉颖", "head_station_staff", None),
    "bureau-chen": ("陈卫东", "bureau_admin", None),
    "platform-feng": ("冯志远", "platform_operator", None),
}

# Enterprises that register for activities and ask for services (§3.4).
# fmt: off
ENTERPRISES = (
    ("广州市粤芯微电子科技有限公司", uscc("91", "440106", "MA5AL3C21"), "440106", "financing",
     "计划申请知识产权质押贷款约 300 万元，希望对接合作银行。"),
    ("广州市海珠区锦程纺织品有限公司", uscc("91", "440105", "MA59RT8K4"), "440105", "supply_chain",
     "希望对接面料上游供应商，降低采购成本。"),
    ("广州黄埔生物医药研发有限公司", uscc("91", "440112", "MA5D12QW7"), "440112", "legal",
     "产品出海需要欧盟合规咨询和合同审查。"),
    ("广州市番禺区金艺珠宝首饰有限公司", uscc("91", "440113", "MA5B77HN2"), "440113", "talent",
     "需要招聘珠宝设计和电商运营人才。"),
)
# fmt: on
# Each enterprise's contact person and mobile: forms filed without signing in count once the code
# texted to that mobile is entered (in development the SMS spool is everybody's phone).
ENTERPRISE_CONTACTS = {
    enterprise[1]: (name, f"1391234{index:04d}")
    for index, (enterprise, name) in enumerate(zip(ENTERPRISES, ("王小明", "陈嘉怡", "黄志强", "林晓婷"), strict=True))
}
