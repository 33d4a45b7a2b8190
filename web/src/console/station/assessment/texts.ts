/** Every word of the station's assessment pages (考核): plans and summaries, evidence, results, rectification. */
import { formatDate } from '@/dates';

export const assessmentTexts = {
  title: '考核',
  lead: '服务站应定期向市工业和信息化局提交民营和中小企业服务工作计划及工作情况总结，按时参加年度考核（指引第四部分（一）第 4 项）。无故不参加年度考核，或整改后年度考核结果仍为“不合格”的，撤销服务站称号（第四部分（三）第 6 项）。',
  notFound: '没有找到当前办理的服务站，可能已不属于本单位。请重新登录后再试。',
  yearLabel: '年度',
  year: (year: number) => `${year} 年度`,
  documentsTitle: (year: number) => `${year} 年度工作计划和工作总结`,
  documentsLead:
    '截止日期由市工业和信息化局公布。逾期提交的照常接收，但记为逾期；截止时仍未提交的记为未提交，均计入年度考核。提交后可修改，修改不改变首次提交的时间和是否逾期。',
};

export const documentTexts = {
  dueOn: '截止日期',
  noDeadline: '尚未公布',
  state: '提交情况',
  submittedAt: '提交时间',
  firstSubmittedAt: '首次提交',
  revision: (n: number) => `第 ${n} 版`,
  onTime: '按时提交',
  late: (days: number) => `逾期 ${days} 日提交`,
  overdueTag: '逾期未提交',
  pendingTag: '待提交',
  notRequired: '本年度无须提交',
  notRequiredDetail: {
    plan: '服务站认定晚于本年度工作计划的截止日期，本年度无须提交工作计划。',
    summary: '服务站本年度尚未取得认定，无须提交本年度工作总结。',
  },
  noDeadlineDetail: '市工业和信息化局尚未公布截止日期，现在提交的按时记录。',
  open: (dueOn: string, daysLeft: number) =>
    daysLeft === 0 ? `请于今日（${formatDate(dueOn)}）内提交。` : `请于 ${formatDate(dueOn)} 前提交，还有 ${daysLeft} 日。`,
  overdue: (dueOn: string, daysOver: number) =>
    `截止日期 ${formatDate(dueOn)} 已过 ${daysOver} 日，现在提交将记为逾期提交。`,
  submit: (kind: string) => `提交${kind}`,
  revise: (kind: string) => `修改${kind}`,
  view: '查看',
};

export const documentFormTexts = {
  title: (year: number, kind: string) => `${year} 年度${kind}`,
  back: '返回考核',
  badKind: '没有这类工作文件。',
  lead: {
    plan: '工作计划写明本年度服务站的服务目标、主要服务内容、主题月活动安排、宣讲推广计划（每年不少于 3 次）、需求摸查与报送安排和人员保障等。',
    summary: '工作总结写明本年度开展的服务活动、宣讲推广、企业服务需求受理和办结、信息报送、人员培训等情况，以及存在的问题和下一年度打算。',
  },
  current: (revision: number, at: string) => `已提交第 ${revision} 版（${at}），修改后提交为新的一版。`,
  titleLabel: '标题',
  titlePlaceholder: (year: number, kind: string) => `${year}年度服务站${kind}`,
  titleRequired: '请填写标题（不少于 2 个字）',
  content: '正文',
  contentRequired: '请填写正文',
  attachments: '附件（选填）',
  attachmentsHint: 'PDF、PNG、JPEG 或 DOCX，每个不超过 20 MB。修改时上传的附件与已提交的附件一并保存。',
  existing: '已提交的附件',
  submit: '提交',
  cancel: '取消',
  confirmTitle: (kind: string) => `确认提交${kind}`,
  confirmFirst: (year: number, kind: string, late: number | null) =>
    `将向市工业和信息化局提交 ${year} 年度${kind}，并计入年度考核。` +
    (late ? `截止日期已过 ${late} 日，将记为逾期提交。` : ''),
  confirmRevision: (year: number, kind: string) =>
    `将以本次内容替换已提交的 ${year} 年度${kind}；首次提交的时间和是否逾期不变。`,
  confirm: '确认提交',
  submitted: (kind: string) => `${kind}已提交`,
  submittedLate: (kind: string, days: number) => `${kind}已提交，记为逾期 ${days} 日`,
  errorSummary: '请修改以下内容后重新提交',
};

export const evidenceTexts = {
  title: (year: number) => `${year} 年度考核依据（截至目前）`,
  lead: '以下为考核系统根据各项业务记录汇总的本年度情况，年度考核时据此计算得分；最终结果以市工业和信息化局公布的为准。',
  measure: '项目',
  value: '本年度情况',
  activities: '主办活动',
  coActivities: '协办活动',
  attendance: '活动参与人次',
  promotions: '宣讲推广',
  promotionsRequirement: '每年不少于 3 次',
  trainings: '参加服务总站培训',
  trainingsValue: (attended: number, held: number) => `${attended} 期（服务总站共举办 ${held} 期）`,
  demandQuarters: '需求信息报送',
  demandQuartersValue: (quarters: readonly number[]) =>
    quarters.length === 0 ? '尚未报送' : `已报送第 ${quarters.join('、')} 季度`,
  demandRequirement: '定期报送',
  requestsClosed: '办结企业服务需求',
  requestsEscalated: '逾期未受理、转服务总站的需求',
  satisfaction: '企业满意度（平均）',
  satisfactionValue: (value: number | null) => (value === null ? '暂无评价' : `${value.toFixed(1)} 分`),
  lateChanges: '逾期报告的信息变更',
  lateChangesRequirement: '变更完成后 30 日内报告',
  convention: '服务公约',
  conventionValue: (signed: boolean) => (signed ? '已签署' : '未签署'),
  plan: '工作计划',
  summary: '工作总结',
  count: (n: number, unit: string) => `${n} ${unit}`,
  units: { session: '场', person: '人次', time: '次', item: '件' },
  short: '未达要求',
};

export const resultsTexts = {
  title: '历年考核结果',
  lead: '市工业和信息化局公布的年度考核结果及各项得分。考核不合格的，应在规定期限内整改并提交整改报告，由市工业和信息化局复评。',
  empty: '尚无公布的考核结果',
  total: '总分',
  totalValue: (total: number, pass: number) => `${total} 分（合格线 ${pass} 分）`,
  outcome: '考核结论',
  finalOutcome: '整改复评后结论',
  publishedAt: '公布时间',
  breakdown: (year: number) => `${year} 年度各项得分`,
  indicator: '考核指标',
  weight: '权重',
  measured: '考核情况',
  score: '得分',
  manual: (reason: string) => `人工评分：${reason}`,
  rectification: '整改情况',
};

export const rectificationTexts = {
  title: '整改',
  lead: '年度考核不合格的服务站，应在整改期限内完成整改并提交整改报告。逾期提交的照常接收，但记为逾期；整改后复评仍不合格的，撤销服务站称号。',
  empty: '没有整改要求',
  year: (year: number) => `${year} 年度考核`,
  total: (total: number) => `考核得分 ${total} 分`,
  dueOn: '整改报告截止日期',
  status: '办理状态',
  open: (daysLeft: number) => (daysLeft === 0 ? '今日为截止日' : `还有 ${daysLeft} 日`),
  overdue: (daysOver: number) => `已逾期 ${daysOver} 日`,
  reportedAt: (at: string, late: boolean) => `已于 ${at} 提交整改报告${late ? '（逾期）' : ''}`,
  reassessed: (outcome: string, score: number | null) => `复评结论：${outcome}${score === null ? '' : `（${score} 分）`}`,
  report: '提交整改报告',
  view: '查看',
};

export const rectificationFormTexts = {
  title: (year: number) => `${year} 年度考核整改`,
  back: '返回考核',
  notFound: '没有找到该整改要求，可能不属于本服务站。',
  total: '考核得分',
  score: (total: number) => `${total} 分`,
  dueOn: '整改报告截止日期',
  status: '办理状态',
  orderedAt: '整改通知时间',
  opinion: '复评意见',
  closedReason: '终止原因',
  reportTitle: '整改报告',
  reportSubmittedAt: (at: string, late: boolean) => `${at} 提交${late ? '（逾期提交）' : ''}`,
  attachments: '附件',
  none: '无',
  formTitle: '提交整改报告',
  formLead: '请逐项说明针对考核扣分项目采取的整改措施和取得的成效，并附上相关证明材料。整改报告提交后不能修改。',
  report: '整改报告',
  reportRequired: '请填写整改报告',
  files: '附件（选填）',
  filesHint: 'PDF、PNG、JPEG 或 DOCX，每个不超过 20 MB，如活动照片、签到表、宣讲记录。',
  submit: '提交整改报告',
  confirmTitle: '确认提交整改报告',
  confirmMessage: (late: number | null) =>
    '整改报告提交后不能修改，将由市工业和信息化局复评；复评仍不合格的，撤销服务站称号。' +
    (late ? `截止日期已过 ${late} 日，将记为逾期提交。` : ''),
  confirm: '确认提交',
  submitted: '整改报告已提交，请等待复评',
  errorSummary: '请修改以下内容后重新提交',
};
