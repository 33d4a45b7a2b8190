/**
 * Where a service request stands against its deadline: a station accepts a request within 5
 * working days (the service works the last day out on the State Council's holiday schedule);
 * one not accepted by then goes to the head station, and a late acceptance counts in assessment.
 */
import { daysBetween } from '@/dates';
import type { ServiceRequest } from './calls';

export type AcceptanceState =
  /** The deadline waits for a year's holiday schedule the bureau has not loaded yet. */
  | { kind: 'waiting-calendar'; year: number }
  | { kind: 'due'; dueOn: string; daysLeft: number }
  | { kind: 'due-today'; dueOn: string }
  | { kind: 'overdue'; dueOn: string; daysOver: number; escalated: boolean }
  | { kind: 'accepted'; late: boolean };

type Deadline = Pick<
  ServiceRequest,
  'status' | 'acceptance_due_on' | 'acceptance_due_waits_for_year' | 'escalated' | 'accepted_late'
>;

/** `today`: Guangzhou's date, "YYYY-MM-DD". */
export function acceptanceState(request: Deadline, today: string): AcceptanceState {
  if (request.status !== 'received') return { kind: 'accepted', late: request.accepted_late };
  const dueOn = request.acceptance_due_on;
  if (!dueOn) {
    // No date yet: the schedule of a year is missing. Escalated anyway means the time ran out.
    if (request.escalated) return { kind: 'overdue', dueOn: '', daysOver: 0, escalated: true };
    return { kind: 'waiting-calendar', year: request.acceptance_due_waits_for_year ?? Number(today.slice(0, 4)) };
  }
  const left = daysBetween(today, dueOn) ?? 0;
  if (request.escalated || left < 0) {
    return { kind: 'overdue', dueOn, daysOver: Math.max(0, -left), escalated: request.escalated };
  }
  if (left === 0) return { kind: 'due-today', dueOn };
  return { kind: 'due', dueOn, daysLeft: left };
}

/** Whether the request needs the station's attention first: not yet accepted and due today or late. */
export function isUrgent(state: AcceptanceState): boolean {
  return state.kind === 'due-today' || state.kind === 'overdue';
}
