import { describe, expect, it } from 'vitest';
import { proposalFormData } from '@/console/assessment/calls';
import { caseColumns, rectificationColumns, resultColumns } from '@/console/assessment/columns';
import {
  BUREAU_GROUNDS,
  canReassess,
  computeConfirmation,
  deadlineOf,
  deadlineText,
  decisionConfirmation,
  gradeOf,
  groundLabel,
  groundNotProposable,
  GROUNDS,
  manualScoreProblem,
  ORIGIN_LABELS,
  proposalConfirmation,
  publishConfirmation,
  reassessConfirmation,
} from '@/console/assessment/rules';
import { yearsOffered } from '@/console/assessment/useAssessmentYear';
import { cellText } from '@/console/export/columns';

const result = {
  total: 48,
  pass_mark: 60,
  outcome: 'unqualified' as const,
  final_outcome: null,
  rectification_id: null,
};

describe('a result’s grade (§4.3(6): 合格 / 不合格)', () => {
  it('reads the outcome with the total and the pass mark', () => {
    expect(gradeOf({ ...result, total: 72, outcome: 'qualified', final_outcome: 'qualified' })).toEqual({
      label: '合格',
      tone: 'success',
      detail: '72 分（合格线 60 分）',
    });
    expect(gradeOf(result)).toMatchObject({ label: '不合格', tone: 'danger' });
  });

  it('says an unqualified station in rectification is still rectifying', () => {
    expect(gradeOf({ ...result, rectification_id: 'r-1' })).toMatchObject({ label: '不合格（整改中）', tone: 'warning' });
  });

  it('reads the reassessment’s outcome once there is one', () => {
    expect(gradeOf({ ...result, rectification_id: 'r-1', final_outcome: 'qualified' })).toMatchObject({
      label: '合格',
      detail: '48 分，整改复评后合格',
    });
    expect(gradeOf({ ...result, rectification_id: 'r-1', final_outcome: 'unqualified' })).toMatchObject({
      label: '不合格',
      tone: 'danger',
    });
  });
});

describe('a rectification report’s deadline', () => {
  const ordered = { status: 'ordered' as const, due_on: '2027-01-31', report_late: false };

  it('counts the days left, the due day included, then the days overdue', () => {
    expect(deadlineOf(ordered, '2027-01-01')).toEqual({ kind: 'open', daysLeft: 30 });
    expect(deadlineText(deadlineOf(ordered, '2027-01-31'))).toBe('今日截止');
    expect(deadlineOf(ordered, '2027-02-03')).toEqual({ kind: 'overdue', daysOver: 3 });
    expect(deadlineText(deadlineOf(ordered, '2027-02-03'))).toBe('已逾期 3 日');
  });

  it('stops running once the report is in, saying when it came late', () => {
    expect(deadlineOf({ ...ordered, status: 'reported' }, '2027-03-01')).toEqual({ kind: 'settled', late: false });
    expect(deadlineText(deadlineOf({ ...ordered, status: 'reported', report_late: true }, '2027-03-01'))).toBe('报告逾期提交');
  });

  it('lets the bureau reassess once the report is in or the deadline has passed, never twice', () => {
    expect(canReassess(ordered, '2027-01-31')).toBe(false);
    expect(canReassess(ordered, '2027-02-01')).toBe(true);
    expect(canReassess({ ...ordered, status: 'reported' }, '2027-01-01')).toBe(true);
    expect(canReassess({ ...ordered, status: 'report_missing' }, '2027-02-01')).toBe(true);
    expect(canReassess({ ...ordered, status: 'unqualified' }, '2027-02-01')).toBe(false);
  });
});

describe('the eight grounds of revocation (§4.3)', () => {
  it('names each ground by its number and the guideline’s words', () => {
    expect(GROUNDS).toHaveLength(8);
    expect(groundLabel(6)).toBe('第6项：无故不参加年度考核，或整改后年度考核结果仍为“不合格”');
    expect(groundLabel(2)).toBe('第2项：申请资料弄虚作假');
  });

  it('offers the bureau grounds 1–4 and 8; 5 and 6 come from the system, 7 from the operator', () => {
    expect(BUREAU_GROUNDS).toEqual([1, 2, 3, 4, 8]);
    expect(groundNotProposable(5)).toContain('系统');
    expect(groundNotProposable(6)).toContain('系统');
    expect(groundNotProposable(7)).toContain('运营机构');
    for (const ground of BUREAU_GROUNDS) expect(groundNotProposable(ground)).toBeNull();
  });

  it('marks an automatic proposal as the system’s', () => {
    expect(ORIGIN_LABELS.automatic).toBe('系统自动提出');
  });
});

describe('what each confirmation says', () => {
  it('computing: the evidence and manual scores, visible only to staff until published', () => {
    const said = computeConfirmation({ year: 2026, status: 'open' });
    expect(said.title).toBe('计算 2026 年度考核结果');
    expect(said.paragraphs.join('')).toContain('人工评分');
    expect(computeConfirmation({ year: 2026, status: 'computed' }).paragraphs.join('')).toContain('替换');
  });

  it('publishing: the stations are told, the unqualified ones enter rectification with its deadline', () => {
    const said = publishConfirmation(
      { year: 2026, rectification_days: 30 },
      [{ outcome: 'qualified' }, { outcome: 'unqualified' }],
      null,
    );
    const text = said.paragraphs.join('');
    expect(text).toContain('向 2 个服务站公布');
    expect(text).toContain('收到通知');
    expect(text).toContain('其中 1 个服务站考核“不合格”，将进入整改');
    expect(text).toContain('30 日内');
    expect(publishConfirmation({ year: 2026, rectification_days: 30 }, [{ outcome: 'unqualified' }], '2027-01-31').paragraphs.join('')).toContain(
      '2027年1月31日',
    );
    expect(publishConfirmation({ year: 2026, rectification_days: 30 }, [{ outcome: 'qualified' }], null).paragraphs.join('')).toContain('无须整改');
  });

  it('reassessing as still unqualified: the system proposes revocation on ground 6', () => {
    expect(reassessConfirmation('unqualified', '天河站').paragraphs.join('')).toContain('第6项自动提出撤销');
    expect(reassessConfirmation('qualified', '天河站').paragraphs.join('')).toContain('整改结束');
  });

  it('revoking: the station leaves the public register and its operator is told', () => {
    const said = decisionConfirmation('revoke', { ground: 6, station_name: '天河站', station_id: 'st-1' });
    const text = said.paragraphs.join('');
    expect(said.confirm).toBe('撤销称号');
    expect(text).toContain('撤销天河站的服务站称号');
    expect(text).toContain('从公开的服务站名录中移除');
    expect(text).toContain('运营机构');
    expect(decisionConfirmation('dismiss', { ground: 3, station_name: null, station_id: 'st-1' }).paragraphs.join('')).toContain('st-1');
  });

  it('proposing: the station stays registered until the bureau decides', () => {
    expect(proposalConfirmation(3, '天河站').paragraphs.join('')).toContain('第3项：严重违反服务公约');
  });
});

describe('forms and lists', () => {
  it('keeps a manual score between 0 and the indicator’s weight', () => {
    expect(manualScoreProblem(null, 20)).toBe('请填写得分');
    expect(manualScoreProblem(21, 20)).toBe('得分须在 0 至 20 分之间');
    expect(manualScoreProblem(-1, 20)).not.toBeNull();
    expect(manualScoreProblem(20, 20)).toBeNull();
  });

  it('sends a proposal as the service’s form fields with each attachment', () => {
    const file = new File(['x'], '证据.pdf', { type: 'application/pdf' });
    const form = proposalFormData({ station_id: 'st-1', ground: 3, evidence: '连续两月未开放' }, [file]);
    expect(form.get('ground')).toBe('3');
    expect(form.get('station_id')).toBe('st-1');
    expect((form.getAll('attachments')[0] as File).name).toBe('证据.pdf');
  });

  it('offers this year and every year with a cycle, newest first', () => {
    expect(yearsOffered(2026, [2025, 2026, 2024])).toEqual([2026, 2025, 2024]);
  });

  it('writes the same text on screen and in the export', () => {
    const [station, , total, grade] = resultColumns();
    const row = { ...result, station_name: '天河站', station_id: 'st-1', district_code: '440106' } as never;
    expect(cellText(station!, row)).toBe('天河站');
    expect(cellText(total!, row)).toBe('48');
    expect(cellText(grade!, row)).toBe('不合格');
    const deadline = rectificationColumns('2027-02-03', new Map([['st-1', '天河站']])).find((c) => c.key === 'deadline')!;
    expect(cellText(deadline, { status: 'ordered', due_on: '2027-01-31', report_late: false } as never)).toBe('已逾期 3 日');
    const origin = caseColumns().find((c) => c.key === 'origin')!;
    expect(cellText(origin, { origin: 'automatic' } as never)).toBe('系统自动提出');
  });
});
