import { describe, expect, it } from 'vitest';
import type { WorkDocument } from '@/console/station/assessment/calls';
import { assessmentYears, documentState, isRequired, reportDeadline } from '@/console/station/assessment/deadlines';
import { documentFormData } from '@/console/station/assessment/calls';

function submitted(daysLate: number): WorkDocument {
  return {
    id: 'd-1',
    station_id: 's-1',
    district_code: '440106',
    kind: 'plan',
    year: 2027,
    title: '2027年度服务站工作计划',
    revision: 1,
    due_on: '2027-03-31',
    first_submitted_at: '2027-03-01T10:00:00+08:00',
    submitted_at: '2027-03-01T10:00:00+08:00',
    late: daysLate > 0,
    days_late: daysLate,
  };
}

const base = { kind: 'plan' as const, year: 2027, validFrom: '2026-12-08', dueOn: '2027-03-31', document: null };

describe('where the year’s plan and summary stand (§4.1.4)', () => {
  it('counts the days left up to the deadline, the deadline day included', () => {
    expect(documentState({ ...base, today: '2027-03-01' })).toEqual({ kind: 'open', dueOn: '2027-03-31', daysLeft: 30 });
    expect(documentState({ ...base, today: '2027-03-31' })).toEqual({ kind: 'open', dueOn: '2027-03-31', daysLeft: 0 });
  });

  it('says a first submission after the deadline will be late, by the calendar days past it', () => {
    expect(documentState({ ...base, today: '2027-04-02' })).toEqual({ kind: 'overdue', dueOn: '2027-03-31', daysOver: 2 });
  });

  it('shows a submitted document as the service recorded it, on time or late', () => {
    expect(documentState({ ...base, document: submitted(0), today: '2027-05-01' }).kind).toBe('on-time');
    expect(documentState({ ...base, document: submitted(3), today: '2027-05-01' })).toMatchObject({ kind: 'late', daysLate: 3 });
  });

  it('waits for the bureau when no deadline is set', () => {
    expect(documentState({ ...base, dueOn: null, today: '2027-01-10' })).toEqual({ kind: 'no-deadline' });
  });

  it('asks no plan of a station recognised after the plan’s deadline, but the summary of its first year', () => {
    expect(isRequired('plan', 2026, '2026-12-08', '2026-03-31')).toBe(false);
    expect(isRequired('plan', 2026, '2026-12-08', null)).toBe(false);
    expect(isRequired('plan', 2027, '2026-12-08', '2027-03-31')).toBe(true);
    expect(isRequired('plan', 2027, '2027-03-31', '2027-03-31')).toBe(true);
    expect(isRequired('summary', 2026, '2026-12-08', '2027-01-15')).toBe(true);
    expect(isRequired('summary', 2025, '2026-12-08', '2026-01-15')).toBe(false);
    expect(documentState({ ...base, year: 2026, dueOn: '2026-03-31', today: '2026-12-08' })).toEqual({ kind: 'not-required' });
  });
});

describe('a rectification report’s deadline', () => {
  it('is open through its last day and overdue after', () => {
    expect(reportDeadline('2027-02-28', '2027-02-28')).toEqual({ kind: 'open', daysLeft: 0 });
    expect(reportDeadline('2027-02-28', '2027-03-01')).toEqual({ kind: 'overdue', daysOver: 1 });
  });
});

describe('the years the assessment page offers', () => {
  it('offers this year, and next year once its deadlines are set, never a year before recognition', () => {
    expect(assessmentYears('2026-12-08', '2026-12-08', [])).toEqual([2026]);
    expect(assessmentYears('2026-12-08', '2026-12-08', [2025, 2026, 2027, 2029])).toEqual([2027, 2026]);
    expect(assessmentYears('2028-02-01', '2026-12-08', [2026, 2027, 2028])).toEqual([2028, 2027, 2026]);
  });
});

describe('the multipart body of a plan or summary', () => {
  it('carries the fields and every attachment under one name', () => {
    const file = new File(['%PDF-1.7'], '工作计划.pdf', { type: 'application/pdf' });
    const body = documentFormData({ kind: 'plan', year: 2027, title: ' 2027年度工作计划 ', content: '一、……' }, [file, file]);
    expect(body.get('kind')).toBe('plan');
    expect(body.get('year')).toBe('2027');
    expect(body.get('title')).toBe('2027年度工作计划');
    expect(body.getAll('attachments')).toHaveLength(2);
  });
});
