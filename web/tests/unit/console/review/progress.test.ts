import { describe, expect, it } from 'vitest';
import { dueState, isOverdue } from '@/console/expert/deadlines';
import { caseProgress, lateTasks, progressByCase, progressByExpert, type RoundTask } from '@/console/head-station/progress';

const TODAY = '2026-12-10';

function task(overrides: Partial<RoundTask>): RoundTask {
  return {
    assignment_id: `a-${overrides.case_id ?? 'c1'}-${overrides.expert_id ?? 'e1'}`,
    case_id: 'c1',
    expert_id: 'e1',
    expert_name: '林晓明',
    status: 'active',
    due_on: '2026-12-15',
    sheet_submitted_at: null,
    ...overrides,
  };
}

describe('an expert’s due date', () => {
  it('is open before it, due on the day itself, and overdue from the day after', () => {
    expect(dueState({ status: 'active', due_on: '2026-12-15', submitted: false }, TODAY)).toEqual({ kind: 'open', days: 5 });
    expect(dueState({ status: 'active', due_on: TODAY, submitted: false }, TODAY)).toEqual({ kind: 'due-today' });
    expect(dueState({ status: 'active', due_on: '2026-12-09', submitted: false }, TODAY)).toEqual({ kind: 'overdue', days: 1 });
    // across a month's end, counted in calendar days
    expect(dueState({ status: 'active', due_on: '2026-11-28', submitted: false }, TODAY)).toEqual({ kind: 'overdue', days: 12 });
  });

  it('no longer matters once the sheet is in, or the expert left the case', () => {
    expect(dueState({ status: 'active', due_on: '2026-12-01', submitted: true }, TODAY)).toEqual({ kind: 'submitted' });
    expect(dueState({ status: 'recused', due_on: '2026-12-01', submitted: false }, TODAY)).toEqual({ kind: 'ended' });
    expect(isOverdue({ status: 'withdrawn', due_on: '2026-12-01', submitted: false }, TODAY)).toBe(false);
  });
});

describe('a case’s scoring progress', () => {
  const assignments = [
    task({ expert_id: 'a', status: 'recused' }),
    task({ expert_id: 'b', sheet_submitted_at: '2026-12-05T10:00:00+08:00', due_on: '2026-12-01' }),
    task({ expert_id: 'c', due_on: '2026-12-08' }),
    task({ expert_id: 'd', due_on: TODAY }),
  ];

  it('counts the experts on the case, the sheets in, the late ones and those who left', () => {
    const progress = caseProgress(assignments, 3, TODAY);
    expect([progress.active, progress.submitted, progress.missing]).toEqual([3, 1, 0]);
    expect(progress.overdue.map((a) => a.expert_id)).toEqual(['c']);
    expect(progress.ended.map((a) => a.expert_id)).toEqual(['a']);
  });

  it('says how many more experts the round requires after a recusal', () => {
    const progress = caseProgress(assignments.slice(0, 2), 3, TODAY);
    expect([progress.active, progress.submitted, progress.missing]).toEqual([1, 1, 2]);
  });

  it('is grouped by case over the whole round', () => {
    const byCase = progressByCase([...assignments, task({ case_id: 'c2', expert_id: 'b' })], 2, TODAY);
    expect([...byCase.keys()]).toEqual(['c1', 'c2']);
    expect(byCase.get('c2')).toMatchObject({ active: 1, submitted: 0, missing: 1 });
  });
});

describe('each expert’s progress', () => {
  it('counts cases held, sheets in and late sheets, late experts first', () => {
    const rows = progressByExpert(
      [
        task({ expert_id: 'lin', expert_name: '林晓明', case_id: 'c1', sheet_submitted_at: '2026-12-02T09:00:00+08:00' }),
        task({ expert_id: 'lin', expert_name: '林晓明', case_id: 'c2', due_on: '2026-12-20' }),
        task({ expert_id: 'chen', expert_name: '陈思远', case_id: 'c1', due_on: '2026-12-09' }),
        task({ expert_id: 'chen', expert_name: '陈思远', case_id: 'c3', status: 'withdrawn' }),
      ],
      TODAY,
    );
    expect(rows.map((r) => [r.expertId, r.active, r.submitted, r.overdue.length, r.nextDue, r.ended])).toEqual([
      ['chen', 1, 0, 1, '2026-12-09', 1],
      ['lin', 2, 1, 0, '2026-12-20', 0],
    ]);
  });

  it('lists the round’s late sheets, the longest overdue first', () => {
    const late = lateTasks(
      [task({ expert_id: 'x', due_on: '2026-12-09' }), task({ expert_id: 'y', due_on: '2026-12-01' }), task({ expert_id: 'z' })],
      TODAY,
    );
    expect(late.map((a) => a.expert_id)).toEqual(['y', 'x']);
  });
});
