/**
 * Chinese names for the codes the services send: Guangzhou's districts and every enum a public
 * page shows. The maps are typed by the generated schemas, so a new enum value fails the type
 * check until it has its label here (tests/unit/labels.test.ts also compares with the documents).
 */
import type { components as Activities } from '@/api/generated/activities';
import type { components as Assessment } from '@/api/generated/assessment';
import type { components as Registry } from '@/api/generated/registry';
import type { components as Review } from '@/api/generated/review';

type ServiceCategory = Registry['schemas']['ServiceCategory'];
type OperatorType = Registry['schemas']['OperatorType'];
type ActivityType = Activities['schemas']['ActivityType'];
type ActivityStatus = Activities['schemas']['ActivityStatus'];
type ThemeKind = Activities['schemas']['ThemeKind'];
type RequestStatus = Activities['schemas']['RequestStatus'];
type Assignment = Activities['schemas']['Assignment'];
type PromotionSubject = Activities['schemas']['PromotionSubject'];
type Handling = Activities['schemas']['Handling'];
type RequestOutcome = Activities['schemas']['Outcome'];
type NoticeStatus = Review['schemas']['NoticeStatus'];
type ObjectionStatus = Review['schemas']['ObjectionStatus'];
type ApplicationStatus = Registry['schemas']['ApplicationStatus'];
type ApplicationKind = Registry['schemas']['ApplicationKind'];
type StationStatus = Registry['schemas']['StationStatus'];
type ChangeKind = Registry['schemas']['ChangeKind'];
type AssessmentOutcome = Assessment['schemas']['Outcome'];
type DocumentKind = Assessment['schemas']['DocumentKind'];
type Standing = Assessment['schemas']['Standing'];
type RectificationStatus = Assessment['schemas']['RectificationStatus'];
type CaseStatus = Assessment['schemas']['CaseStatus'];
type CaseOrigin = Assessment['schemas']['Origin'];
type ReviewCaseStatus = Review['schemas']['CaseStatus'];
type Recommendation = Review['schemas']['Recommendation'];
type RoundStatus = Review['schemas']['RoundStatus'];

/** Guangzhou's eleven districts by division code (GB/T 2260), in the official order. */
export const DISTRICTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '440103', name: '荔湾区' },
  { code: '440104', name: '越秀区' },
  { code: '440105', name: '海珠区' },
  { code: '440106', name: '天河区' },
  { code: '440111', name: '白云区' },
  { code: '440112', name: '黄埔区' },
  { code: '440113', name: '番禺区' },
  { code: '440114', name: '花都区' },
  { code: '440115', name: '南沙区' },
  { code: '440117', name: '从化区' },
  { code: '440118', name: '增城区' },
];

const DISTRICT_NAMES = new Map(DISTRICTS.map((d) => [d.code, d.name]));

export function isDistrictCode(code: string): boolean {
  return DISTRICT_NAMES.has(code);
}

/** The district's name; the service's own name, then the code itself, when the code is unknown. */
export function districtName(code: string | null | undefined, fromService?: string | null): string {
  if (!code) return fromService ?? '';
  return DISTRICT_NAMES.get(code) ?? fromService ?? code;
}

/** The nine common services of the guideline §3.4(1) (共性服务). */
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  information: '信息服务',
  technology: '技术服务',
  talent: '人才服务',
  innovation_entrepreneurship: '创新创业服务',
  legal: '法律服务',
  brand_finance: '品牌金融服务',
  training: '培训服务',
  financing: '融资服务',
  supply_chain: '产业链上下游对接服务',
};

/** Who builds and runs a station (§3.3(1)). */
export const OPERATOR_TYPE_LABELS: Record<OperatorType, string> = {
  demonstration_platform: '中小企业公共服务示范平台',
  entrepreneurship_base: '小型微型企业创业创新示范基地',
  sme_service_centre: '中小企业服务中心',
  association: '行业商协会',
  financial_institution: '银行金融机构',
  property_service_centre: '物业服务中心（企业服务中心）',
  industrial_park: '产业园区',
  other: '其他',
};

/** The forms of service activities of §3.3(3). */
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  salon: '沙龙',
  dialogue: '对话',
  training: '培训',
  lecture: '讲座',
  seminar: '研讨',
  forum: '论坛',
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  scheduled: '计划举办',
  cancelled: '已取消',
  completed: '已举办',
};

/** The themed months of §3.3(3): policy, finance and tax, intellectual property, or another theme. */
export const THEME_KIND_LABELS: Record<ThemeKind, string> = {
  policy: '政策服务月',
  finance_tax: '财税服务月',
  intellectual_property: '知识产权服务月',
  custom: '其他主题',
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: '待受理',
  accepted: '已受理',
  matched: '服务中',
  closed: '已办结',
};

/** How a service request found the station that is to accept it. */
export const ASSIGNMENT_LABELS: Record<Assignment, string> = {
  sme_choice: '由企业选定的服务站受理',
  district_match: '由所在区的服务站受理',
  head_station: '由服务总站受理',
};

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  published: '公示中',
  ended: '公示已结束',
};

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  received: '已受理，调查核实中',
  resolved: '已办结',
};

/** Where an application stands (§4.1.3): the district's preliminary review, then the city's. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待区级初审',
  returned: '退回补正',
  rejected: '区级初审不予通过',
  forwarded: '已上报市工业和信息化局',
  recognised: '已认定',
  declined: '未获认定',
};

/** A new application, or the re-review of a station after its three years (§4.2). */
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  new: '新申请',
  re_review: '复核',
};

export const STATION_STATUS_LABELS: Record<StationStatus, string> = {
  active: '有效',
  expired: '已到期',
  revoked: '已撤销',
};

/** What a station reports when it changes (§4.4). */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  name: '单位名称',
  address: '地址',
  legal_representative: '法定代表人',
  contact: '联系人',
  staff: '专职工作人员',
};

/** The annual assessment's result (§4.3(6)). */
export const ASSESSMENT_OUTCOME_LABELS: Record<AssessmentOutcome, string> = {
  qualified: '合格',
  unqualified: '不合格',
};

/** The documents a station submits every year (§4.1.4). */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  plan: '工作计划',
  summary: '工作总结',
};

/** How a station stands with a year's plan or summary, as the assessment reads it. */
export const STANDING_LABELS: Record<Standing, string> = {
  on_time: '按时提交',
  late: '逾期提交',
  missing: '未提交',
  not_required: '无须提交',
};

/** A rectification ordered after an unqualified assessment (§4.3(6)). */
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  ordered: '待提交整改报告',
  reported: '已提交，待复评',
  report_missing: '逾期未提交，待复评',
  qualified: '复评合格',
  unqualified: '复评仍不合格',
  closed: '已终止',
};

/** A revocation case (§4.3). */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待市工业和信息化局决定',
  revoked: '已撤销',
  dismissed: '不予撤销',
  superseded: '已终结',
};

/** Who opened a revocation case. */
export const CASE_ORIGIN_LABELS: Record<CaseOrigin, string> = {
  automatic: '系统依规则提出',
  bureau: '市工业和信息化局提出',
  operator: '运营机构申请',
};

/** What a station's promotion session promoted (§3.3(3)). */
export const PROMOTION_SUBJECT_LABELS: Record<PromotionSubject, string> = {
  sme_service_platform: '广州市民营和中小企业服务平台',
  suixiaoxin: '“穗小信”工信政策数字人',
};

/** How a station serves an accepted service request. */
export const HANDLING_LABELS: Record<Handling, string> = {
  institution: '对接入驻服务机构',
  self: '服务站自行服务',
};

/** How a closed service request ended. */
export const REQUEST_OUTCOME_LABELS: Record<RequestOutcome, string> = {
  resolved: '已解决',
  partially_resolved: '部分解决',
  unresolved: '未解决',
};

/** A review case, from the experts' review to its outcome (§4.1.3(2)–(5), §4.2). */
export const REVIEW_CASE_STATUS_LABELS: Record<ReviewCaseStatus, string> = {
  in_review: '专家评审中',
  submitted: '推荐意见已报市工业和信息化局',
  shortlisted: '列入入围名单',
  not_shortlisted: '未列入入围名单',
  recognised: '已认定',
  declined: '未予认定',
  re_review_passed: '复核通过',
  re_review_failed: '复核不通过',
};

/** The head station's opinion on a case (§4.1.3(2)). */
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  recommend: '推荐',
  not_recommend: '不推荐',
};

/** Where a year's review round stands, from the experts' review to the final list (§4.1.3). */
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  reviewing: '专家评审中',
  submitted: '推荐意见已报市工业和信息化局',
  shortlisted: '入围名单已核定',
  notice_published: '公示中',
  notice_ended: '公示期满',
  finalised: '最终认定名单已公布',
};

/** An expert's assignment to a case (a plain string in the document). */
export const EXPERT_ASSIGNMENT_STATUS_LABELS = {
  active: '评审中',
  recused: '已回避（申报利益冲突）',
  withdrawn: '已撤回',
} as const;

/** Who objects (the form's `objector_type`, a plain string in the document). */
export const OBJECTOR_TYPE_LABELS = {
  organisation: '单位',
  individual: '个人',
} as const;

export type ObjectorType = keyof typeof OBJECTOR_TYPE_LABELS;

/**
 * The label of `value` in `labels`. An unknown value (a newer service than this page) shows as
 * it is rather than disappearing.
 */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return (labels as Record<string, string>)[value] ?? value;
}

/** Options for a select or radios, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label }));
}
