/**
 * Every word of the bureau's pages (市工业和信息化局): rounds, shortlist, notice, objections, final
 * lists, the register and the working-day calendar. Clause references point into the guideline
 * (《广州市民营和中小企业服务站建设工作指引》).
 */
import type { Service } from '@/api/client';
import type { CaseStatus, ObjectionOutcome, Recommendation, RoundStatus, StationStatus } from './calls';

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  reviewing: '专家评审中',
  submitted: '服务总站已报送推荐意见',
  shortlisted: '入围名单已核定',
  notice_published: '公示中',
  notice_ended: '公示期满',
  finalised: '最终认定名单已公布',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  in_review: '专家评审中',
  submitted: '推荐意见已报送',
  shortlisted: '列入入围名单',
  not_shortlisted: '未列入入围名单',
  recognised: '已认定',
  declined: '未予认定',
  re_review_passed: '复核通过',
  re_review_failed: '复核不通过',
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  recommend: '推荐',
  not_recommend: '不推荐',
};

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  upheld: '异议成立',
  not_upheld: '异议不成立',
};

export const STATION_STATUS_LABELS: Record<StationStatus, string> = {
  active: '有效',
  expired: '已到期',
  revoked: '已撤销',
};

/** The five services by the work they do, as an official reads them. */
export const SERVICE_NAMES: Record<Service, string> = {
  registry: '申请与名录服务',
  review: '评审与公示服务',
  activities: '活动与服务需求服务',
  assessment: '考核服务',
  notifications: '消息通知服务',
};

export const commonTexts = {
  cancel: '取消',
  close: '关闭',
  yearLabel: '年度',
  yearOption: (year: number) => `${year}年度`,
  errorSummary: '请修改以下内容后重新提交',
  noRounds: '还没有评审轮次。区级主管部门上报第一份申请后，评审与公示服务即建立当年的评审轮次。',
  loadingFailed: '加载失败，请重试。',
  district: '所在区',
  entity: '申请单位',
  previous: '上一页',
  next: '下一页',
  page: (n: number, pages: number) => `第 ${n} / ${pages} 页`,
  pagination: '分页',
};

export const decisionsTexts = {
  title: '审定与公示',
  lead:
    '市工业和信息化局根据服务总站的推荐意见核定服务站入围名单，并在局官方网站公示 5 个工作日；' +
    '公示期内收到的书面异议由市工业和信息化局负责调查核实（指引第四部分（一）3（3）、（4））。',
  tabs: { rounds: '年度批次', shortlist: '入围名单与公示', objections: '异议处理' },
  tabsLabel: '审定与公示的办理事项',
};

export const roundsTexts = {
  title: '年度申请批次',
  rules: [
    '服务站认定每年开展 1 次，具体时间按照当年申请工作通知要求进行（指引第四部分（一）1）。',
    '受理期含开始和截止当日（北京时间）；受理期以外提交的申请不予受理。',
    '区级初审上报截止日期不得早于受理截止日期；被区级主管部门退回补正的申请，可在上报截止日期前重新提交。',
    '某年度批次的受理期应在该年度或上一年度内开始。',
  ],
  open: '设立年度批次',
  empty: '尚未设立任何年度申请批次。',
  columns: {
    year: '年度',
    title: '申请通知',
    window: '受理期',
    deadline: '区级初审上报截止',
    state: '受理情况',
    review: '评审进度',
    actions: '操作',
  },
  windowState: {
    upcoming: '未开始受理',
    open: '受理中',
    forwarding: '受理已截止，区级初审上报中',
    closed: '已截止',
  },
  noReviewYet: '尚无上报案件',
  change: '调整日期',
  changeFor: (year: number) => `调整${year}年度批次日期`,
  range: (from: string, to: string) => `${from} 至 ${to}`,
  openedAt: (when: string) => `设立：${when}`,
  updatedAt: (when: string) => `最近调整：${when}`,
};

export const roundFormTexts = {
  openTitle: '设立年度申请批次',
  openLead: '设立后即对外公布受理期。每年只能设立一个批次；设立后可以调整日期，但不能撤销。',
  year: '年度',
  title: '申请通知标题（选填）',
  titlePlaceholder: (year: number | null) =>
    year ? `${year}年度广州市民营和中小企业服务站认定申请` : '留空则按年度自动生成',
  opensOn: '受理开始日期',
  closesOn: '受理截止日期',
  deadline: '区级初审上报截止日期',
  reason: '调整原因',
  reasonHint: '如“根据补充通知延长受理期”，将记入操作记录。',
  reasonMissing: '请填写调整原因',
  datePlaceholder: '选择日期',
  yearMissing: '请填写年度',
  dateMissing: '请选择日期',
  closesBeforeOpens: '受理截止日期不能早于开始日期',
  deadlineBeforeClose: '区级初审上报截止日期不能早于受理截止日期',
  opensInWrongYear: (year: number) => `${year}年度批次的受理期应在${year - 1}年或${year}年开始`,
  submitOpen: '设立批次',
  submitChange: '保存调整',
  unchanged: '日期没有变化',
  confirmOpenTitle: (year: number) => `确认设立${year}年度申请批次？`,
  confirmOpen: (year: number, window: string, deadline: string) => [
    `设立后，${year}年度申请批次即对外公布：申请单位可在 ${window} 向注册地所在区提交申请，各区须在 ${deadline} 前完成初审并上报。`,
    '每年只能设立一个批次；设立后可以调整日期，但不能撤销。',
  ],
  confirmOpenButton: '确认设立',
  confirmChangeTitle: (year: number) => `确认调整${year}年度批次日期？`,
  confirmChange: (changes: string[]) => [
    ...changes,
    '调整立即生效：受理期以外提交的申请不予受理；被退回补正的申请可在新的上报截止日期前重新提交。',
  ],
  confirmChangeButton: '确认调整',
  change: (label: string, from: string, to: string) => `${label}：${from} → ${to}`,
  opened: (year: number) => `${year}年度申请批次已设立`,
  changed: (year: number) => `${year}年度批次日期已调整`,
};

export const shortlistTexts = {
  title: '入围名单',
  roundState: (label: string) => `评审进度：${label}`,
  cases: (total: number) => `本年度新申请案件 ${total} 件`,
  notSubmitted: (year: number) =>
    `服务总站尚未报送${year}年度推荐意见。专家评审结束、服务总站报送推荐意见后，方可核定入围名单。`,
  rules: [
    '只能从服务总站推荐的新申请中核定入围名单（指引第四部分（一）3（3））；三年期满复核的案件另行审定，不经公示。',
    '入围名单的顺序即公示名单的顺序，也是最终认定后牌匾编号的顺序，可用“上移”“下移”调整。',
    '未列入入围名单的申请，将在公布最终认定名单时收到“未予认定”的通知及理由。',
  ],
  locked: '公示已发布，入围名单不能再调整。',
  fixedAt: (when: string, count: number) => `入围名单已于 ${when} 核定，共 ${count} 家。公示发布前可以重新核定。`,
  columns: {
    include: '列入入围名单',
    rank: '顺序',
    entity: '申请单位',
    district: '所在区',
    score: '专家评分',
    recommendation: '服务总站意见',
    reasons: '推荐或不推荐理由',
    status: '案件状态',
    order: '调整顺序',
  },
  includeLabel: (name: string) => `将“${name}”列入入围名单`,
  notRecommended: '未推荐，不能入围',
  moveUp: (name: string) => `上移“${name}”`,
  moveDown: (name: string) => `下移“${name}”`,
  up: '上移',
  down: '下移',
  noScore: '未评分',
  noCases: '本年度没有新申请案件。',
  selected: (count: number, recommended: number) => `已选择 ${count} 家（服务总站推荐 ${recommended} 家）`,
  fix: '核定入围名单',
  refix: '重新核定入围名单',
  nothingSelected: '请至少选择一家列入入围名单',
  confirmTitle: (year: number) => `确认核定${year}年度入围名单？`,
  confirm: (count: number, left: number) => [
    `将按所列顺序核定入围名单共 ${count} 家。`,
    left > 0
      ? `其余 ${left} 家（含服务总站未推荐的）不列入入围名单，将在公布最终认定名单时收到“未予认定”的通知及理由。`
      : '本年度所有新申请均列入入围名单。',
    '公示发布前可以重新核定；公示发布后不能再调整。',
  ],
  confirmButton: '确认核定',
  fixed: (count: number) => `入围名单已核定，共 ${count} 家`,
};

export const noticeTexts = {
  title: '拟认定名单公示',
  rule:
    '公示期按国务院办公厅公布的节假日安排（含调休上班日）计算：发布当日为工作日的从当日起算，' +
    '否则从下一个工作日起算，共 5 个工作日；异议受理至最后一个工作日 23:59:59（北京时间）。',
  needsShortlist: '核定入围名单后即可发布公示。',
  publish: '发布公示',
  dialogTitle: (year: number) => `发布${year}年度拟认定名单公示`,
  computing: '正在按工作日历计算公示期…',
  publishedOn: '发布日期',
  period: '公示期',
  periodValue: (from: string, to: string, days: number) => `${from} 至 ${to}（共 ${days} 个工作日）`,
  deadline: '异议受理截止',
  entries: (count: number) => `公示名单（共 ${count} 家，按入围顺序）`,
  titleField: '公示标题（选填）',
  titlePlaceholder: (year: number) => `${year}年广州市民营和中小企业服务站拟认定名单公示`,
  contactField: '异议受理联系方式（选填）',
  contactHint: '写明受理书面异议的部门、电话和地址；留空则使用本局默认的异议受理联系方式。',
  warning:
    '发布后公示立即在公开网站上线，公示期和名单不能更改或撤回；公示期内任何单位和个人均可书面提出异议。',
  confirm: '确认发布公示',
  calendarRefusedTitle: '公示期无法按工作日历计算',
  calendarMissing: (year: number) =>
    `按今天发布，公示期须计算到${year}年，但${year}年的法定节假日和调休安排尚未载入，系统不对未载入的年度作推测。` +
    `请先在“工作日历”载入国务院办公厅公布的${year}年节假日安排。`,
  calendarLink: (year: number) => `前往工作日历载入${year}年节假日安排`,
  calendarAfter: '载入后回到本页重新打开此对话框，即按新载入的安排计算公示期。',
  refusedTitle: '暂不能发布公示',
  published: (from: string, to: string) => `公示已发布，公示期 ${from} 至 ${to}`,
  periodMoved: (from: string, to: string) =>
    `发布时日期已变化，公示期按发布当日重新计算为 ${from} 至 ${to}。`,
  status: '公示状态',
  publicLink: '在公开网站查看公示',
  pdfLink: '下载公示文件（PDF）',
  objectionsLink: (count: number) => (count > 0 ? `查看本次公示收到的 ${count} 件异议` : '本次公示尚未收到异议'),
  publishedTitle: '公示标题',
};

export const objectionsTexts = {
  title: '公示期内收到的异议',
  lead:
    '如对公示名单有异议，须在公示期内以书面形式向市工业和信息化局提出：单位意见需加盖公章并注明联系方式，' +
    '个人意见需署实名并注明联系方式（指引第四部分（一）3（4））。列表不显示异议人；查看单件异议时可见异议人信息，查看情况记入审计日志。',
  headStationLead:
    '公示期内收到的书面异议由市工业和信息化局调查核实，服务总站协助核查。异议人的身份、联系方式和书面异议内容仅市工业和信息化局可查阅，' +
    '本页和服务总站可调用的接口均不含这些信息（指引第四部分（一）3（4））。',
  statusFilter: '办理状态',
  all: '全部',
  columns: {
    filedAt: '收到时间',
    target: '被异议单位',
    status: '办理状态',
    outcome: '调查结论',
    resolvedAt: '办结时间',
    actions: '操作',
  },
  open: '查看并处理',
  view: '查看',
  openLabel: (action: string, name: string) => `${action}：对“${name}”的异议`,
  empty: '暂无异议。',
  unknownTarget: '（申请单位）',
  pending: '—',
};

export const objectionTexts = {
  title: '异议调查核实',
  back: '返回异议列表',
  notFound: '该异议不存在。',
  auditTitle: '异议人信息仅供本局调查核实使用',
  audit:
    '异议人的身份和联系方式仅由市工业和信息化局掌握，不得告知被异议单位或其他人员。' +
    '您本次查看已记入审计日志；下载书面异议扫描件同样记入审计日志。',
  targetTitle: '被异议单位',
  groundsTitle: '异议内容',
  objectorTitle: '异议人',
  filedAt: '收到时间',
  objectionId: '受理编号',
  round: '公示年度',
  status: '办理状态',
  caseStatus: '案件状态',
  objectorType: '异议人类型',
  organisationName: '单位名称',
  contactPerson: '联系人',
  realName: '姓名',
  idNumber: '居民身份证号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '联系地址',
  none: '未填写',
  sealScan: '下载加盖公章的书面异议',
  sealScanMissing: '个人异议无需上传盖章扫描件。',
  downloadFailed: '下载失败，请重试。',
  resolutionTitle: '调查核实与处理结论',
  outcome: '调查结论',
  findings: '调查核实情况',
  findingsHint:
    '写明调查核实的方式、查明的事实和结论依据（不少于 10 字）。调查核实情况将告知被异议单位，' +
    '请勿写入异议人的姓名、联系方式等个人信息。',
  outcomeMissing: '请选择调查结论',
  findingsTooShort: '请填写调查核实情况（不少于 10 字）',
  findingsTooLong: '调查核实情况不能超过 5000 字',
  consequencesTitle: '作出该结论后：',
  submit: '提交处理结论',
  confirmTitle: (outcome: string) => `确认“${outcome}”？`,
  confirmButton: (outcome: string) => `确认${outcome}`,
  resolved: '处理结论已提交',
  resolvedAt: '办结时间',
  resolvedOutcome: '调查结论',
};

export const consequenceTexts = {
  upheld: {
    notListed: (entity: string, year: number) =>
      `“${entity}”将不列入${year}年度服务站最终认定名单，不予认定，不发放牌匾。`,
    declineNotice:
      '公布最终认定名单时，该单位将收到“未予认定”的正式通知（站内信、电子邮件和短信），理由为“公示期内收到异议，经市工业和信息化局调查核实，异议成立”，并附本次填写的调查核实情况。',
  },
  notUpheld: {
    listed: (entity: string) =>
      `异议不影响“${entity}”的认定：公示期满后公布最终认定名单时，该单位予以认定并按入围顺序编发牌匾号。`,
    otherPending: (count: number) => `该单位另有 ${count} 件异议尚在调查核实，认定结果还取决于那些异议的结论。`,
  },
  alreadyUpheld: (count: number) =>
    `该单位已有 ${count} 件异议经调查核实成立，无论本次结论如何，该单位均不列入最终认定名单。`,
  told: (outcome: string) => `提交后，被异议单位即收到调查结论通知（${outcome}）；异议人的信息不会告知该单位。`,
  final: '处理结论提交后不能更改。',
  finalListWaits: '最终认定名单须在公示期满且所有异议办结后方可公布。',
};

export const finalListsTexts = {
  title: '认定名单',
  lead:
    '公示期结束后，对于公示期内没有异议的申请单位，以及有异议但经调查核实没有问题的申请单位，由市工业和信息化局' +
    '公布服务站最终认定名单，并向新设立服务站发放牌匾（指引第四部分（一）3（5））。服务站有效期 3 年，自最终认定名单公布之日起计算。',
  tabs: { publish: '公布认定名单', published: '已公布名单', register: '服务站名录' },
  tabsLabel: '认定名单的办理事项',
};

export const publishListTexts = {
  title: '公布最终认定名单',
  checklist: '公布条件',
  shortlistFixed: '入围名单已核定',
  shortlistMissing: '入围名单尚未核定',
  noticeEnded: (end: string) => `公示期已于 ${end} 结束`,
  noticeRunning: (end: string) => `公示期至 ${end} 结束，尚未期满`,
  noticeMissing: '拟认定名单尚未公示',
  objectionsDone: (count: number) => (count > 0 ? `异议已全部办结（共 ${count} 件）` : '公示期内没有收到异议'),
  objectionsOpen: (open: number, count: number) => `尚有 ${open} 件异议未办结（共 ${count} 件）`,
  objectionsLink: '前往异议处理',
  met: '已满足',
  unmet: '未满足',
  forecastTitle: '按目前的审定和异议处理结果，公布后：',
  willRecognise: (count: number) => `予以认定 ${count} 家，按入围顺序编发牌匾号：`,
  willDecline: (count: number) => `不予认定 ${count} 家：`,
  declineReason: {
    objection_upheld: '公示期内异议经调查核实成立',
    not_recommended: '服务总站未予推荐',
    not_shortlisted: '未列入入围名单',
  },
  publish: '公布最终认定名单',
  finalised: (year: number, on: string) => `${year}年度最终认定名单已于 ${on} 公布。`,
  confirmTitle: (year: number) => `确认公布${year}年度服务站最终认定名单？`,
  confirm: (recognised: number, declined: number) => [
    `予以认定 ${recognised} 家，按入围顺序编发牌匾号，即列入服务站名录，有效期 3 年，自今日起计算。`,
    declined > 0 ? `不予认定 ${declined} 家，各单位将收到“未予认定”的正式通知及理由。` : '本年度没有不予认定的申请。',
    '各申请单位及其所在区主管部门将收到结果通知。公布后名单不能撤回。',
  ],
  confirmButton: '确认公布',
  refusedTitle: '暂不能公布最终认定名单',
  published: (count: number) => `最终认定名单已公布，予以认定 ${count} 家`,
};

export const publishedListsTexts = {
  title: '已公布的最终认定名单',
  empty: '尚未公布最终认定名单。',
  publishedOn: (on: string) => `公布日期：${on}`,
  count: (count: number) => `共 ${count} 家`,
  columns: { plaque: '牌匾编号', entity: '服务站运营单位', district: '所在区', address: '服务站地址' },
  publicLink: '在公开网站查看',
  pdfLink: '下载认定名单（PDF）',
  noEntries: '该年度没有予以认定的单位。',
};

export const registerTexts = {
  title: '服务站名录（全市）',
  lead: '全市各区已认定的服务站。点击服务站查看其状态变更记录（认定、到期、撤销）。',
  district: '所在区',
  allDistricts: '全部区',
  status: '状态',
  allStatuses: '全部状态',
  name: '名称包含',
  namePlaceholder: '服务站或运营单位名称',
  search: '查询',
  columns: {
    number: '服务站编号',
    name: '服务站名称',
    entity: '运营单位',
    district: '所在区',
    plaque: '牌匾编号',
    validUntil: '有效期至',
    status: '状态',
    convention: '服务公约',
    actions: '操作',
  },
  signed: '已签署',
  unsigned: '未签署',
  history: '查看状态记录',
  historyLabel: (name: string) => `查看状态记录：${name}`,
  empty: '没有符合条件的服务站。',
  total: (count: number) => `共 ${count} 个服务站`,
};

export const stationTexts = {
  back: '返回服务站名录',
  notFound: '该服务站不存在。',
  recordTitle: '服务站信息',
  number: '服务站编号',
  plaque: '牌匾编号',
  entity: '运营单位',
  uscc: '统一社会信用代码',
  district: '所在区',
  address: '服务站地址',
  validity: '有效期',
  validityValue: (from: string, to: string) => `${from} 至 ${to}`,
  status: '状态',
  convention: '服务公约',
  conventionSigned: (version: string, on: string) => `已签署（${version}，${on}）`,
  conventionUnsigned: '尚未签署现行版本',
  revoked: '撤销',
  revokedValue: (on: string, ground: number | null, reason: string | null) =>
    `${on} 撤销${ground ? `（指引第四部分（三）第 ${ground} 项）` : ''}${reason ? `：${reason}` : ''}`,
  historyTitle: '状态变更记录',
  historyEmpty: '暂无状态变更记录。',
  transition: (from: string | null, to: string) => (from ? `${from} → ${to}` : `登记为“${to}”`),
  ground: (ground: number) => `撤销情形：指引第四部分（三）第 ${ground} 项`,
  recordedAt: (when: string) => `记录时间：${when}`,
};

export const calendarTexts = {
  title: '工作日历',
  lead:
    '公示期等以工作日计算的期限，按国务院办公厅公布的节假日安排（含调休上班日）计算。系统内置日历只包含已公布的年度；' +
    '其后的年度须由本局载入国务院办公厅的当年安排后方可计算，未载入的年度一律不作推测，相关办理将被拒绝并提示载入。',
  yearsTitle: '各服务已知的年度',
  yearsLead: '五个服务各自保存工作日历。载入时须在全部服务载入，才能保证各项期限一致。',
  yearColumn: '年度',
  loadedTag: '已载入',
  builtIn: '内置日历',
  unknown: '未载入',
  failed: '查询失败',
  queryYear: '查询其他年度',
  query: '查询',
  holidaysOf: (year: number, holidays: number, workdays: number) =>
    `${year}年已载入安排：放假 ${holidays} 天，调休上班 ${workdays} 天`,
  showDays: (year: number) => `查看${year}年载入的日期`,
  hideDays: '收起',
  sourceLabel: '依据文件',
  holidays: '放假日期',
  workdays: '调休上班日期',
  loadTitle: '载入年度节假日安排',
  loadLead:
    '按国务院办公厅关于当年部分节假日安排的通知填写：放假日期为全部放假的日期（含与周末连休的日期），' +
    '调休上班日期为周六或周日上班的日期。同一年度重新载入将替换原有安排。',
  year: '年度',
  source: '依据文件',
  sourcePlaceholder: '如：国务院办公厅关于2027年部分节假日安排的通知',
  holidaysField: '放假日期',
  workdaysField: '调休上班日期（选填）',
  daysHint: '每行或用逗号分隔一个日期，如 2027-01-01；连续日期可写作 2027-02-06~2027-02-13。',
  pasteTitle: '粘贴 JSON（选填）',
  pasteField: '节假日安排 JSON',
  pasteHint:
    '可粘贴 {"holidays": [...], "workdays": [...], "source": "..."}，或配置文件格式 {"2027": {"holidays": [...], ...}}，解析后填入上方表单。',
  pasteApply: '解析并填入表单',
  pasteApplied: '已填入表单，请核对后载入',
  summary: (holidays: number, weekdayHolidays: number, workdays: number) =>
    `放假 ${holidays} 天（其中工作日 ${weekdayHolidays} 天），调休上班 ${workdays} 天`,
  submit: '载入到全部服务',
  confirmTitle: (year: number) => `确认载入${year}年节假日安排？`,
  confirm: (year: number, summary: string, source: string, services: string) => [
    `将在${services}载入${year}年安排：${summary}。依据：${source}。`,
    '同一年度已载入的安排将被替换；依赖该年度的期限（如公示期、服务需求受理期限）将按新安排计算。',
  ],
  confirmButton: '确认载入',
  resultTitle: '载入结果',
  resultOk: '已载入',
  resultFailed: (message: string) => `未载入：${message}`,
  allLoaded: (year: number) => `${year}年节假日安排已在全部服务载入`,
  someFailed: '部分服务未能载入，请根据提示修改后重试（已载入的服务重新载入不受影响）。',
  errors: {
    year: '请填写 2000 至 2100 之间的年度',
    source: '请填写依据文件名称（2 至 255 字）',
    holidaysMissing: '请填写放假日期',
    notADate: (tokens: string[]) => `无法识别的日期：${tokens.join('、')}（格式如 2027-01-01）`,
    outOfYear: (year: number, days: string[]) => `不在${year}年内：${days.join('、')}`,
    notWeekend: (days: string[]) => `调休上班日期须为周六或周日：${days.join('、')}`,
    both: (days: string[]) => `同时填在放假日期和调休上班日期中：${days.join('、')}`,
    badRange: (tokens: string[]) => `日期范围有误：${tokens.join('、')}`,
    json: '无法解析 JSON，请检查格式',
    jsonShape: '未找到 holidays（放假日期）列表',
    jsonYears: (years: string[]) => `JSON 中有多个年度（${years.join('、')}），请先在表单中填写要载入的年度`,
  },
};
