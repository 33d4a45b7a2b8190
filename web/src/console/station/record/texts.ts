/** Every word of the station's record pages (服务站): the record, convention, changes, re-review, withdrawal. */
import { formatDate } from '@/dates';
import { REPORT_WITHIN_DAYS } from './rules';

export const commonTexts = {
  cancel: '取消',
};

export const stationTexts = {
  title: '服务站',
  lead: '本单位经市工业和信息化局认定的服务站：认定信息、有效期、服务公约、信息变更报告、期满复核和终止运营申请。',
  notFound: '没有找到当前办理的服务站，可能已不属于本单位。请重新登录后再试。',
  tabsLabel: '服务站事项',
  tabs: {
    record: '认定信息',
    convention: '服务公约',
    changes: '信息变更',
    validity: '有效期与复核',
    withdrawal: '终止运营',
  },
};

export const notRecognisedTexts = {
  title: '本单位尚无经认定的服务站',
  detail:
    '服务站经市工业和信息化局认定并公布最终名单后，方可在此查看认定信息、签署服务公约、报告信息变更和参加年度考核。如已提交认定申请，可在“我的申请”中查看办理进度。',
  toApplications: '查看我的申请',
};

export const otherStationsTexts = {
  title: (count: number) => `本单位共运营 ${count} 个服务站`,
  detail: (name: string) =>
    `当前办理的是“${name}”。服务公约、信息变更、考核等事项按服务站分别办理：如需办理本单位其他服务站的事项，请在页面上方切换服务站，或使用该服务站的账号登录。`,
  others: '本单位其他服务站',
};

export const summaryTexts = {
  stationNumber: '服务站编号',
  plaqueNumber: '牌匾编号',
  validity: '有效期',
  validityRange: (from: string, until: string) => `${formatDate(from)} 至 ${formatDate(until)}`,
  daysLeft: (days: number) => (days === 0 ? '今日为有效期最后一日' : `距有效期届满还有 ${days} 日`),
  notYet: (from: string) => `有效期自 ${formatDate(from)} 起算`,
  ended: (until: string) => `有效期已于 ${formatDate(until)} 届满`,
  expiringTitle: (days: number) => (days === 0 ? '今日为有效期最后一日' : `有效期将在 ${days} 日后届满`),
  expiringDetail: (year: number) =>
    `服务站有效期 3 年，期满后需申请复核（复核与 ${year} 年度认定申请同时进行）。期满未申请复核或复核未通过的，将撤销服务站称号。`,
  revokedTitle: '服务站称号已撤销',
  revokedDetail: (on: string | null, ground: number | null, reason: string | null) =>
    [
      on ? `撤销日期：${formatDate(on)}。` : '',
      ground ? `撤销依据：《建设工作指引》第四部分（三）第 ${ground} 项。` : '',
      reason ? `理由：${reason}` : '',
    ].join(''),
  conventionUnsigned: '尚未签署现行版本的服务公约，请在“服务公约”中阅读并签署。',
  goToConvention: '去签署',
};

export const detailTexts = {
  title: '认定信息',
  lead: '以下为服务站在名录中的登记信息。名称、地址、法定代表人、联系人或专职工作人员发生变更的，请在变更完成之日起 30 日内通过“信息变更”报告。',
  entityName: '运营单位',
  uscc: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  district: '所在区',
  address: '服务站地址',
  registeredAddress: '注册地址',
  operatorType: '运营单位类型',
  services: '共性服务',
  personalised: '个性服务',
  industries: '服务行业',
  serviceArea: '服务区域',
  residents: '入驻服务机构',
  contact: '联系人',
  contactValue: (name: string, phone: string, email: string | null | undefined) =>
    [name, phone, email].filter(Boolean).join('　'),
  staffTitle: '专职工作人员',
  staffNote: '服务站应配备不少于 2 名专职工作人员。',
  staffName: '姓名',
  staffRole: '岗位',
  staffPhone: '联系电话',
  registeredAt: '入册时间',
  none: '无',
  historyTitle: '状态记录',
  historyGround: (ground: number) => `（指引第四部分（三）第 ${ground} 项）`,
  historyEmpty: '暂无状态记录',
};

export const conventionTexts = {
  title: '服务公约',
  lead: '已认定的服务站应签署并遵守《广州市民营和中小企业服务站服务公约》（指引第四部分（一）第 4 项）。公约修订后发布新版本，需重新签署。严重违反服务公约的，撤销服务站称号。',
  signedTitle: (version: string) => `已签署现行版本（${version} 版）`,
  signedDetail: (at: string, name: string, title: string) => `${at}由${title ? `${title}` : ''}${name}签署。`,
  olderSigned: (version: string) => `本站曾签署 ${version} 版，公约已修订，请签署现行版本。`,
  unsignedTitle: '尚未签署现行版本',
  unsignedDetail: '请阅读以下公约全文，由法定代表人或经授权的负责人签署。',
  textTitle: (title: string, version: string) => `《${title}》（${version} 版）`,
  article: (n: number) => `第${chineseNumeral(n)}条`,
  noText: '公约条文暂未发布，请联系服务总站。',
  signatoryName: '签署人姓名',
  signatoryTitle: '签署人职务',
  signatoryTitleHint: '如：法定代表人、站长',
  defaultSignatoryTitle: '法定代表人',
  agree: '本单位已阅读并同意遵守上述服务公约',
  agreeRequired: '请先勾选同意遵守服务公约',
  nameRequired: '请填写签署人姓名',
  sign: '签署服务公约',
  confirmTitle: '确认签署服务公约',
  confirmMessage: (version: string, name: string) =>
    `将以“${name}”的名义代表本单位签署服务公约（${version} 版）。签署后记入服务站名录和年度考核依据，不能撤回。`,
  confirm: '确认签署',
  signed: '已签署服务公约',
  errorSummary: '请修改以下内容后重新签署',
};

export const changeTexts = {
  title: '信息变更',
  lead: `服务站实行动态信息管理：运营单位名称、地址、法定代表人等重大事项发生变更的，应在变更完成之日起 ${REPORT_WITHIN_DAYS} 日内报告（指引第四部分（四））。超过 ${REPORT_WITHIN_DAYS} 日报告的照常受理，但记为逾期报告，计入年度考核。`,
  report: '报告信息变更',
  listTitle: '已报告的变更',
  empty: '尚未报告过信息变更',
  completedOn: '变更完成日期',
  reportedOn: '报告日期',
  kinds: '变更事项',
  late: '逾期报告',
  onTime: '按期报告',
  daysAfter: (days: number) => `完成后第 ${days} 日报告`,
  before: '变更前',
  after: '变更后',
  details: '查看变更内容',
};

export const changeFormTexts = {
  title: '报告信息变更',
  lead: `请选择发生变更的事项并填写变更后的信息。变更完成之日起 ${REPORT_WITHIN_DAYS} 日内报告；提交后服务站名录即按报告内容更新。`,
  back: '返回信息变更',
  kindsLegend: '发生变更的事项',
  kindsRequired: '请至少选择一项变更事项',
  completedOn: '变更完成日期',
  completedOnHint: '以营业执照换发、工商变更登记或人员调整完成之日为准',
  completedOnRequired: '请选择变更完成日期',
  required: '请填写此项',
  phoneInvalid: '联系电话须为 11 位手机号码或带区号的固定电话（如 020-83331234）',
  emailInvalid: '电子邮箱格式不正确',
  timingInTime: (completed: string, reportBy: string, daysLeft: number) =>
    `变更完成之日起 ${REPORT_WITHIN_DAYS} 日内报告；本次变更完成于 ${formatDate(completed)}，请于 ${formatDate(reportBy)} 前报告` +
    (daysLeft === 0 ? '（今日为最后一日）。' : `（还有 ${daysLeft} 日）。`),
  timingLate: (completed: string, elapsed: number, daysOver: number) =>
    `变更完成之日起 ${REPORT_WITHIN_DAYS} 日内报告；本次变更完成于 ${formatDate(completed)}，至今已 ${elapsed} 日，已超过 ${daysOver} 日，将标记为逾期报告。`,
  timingFuture: '变更完成日期不能晚于今天：请在变更完成后报告。',
  current: (value: string) => `现登记为：${value}`,
  name: {
    legend: '名称',
    entityName: '变更后的运营单位名称',
    stationName: '变更后的服务站名称',
    stationNameHint: '服务站名称不变的可不填',
  },
  address: {
    legend: '地址',
    stationAddress: '变更后的服务站地址',
    district: '变更后服务站所在区',
    districtKeep: '所在区不变',
    registeredAddress: '变更后的注册地址',
    hint: '只填写发生变更的地址，未填写的保持不变。',
    required: '请至少填写一项变更后的地址',
  },
  legalRepresentative: {
    legend: '法定代表人',
    label: '变更后的法定代表人',
  },
  contact: {
    legend: '联系人',
    name: '联系人姓名',
    phone: '联系电话',
    phoneHint: '手机号码或带区号的固定电话',
    email: '电子邮箱（选填）',
  },
  staff: {
    legend: '专职工作人员',
    lead: '请填写变更后的全部专职工作人员（不少于 2 名）。',
    member: (n: number) => `第 ${n} 名`,
    name: '姓名',
    role: '岗位',
    phone: '联系电话',
    add: '增加一名',
    tooFew: '变更后专职工作人员不得少于 2 名',
    remove: (n: number) => `删除第 ${n} 名`,
  },
  submit: '提交变更报告',
  cancel: '取消',
  confirmTitle: '确认提交变更报告',
  confirmMessage: (kinds: string, late: boolean) =>
    `将报告以下事项的变更：${kinds}。提交后服务站名录即按报告内容更新，并告知所在区主管部门。` +
    (late ? `本次报告已超过 ${REPORT_WITHIN_DAYS} 日，将记为逾期报告并计入年度考核。` : ''),
  confirm: '确认提交',
  reported: '变更报告已提交',
  reportedLate: '变更报告已提交，已记为逾期报告',
  errorSummary: '请修改以下内容后重新提交',
};

export const reReviewTexts = {
  title: '三年期满复核',
  lead: '服务站有效期 3 年，期满后需申请复核；复核由市工业和信息化局组织，与当年年度认定申请同时进行。复核通过的予以确认，未通过或期满未申请复核的撤销服务站称号（指引第四部分（二）、（三）第 5 项）。',
  validity: '有效期',
  opensOn: '可申请复核',
  round: '复核批次',
  roundYear: (year: number) => `${year} 年度认定申请批次`,
  open: '本服务站已进入有效期的第三年，可以申请复核。',
  openRound: (from: string, to: string) => `${formatDate(from)} 至 ${formatDate(to)} 受理申请。`,
  roundNotOpen: (year: number) => `${year} 年度申请批次尚未发布，请留意市工业和信息化局的申请工作通知。`,
  notYet: (on: string) => `有效期第三年自 ${formatDate(on)} 起，届时可在此申请复核。`,
  apply: '申请复核',
  revoked: '服务站称号已撤销，不能申请复核。',
};

export const withdrawalTexts = {
  title: '申请终止运营',
  lead: '运营单位主动申请不再承担服务站工作的，由市工业和信息化局决定；决定撤销的，依据指引第四部分（三）第 7 项撤销服务站称号，服务站自决定生效之日起不再列入服务站名录。',
  reason: '申请理由',
  reasonHint: '请说明不再承担服务站工作的原因，以及正在办理的企业服务需求、活动的后续安排。',
  reasonRequired: '请填写申请理由（不少于 2 个字）',
  attachments: '附件（选填）',
  attachmentsHint: 'PDF、PNG、JPEG 或 DOCX，每个不超过 20 MB，如加盖公章的申请函。',
  submit: '提交终止运营申请',
  confirmTitle: '确认申请终止运营',
  confirmMessage:
    '提交后，申请将报市工业和信息化局决定。决定撤销的，将依据指引第四部分（三）第 7 项撤销服务站称号，服务站不再列入名录，也不能再以服务站名义开展服务；申请提交后不能在线撤回。是否提交？',
  confirm: '确认提交申请',
  submitted: '终止运营申请已提交，请等待市工业和信息化局决定',
  casesTitle: '撤销案件',
  casesEmpty: '本服务站没有撤销案件',
  pendingTitle: '终止运营申请正在办理',
  pendingDetail: (on: string) => `本单位于 ${on} 提交的终止运营申请正由市工业和信息化局审查决定，决定后将通过站内信通知。`,
  ground: '撤销情形',
  groundValue: (ground: number, text: string) => `第 ${ground} 项：${text}`,
  origin: '提出方',
  proposedAt: '提出时间',
  status: '办理状态',
  decision: '决定',
  decidedOn: (on: string) => `决定日期：${formatDate(on)}`,
  effectiveOn: (on: string) => `生效日期：${formatDate(on)}`,
  errorSummary: '请修改以下内容后重新提交',
  unavailable: '服务站称号已撤销，不能再申请终止运营。',
};

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (articles of a convention are numbered so). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : NUMERALS[n % 10]}`;
  return String(n);
}

export const changeValueTexts = {
  none: '（无）',
  entityName: '运营单位',
  stationName: '服务站',
  stationAddress: '服务站地址',
  district: '所在区',
  registeredAddress: '注册地址',
};

export const attachmentTexts = {
  choose: '选择文件',
  chosen: '已选择的附件',
  tooLarge: (names: string) => `以下文件超过 20 MB，未能添加：${names}`,
  remove: (name: string) => `移除附件 ${name}`,
  removeShort: '移除',
};
