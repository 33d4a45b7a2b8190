/**
 * The application round's rules as the bureau's forms check them before the registry does
 * (services/registry domain/rounds.py): the window's order, the forwarding deadline after the
 * window, the window opening in the round's year or the year before. Date-only values stay strings.
 */
import { formatDate } from '@/dates';
import type { ApplicationRound } from './calls';
import { roundFormTexts as t } from './texts';

export type WindowState = 'upcoming' | 'open' | 'forwarding' | 'closed';

/** Where a round stands on ``today`` ("YYYY-MM-DD", Guangzhou): ISO dates compare as strings. */
export function windowState(round: ApplicationRound, today: string): WindowState {
  if (today < round.window_opens_on) return 'upcoming';
  if (today <= round.window_closes_on) return 'open';
  if (today <= round.forwarding_deadline) return 'forwarding';
  return 'closed';
}

export interface RoundDates {
  window_opens_on: string;
  window_closes_on: string;
  forwarding_deadline: string;
}

export type RoundDateField = keyof RoundDates;

/** What is wrong with a round's dates, by field (empty when nothing is). */
export function roundDateProblems(year: number | null, dates: RoundDates): Partial<Record<RoundDateField, string>> {
  const problems: Partial<Record<RoundDateField, string>> = {};
  for (const field of ['window_opens_on', 'window_closes_on', 'forwarding_deadline'] as const) {
    if (!dates[field]) problems[field] = t.dateMissing;
  }
  const { window_opens_on: opens, window_closes_on: closes, forwarding_deadline: deadline } = dates;
  if (opens && closes && closes < opens) problems.window_closes_on = t.closesBeforeOpens;
  if (closes && deadline && deadline < closes) problems.forwarding_deadline = t.deadlineBeforeClose;
  if (year !== null && opens && !problems.window_opens_on) {
    const opensIn = Number(opens.slice(0, 4));
    if (opensIn !== year && opensIn !== year - 1) problems.window_opens_on = t.opensInWrongYear(year);
  }
  return problems;
}

const FIELD_LABELS: Record<RoundDateField, string> = {
  window_opens_on: t.opensOn,
  window_closes_on: t.closesOn,
  forwarding_deadline: t.deadline,
};

/** Each date a change moves, "受理截止日期：2026年12月31日 → 2027年1月10日". */
export function roundChanges(before: RoundDates, after: RoundDates): string[] {
  return (Object.keys(FIELD_LABELS) as RoundDateField[])
    .filter((field) => before[field] !== after[field])
    .map((field) => t.change(FIELD_LABELS[field], formatDate(before[field]), formatDate(after[field])));
}
