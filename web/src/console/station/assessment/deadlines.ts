/**
 * Where a station stands with its yearly plan and summary (§4.1.4) and with a rectification, counted
 * in Guangzhou's calendar days: the same rules as the assessment service, so the page says before
 * submitting what the service will record.
 */
import { daysBetween } from '@/dates';
import type { DocumentKind, WorkDocument } from './calls';

/** The usual plan deadline when the bureau has set none (the service's default): 31 March. */
const USUAL_PLAN_DUE = '03-31';

/**
 * Whether the station must submit this document of this year: the plan if it held its title by the
 * plan's deadline, the summary of any year it held its title in (the service's `is_required`).
 */
export function isRequired(kind: DocumentKind, year: number, validFrom: string, dueOn: string | null): boolean {
  if (kind === 'plan') return (daysBetween(validFrom, dueOn ?? `${year}-${USUAL_PLAN_DUE}`) ?? 0) >= 0;
  return Number(validFrom.slice(0, 4)) <= year;
}

export type DocumentState =
  /** Submitted before the end of its deadline (or with none set). */
  | { kind: 'on-time'; document: WorkDocument }
  /** Submitted after the deadline: accepted, recorded late by `daysLate` days. */
  | { kind: 'late'; document: WorkDocument; daysLate: number }
  | { kind: 'not-required' }
  /** Not submitted; the bureau has not set the deadline yet. */
  | { kind: 'no-deadline' }
  /** Not submitted; `daysLeft` days after today up to the deadline (0: today is the last day). */
  | { kind: 'open'; dueOn: string; daysLeft: number }
  /** Not submitted and the deadline has passed: submitting now is recorded late by `daysOver` days. */
  | { kind: 'overdue'; dueOn: string; daysOver: number };

export function documentState(options: {
  kind: DocumentKind;
  year: number;
  validFrom: string;
  dueOn: string | null;
  document: WorkDocument | null;
  today: string;
}): DocumentState {
  const { kind, year, validFrom, dueOn, document, today } = options;
  if (document) {
    return document.late ? { kind: 'late', document, daysLate: document.days_late } : { kind: 'on-time', document };
  }
  if (!isRequired(kind, year, validFrom, dueOn)) return { kind: 'not-required' };
  if (!dueOn) return { kind: 'no-deadline' };
  const daysLeft = daysBetween(today, dueOn) ?? 0;
  return daysLeft >= 0 ? { kind: 'open', dueOn, daysLeft } : { kind: 'overdue', dueOn, daysOver: -daysLeft };
}

export type ReportDeadline =
  | { kind: 'open'; daysLeft: number }
  | { kind: 'overdue'; daysOver: number };

/** A rectification report due on `dueOn` (the whole day), as of `today`. */
export function reportDeadline(dueOn: string, today: string): ReportDeadline {
  const daysLeft = daysBetween(today, dueOn) ?? 0;
  return daysLeft >= 0 ? { kind: 'open', daysLeft } : { kind: 'overdue', daysOver: -daysLeft };
}

/**
 * The years the page offers: this year, and the years whose deadlines are set from the year the
 * station was recognised up to next year (a plan is often due early in the year after), newest first.
 */
export function assessmentYears(today: string, validFrom: string, deadlineYears: readonly number[]): number[] {
  const current = Number(today.slice(0, 4));
  const first = Number(validFrom.slice(0, 4));
  const years = new Set([current, ...deadlineYears.filter((year) => year >= first && year <= current + 1)]);
  return [...years].sort((a, b) => b - a);
}
