import { describe, expect, it } from 'vitest';
import { progressOf, standingStage, type ApplicationFacts, type ReviewFacts } from '@/console/applicant/progress';

const BASE: ApplicationFacts = {
  kind: 'new',
  status: 'draft',
  submitted_at: null,
  submissions: 0,
  forwarded_at: null,
  closed_at: null,
  outcome_reason: null,
  district_decisions: [],
  district_name: '天河区',
  district_code: '440106',
};
const SUBMITTED = { ...BASE, status: 'submitted' as const, submitted_at: '2026-12-01T10:00:00+08:00', submissions: 1 };
const FORWARDED = {
  ...SUBMITTED,
  status: 'forwarded' as const,
  forwarded_at: '2026-12-03T10:00:00+08:00',
  district_decisions: [
    { decision: 'forward' as const, reasons: [], opinion: '材料齐全，同意上报', district_code: '440106', decided_at: '2026-12-03T10:00:00+08:00' },
  ],
};

function review(status: ReviewFacts['status'], outcome: Partial<ReviewFacts['outcome']> = {}): ReviewFacts {
  return {
    status,
    opened_at: '2026-12-03T10:01:00+08:00',
    outcome: { outcome_code: null, outcome_reason: '', decided_on: null, plaque_number: null, ...outcome },
  };
}

const states = (stages: ReturnType<typeof progressOf>) => stages.map((s) => `${s.key}:${s.state}`);

describe('where an application stands', () => {
  it('a draft has not reached the district', () => {
    const stages = progressOf(BASE, null, null);
    expect(states(stages)).toEqual(['submitted:current', 'district:waiting', 'expert:waiting', 'notice:waiting', 'outcome:waiting']);
    expect(standingStage(stages).key).toBe('submitted');
  });

  it('a submitted one waits for its district', () => {
    const stages = progressOf(SUBMITTED, null, null);
    expect(states(stages).slice(0, 2)).toEqual(['submitted:done', 'district:current']);
    expect(stages[1]!.lines).toEqual(['待天河区民营和中小企业主管部门初审。']);
    expect(standingStage(stages).key).toBe('district');
  });

  it('a returned one shows the latest reasons at the district', () => {
    const returned = {
      ...SUBMITTED,
      status: 'returned' as const,
      district_decisions: [
        { decision: 'return' as const, reasons: ['请补充专职人员劳动合同'], opinion: '', district_code: '440106', decided_at: '2026-12-02T15:00:00+08:00' },
      ],
    };
    const [, district] = progressOf(returned, null, null);
    expect(district).toMatchObject({ state: 'returned', at: '2026-12-02T15:00:00+08:00', reasons: ['请补充专职人员劳动合同'] });
  });

  it('a rejected one ends at the district, without recognition', () => {
    const rejected = {
      ...SUBMITTED,
      status: 'rejected' as const,
      closed_at: '2026-12-02T15:00:00+08:00',
      outcome_reason: '不具备固定办公场所',
      district_decisions: [
        { decision: 'reject' as const, reasons: ['不具备固定办公场所'], opinion: '', district_code: '440106', decided_at: '2026-12-02T15:00:00+08:00' },
      ],
    };
    expect(states(progressOf(rejected, null, null))).toEqual([
      'submitted:done',
      'district:failed',
      'expert:waiting',
      'notice:waiting',
      'outcome:failed',
    ]);
  });

  it('a forwarded one waits for review, then is in expert review once review opened its case', () => {
    expect(states(progressOf(FORWARDED, null, null)).slice(1, 3)).toEqual(['district:done', 'expert:current']);
    const stages = progressOf(FORWARDED, review('in_review'), null);
    expect(stages[2]).toMatchObject({ state: 'current', at: '2026-12-03T10:01:00+08:00', lines: ['服务总站正在组织专家评审。'] });
    expect(stages[1]!.lines).toContain('初审意见：材料齐全，同意上报');
    expect(standingStage(stages).key).toBe('expert');
  });

  it('a shortlisted one is on public notice for its period', () => {
    const stages = progressOf(FORWARDED, review('shortlisted'), { period_start: '2026-12-08', period_end: '2026-12-14' });
    expect(states(stages).slice(2)).toEqual(['expert:done', 'notice:current', 'outcome:waiting']);
    expect(stages[3]!.lines).toContain('公示期：2026年12月8日 至 2026年12月14日');
  });

  it('a recognised one is done at every stage, with its plaque', () => {
    const recognised = { ...FORWARDED, status: 'recognised' as const, closed_at: '2026-12-15T10:00:00+08:00' };
    const stages = progressOf(recognised, review('recognised', { decided_on: '2026-12-15', plaque_number: '穗中小服站〔2026〕001号' }), null);
    expect(stages.every((s) => s.state === 'done')).toBe(true);
    expect(stages[4]).toMatchObject({ title: '认定', at: '2026-12-15', lines: ['已列入服务站最终认定名单。', '牌匾编号：穗中小服站〔2026〕001号'] });
  });

  it('a declined one says why; an upheld objection ends it at the notice', () => {
    const declined = { ...FORWARDED, status: 'declined' as const, outcome_reason: '公示期内异议经核实成立' };
    const stages = progressOf(declined, review('declined', { outcome_code: 'objection_upheld', outcome_reason: '公示期内异议经核实成立' }), null);
    expect(states(stages).slice(3)).toEqual(['notice:failed', 'outcome:failed']);
    expect(stages[4]).toMatchObject({ title: '不予认定', reasons: ['公示期内异议经核实成立'] });
  });

  it('a re-review has no public notice: the bureau decides it', () => {
    const reReview = { ...FORWARDED, kind: 're_review' as const };
    const stages = progressOf(reReview, review('submitted'), null);
    expect(states(stages)).toEqual(['submitted:done', 'district:done', 'expert:done', 'outcome:current']);
    expect(stages[3]!.title).toBe('复核结论');
  });
});
