import { describe, expect, it } from 'vitest';
import { acceptanceState, isUrgent } from '@/console/station/demands/deadline';

const received = {
  status: 'received' as const,
  acceptance_due_on: '2026-12-14',
  acceptance_due_waits_for_year: null,
  escalated: false,
  accepted_late: false,
};

describe('a service request against its 5-working-day acceptance deadline', () => {
  it('is due, with the calendar days left, before its last working day', () => {
    expect(acceptanceState(received, '2026-12-08')).toEqual({ kind: 'due', dueOn: '2026-12-14', daysLeft: 6 });
    expect(isUrgent(acceptanceState(received, '2026-12-08'))).toBe(false);
  });

  it('is due today on its last working day (the deadline includes the day)', () => {
    const state = acceptanceState(received, '2026-12-14');
    expect(state).toEqual({ kind: 'due-today', dueOn: '2026-12-14' });
    expect(isUrgent(state)).toBe(true);
  });

  it('is overdue the day after, by calendar days, before and after it is escalated', () => {
    expect(acceptanceState(received, '2026-12-16')).toEqual({
      kind: 'overdue',
      dueOn: '2026-12-14',
      daysOver: 2,
      escalated: false,
    });
    expect(acceptanceState({ ...received, escalated: true }, '2026-12-15')).toMatchObject({
      kind: 'overdue',
      escalated: true,
      daysOver: 1,
    });
  });

  it('waits for a year whose holiday schedule is not loaded, never guessing a date', () => {
    const waiting = { ...received, acceptance_due_on: null, acceptance_due_waits_for_year: 2027 };
    expect(acceptanceState(waiting, '2026-12-30')).toEqual({ kind: 'waiting-calendar', year: 2027 });
    expect(acceptanceState({ ...waiting, escalated: true }, '2027-01-12')).toMatchObject({ kind: 'overdue', escalated: true });
  });

  it('has no deadline once accepted, and says whether the acceptance was late', () => {
    expect(acceptanceState({ ...received, status: 'accepted' }, '2026-12-20')).toEqual({ kind: 'accepted', late: false });
    expect(acceptanceState({ ...received, status: 'closed', accepted_late: true }, '2026-12-20')).toEqual({
      kind: 'accepted',
      late: true,
    });
  });
});
