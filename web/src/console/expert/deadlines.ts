/**
 * An expert's scoring deadline as people read it: the due date (评分截止日期) is the last day to
 * submit, so a sheet is late from the day after. Dates are Guangzhou days ("YYYY-MM-DD"), compared
 * as calendar days (src/dates.ts), never as instants.
 */
import { daysBetween } from '@/dates';

/** Where one expert's task stands against its due date. */
export type DueState =
  | { kind: 'submitted' }
  | { kind: 'ended' }
  | { kind: 'overdue'; days: number }
  | { kind: 'due-today' }
  | { kind: 'open'; days: number };

/** One expert's task, whichever list it comes from. */
export interface ScoringTask {
  /** active, recused or withdrawn. */
  status: string;
  due_on: string;
  submitted: boolean;
}

export function dueState(task: ScoringTask, today: string): DueState {
  if (task.status !== 'active') return { kind: 'ended' };
  if (task.submitted) return { kind: 'submitted' };
  const left = daysBetween(today, task.due_on);
  if (left === null) return { kind: 'open', days: 0 };
  if (left < 0) return { kind: 'overdue', days: -left };
  if (left === 0) return { kind: 'due-today' };
  return { kind: 'open', days: left };
}

/** An expert still on the case whose sheet is not in after its due date. */
export function isOverdue(task: ScoringTask, today: string): boolean {
  return dueState(task, today).kind === 'overdue';
}
