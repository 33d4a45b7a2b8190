import { describe, expect, it } from 'vitest';
import type { ApplicationRound } from '@/console/bureau/calls';
import { roundChanges, roundDateProblems, windowState } from '@/console/bureau/rounds';
import { initialShortlist, moved, ranksOf, type Candidate } from '@/console/bureau/shortlistOrder';

const ROUND: ApplicationRound = {
  year: 2026,
  title: '2026年度广州市民营和中小企业服务站认定申请',
  window_opens_on: '2026-11-01',
  window_closes_on: '2026-11-30',
  forwarding_deadline: '2026-12-15',
  opened_at: '2026-10-20T09:00:00+08:00',
  updated_at: '2026-10-20T09:00:00+08:00',
};

describe('an application round', () => {
  it('is upcoming, open (both ends included), forwarding, then closed', () => {
    expect(
      ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01', '2026-12-15', '2026-12-16'].map((day) =>
        windowState(ROUND, day),
      ),
    ).toEqual(['upcoming', 'open', 'open', 'forwarding', 'forwarding', 'closed']);
  });

  it('has its dates in order, opening in its year or the year before', () => {
    expect(roundDateProblems(2026, ROUND)).toEqual({});
    expect(
      roundDateProblems(2027, { window_opens_on: '2025-12-01', window_closes_on: '2025-11-30', forwarding_deadline: '' }),
    ).toEqual({
      window_opens_on: '2027年度批次的受理期应在2026年或2027年开始',
      window_closes_on: '受理截止日期不能早于开始日期',
      forwarding_deadline: '请选择日期',
    });
    expect(roundDateProblems(2026, { ...ROUND, forwarding_deadline: '2026-11-29' })).toEqual({
      forwarding_deadline: '区级初审上报截止日期不能早于受理截止日期',
    });
  });

  it('says which dates a change moves', () => {
    expect(roundChanges(ROUND, { ...ROUND, window_closes_on: '2026-12-10' })).toEqual([
      '受理截止日期：2026年11月30日 → 2026年12月10日',
    ]);
  });
});

function candidate(id: string, score: number | null, rank: number | null = null, recommendation = 'recommend'): Candidate {
  return {
    rank,
    case: {
      id,
      application_id: `app-${id}`,
      round_year: 2026,
      kind: 'new',
      status: 'submitted',
      uscc: '91440106MA59C1XE2H',
      entity_name: id,
      district_code: '440106',
      experts_assigned: 3,
      experts_scored: 3,
      score,
      recommendation: recommendation as 'recommend' | 'not_recommend',
      plaque_number: null,
    },
  };
}

describe('arranging the shortlist', () => {
  it('first offers every recommended application, highest score first, all ticked', () => {
    const rows = initialShortlist([candidate('a', 80), candidate('b', 90), candidate('c', 95, null, 'not_recommend')]);
    expect(rows).toEqual([
      { caseId: 'b', selected: true },
      { caseId: 'a', selected: true },
    ]);
  });

  it('shows a shortlist fixed before in its order, the others unticked after it', () => {
    const rows = initialShortlist([candidate('a', 95), candidate('b', 80, 2), candidate('c', 70, 1)]);
    expect(rows).toEqual([
      { caseId: 'c', selected: true },
      { caseId: 'b', selected: true },
      { caseId: 'a', selected: false },
    ]);
  });

  it('moves a row one place and numbers the ticked rows in order', () => {
    const rows = [
      { caseId: 'a', selected: true },
      { caseId: 'b', selected: false },
      { caseId: 'c', selected: true },
    ];
    expect(moved(rows, 2, -1).map((row) => row.caseId)).toEqual(['a', 'c', 'b']);
    expect(moved(rows, 0, -1)).toEqual(rows);
    expect(ranksOf(rows)).toEqual([1, null, 2]);
  });
});
