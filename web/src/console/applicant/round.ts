/** The application round's window as a day in Guangzhou reads it (dates are days, never instants). */
import type { ApplicationSummary, Round } from './calls';

export type WindowState = 'upcoming' | 'open' | 'closed';

/** Where `today` ("YYYY-MM-DD", Guangzhou) lies against the round's window (both ends included). */
export function windowState(round: Pick<Round, 'window_opens_on' | 'window_closes_on'>, today: string): WindowState {
  if (today < round.window_opens_on) return 'upcoming';
  if (today > round.window_closes_on) return 'closed';
  return 'open';
}

const IN_PROGRESS = new Set(['submitted', 'returned', 'forwarded']);

/** The organisation's application in progress in this round, if any: a second one would be refused. */
export function openInRound(applications: readonly ApplicationSummary[], year: number): ApplicationSummary | undefined {
  return applications.find((a) => a.round_year === year && IN_PROGRESS.has(a.status));
}

/** The newest draft to continue, if any (a draft not submitted yet belongs to no round for certain). */
export function latestDraft(applications: readonly ApplicationSummary[]): ApplicationSummary | undefined {
  return applications.find((a) => a.status === 'draft');
}
