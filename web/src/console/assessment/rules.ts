/**
 * The rules the assessment pages show where they bite: a result's grade, a rectification's deadline
 * (overdue marked), which of the guideline's eight revocation grounds the bureau itself proposes, and
 * what each confirmation tells the person before a step that changes something (《建设工作指引》第四部分).
 */
import { daysBetween, formatDate } from '@/dates';
import type { Case, Cycle, Decision, Ground, Outcome, Rectification, Result } from './calls';

/** The guideline's eight grounds of revocation (第四部分（三）), in its own words. */
export const GROUND_TEXTS: Readonly<Record<Ground, string>> = {
  1: '存在违法违规行为，受到行政机关、司法机关处罚或信用评价不合格',
  2: '申请资料弄虚作假',
  3: '严重违反服务公约',
  4: '不支持市区两级民营和中小企业主管部门的相关工作，无正当理由不参加由民营和中小企业主管部门组织的民营企业公共服务活动',
  5: '三年期满不申请复核或复核未通过',
  6: '无故不参加年度考核，或整改后年度考核结果仍为“不合格”',
  7: '主动申请不再承担服务站工作',
  8: '其他情形不适宜承担服务站工作',
};

export const GROUNDS: readonly Ground[] = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The grounds the bureau proposes itself, with evidence: 5 and 6 are proposed by the system from the
 * re-review and the assessment, 7 is the operator's own request.
 */
export const BUREAU_GROUNDS: readonly Ground[] = [1, 2, 3, 4, 8];

/** "第6项：无故不参加……" */
export function groundLabel(ground: Ground): string {
  return `第${ground}项：${GROUND_TEXTS[ground]}`;
}

/** Why a ground is not offered to the bureau's proposal, or null when it is. */
export function groundNotProposable(ground: Ground): string | null {
  if (ground === 5 || ground === 6) return '由系统依据复核和年度考核结果自动提出';
  if (ground === 7) return '由运营机构主动申请';
  return null;
}

export const ORIGIN_LABELS: Readonly<Record<Case['origin'], string>> = {
  automatic: '系统自动提出',
  bureau: '市工业和信息化局提出',
  operator: '运营机构申请',
};

export const CYCLE_STATUS_LABELS: Readonly<Record<Cycle['status'], string>> = {
  open: '进行中',
  computed: '已计算，待公布',
  published: '已公布',
};

export interface Grade {
  /** 合格 / 不合格, after rectification when there was one. */
  label: string;
  tone: 'success' | 'danger' | 'warning';
  /** What the grade rests on, e.g. "62 分（合格线 60 分）" or "整改复评后". */
  detail: string;
}

const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = { qualified: '合格', unqualified: '不合格' };

/** A result's grade as a person reads it: the final one when rectification re-assessed it. */
export function gradeOf(result: Pick<Result, 'total' | 'pass_mark' | 'outcome' | 'final_outcome' | 'rectification_id'>): Grade {
  const reassessed = result.rectification_id !== null && result.final_outcome !== null && result.final_outcome !== undefined;
  const outcome = reassessed ? (result.final_outcome as Outcome) : result.outcome;
  const pending = result.outcome === 'unqualified' && result.rectification_id !== null && !reassessed;
  return {
    label: pending ? '不合格（整改中）' : OUTCOME_LABELS[outcome],
    tone: outcome === 'qualified' ? 'success' : pending ? 'warning' : 'danger',
    detail: reassessed ? `${result.total} 分，整改复评后${OUTCOME_LABELS[outcome]}` : `${result.total} 分（合格线 ${result.pass_mark} 分）`,
  };
}

export type DeadlineState =
  /** Waiting for the report; `daysLeft` up to the due day (0: today is the last day). */
  | { kind: 'open'; daysLeft: number }
  /** The due day passed without a report. */
  | { kind: 'overdue'; daysOver: number }
  /** The report is in (late or not) or the rectification is over: the deadline no longer runs. */
  | { kind: 'settled'; late: boolean };

/** Where a rectification stands with its report's deadline, as of `today` (Guangzhou's day). */
export function deadlineOf(rectification: Pick<Rectification, 'status' | 'due_on' | 'report_late'>, today: string): DeadlineState {
  if (rectification.status === 'ordered' || rectification.status === 'report_missing') {
    const daysLeft = daysBetween(today, rectification.due_on) ?? 0;
    return daysLeft >= 0 ? { kind: 'open', daysLeft } : { kind: 'overdue', daysOver: -daysLeft };
  }
  return { kind: 'settled', late: rectification.report_late };
}

export function deadlineText(state: DeadlineState): string {
  if (state.kind === 'open') return state.daysLeft === 0 ? '今日截止' : `还有 ${state.daysLeft} 日`;
  if (state.kind === 'overdue') return `已逾期 ${state.daysOver} 日`;
  return state.late ? '报告逾期提交' : '';
}

/** The bureau re-assesses once the report is in, or once the deadline passed without one. */
export function canReassess(rectification: Pick<Rectification, 'status' | 'due_on'>, today: string): boolean {
  if (rectification.status === 'reported' || rectification.status === 'report_missing') return true;
  return rectification.status === 'ordered' && (daysBetween(today, rectification.due_on) ?? 0) < 0;
}

export interface Confirmation {
  title: string;
  paragraphs: string[];
  confirm: string;
}

export function computeConfirmation(cycle: Pick<Cycle, 'year' | 'status'>): Confirmation {
  return {
    title: `计算 ${cycle.year} 年度考核结果`,
    paragraphs: [
      '将依据各服务站本年度的考核依据（活动、宣讲、需求报送、工作计划和总结等）和已录入的人工评分，计算每个在册服务站的总分和考核结论。',
      cycle.status === 'computed' ? '已计算的结果将被本次计算结果替换。' : '计算结果在公布前只有市工业和信息化局和服务总站可见，可调整评分后重新计算。',
    ],
    confirm: '计算',
  };
}

export function publishConfirmation(
  cycle: Pick<Cycle, 'year' | 'rectification_days'>,
  found: readonly Pick<Result, 'outcome'>[],
  rectificationDueOn: string | null,
): Confirmation {
  const unqualified = found.filter((result) => result.outcome === 'unqualified').length;
  const due = rectificationDueOn
    ? `整改报告须于 ${formatDate(rectificationDueOn)} 前提交。`
    : `整改报告须自公布之日起 ${cycle.rectification_days} 日内提交。`;
  return {
    title: `公布 ${cycle.year} 年度考核结果`,
    paragraphs: [
      `将向 ${found.length} 个服务站公布考核结果，各服务站运营机构和所在区主管部门将收到通知；公布后结果不能再修改。`,
      unqualified > 0
        ? `其中 ${unqualified} 个服务站考核“不合格”，将进入整改：${due}整改后复评仍不合格的，依指引第四部分（三）第6项撤销服务站称号。`
        : '本年度没有考核“不合格”的服务站，无须整改。',
    ],
    confirm: '公布结果',
  };
}

export function reassessConfirmation(outcome: Outcome, stationName: string): Confirmation {
  return outcome === 'qualified'
    ? {
        title: '复评合格',
        paragraphs: [`${stationName}整改复评合格，整改结束；其运营机构将收到复评结论。`],
        confirm: '确认复评合格',
      }
    : {
        title: '复评仍不合格',
        paragraphs: [
          `${stationName}整改后年度考核结果仍为“不合格”，其运营机构将收到复评结论。`,
          '系统将依指引第四部分（三）第6项自动提出撤销服务站称号，由市工业和信息化局在“撤销”中决定。',
        ],
        confirm: '确认复评不合格',
      };
}

export function proposalConfirmation(ground: Ground, stationName: string): Confirmation {
  return {
    title: '提出撤销',
    paragraphs: [
      `将以${groundLabel(ground)}，对${stationName}提出撤销服务站称号。`,
      '提出后服务站仍在册，待市工业和信息化局决定；其运营机构和所在区主管部门可查看该撤销事项。',
    ],
    confirm: '提出撤销',
  };
}

export function decisionConfirmation(decision: Decision, found: Pick<Case, 'ground' | 'station_name' | 'station_id'>): Confirmation {
  const name = found.station_name ?? found.station_id;
  return decision === 'revoke'
    ? {
        title: '撤销服务站称号',
        paragraphs: [
          `将依${groundLabel(found.ground)}，撤销${name}的服务站称号，当日生效，不能撤回。`,
          '该服务站将从公开的服务站名录中移除，未完成的整改随之终止；其运营机构和所在区主管部门将收到撤销决定及理由。',
        ],
        confirm: '撤销称号',
      }
    : {
        title: '不予撤销',
        paragraphs: [`将对${name}的撤销事项作出不予撤销的决定，服务站保持在册；其运营机构将收到决定及理由。`],
        confirm: '不予撤销',
      };
}

/** A manual score lies between 0 and the indicator's weight (the service's rule). */
export function manualScoreProblem(score: number | null, weight: number): string | null {
  if (score === null || Number.isNaN(score)) return '请填写得分';
  if (score < 0 || score > weight) return `得分须在 0 至 ${weight} 分之间`;
  return null;
}

/** Whose page: the bureau decides, the head station prepares, a district officer reads its own district. */
export type Mode = 'bureau' | 'head' | 'district';
