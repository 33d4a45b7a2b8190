/**
 * The rules of a recognised station's record, counted in Guangzhou's calendar days (date-only
 * values, never a Date): the validity of three years and its third year, in which re-review is
 * applied for (§4.2), and the 30 days within which a change is reported (§4.4).
 */
import { addDays, anniversary, daysBetween } from '@/dates';

/** §4.4: reported within 30 calendar days of completion; the registry records day 31 on as late. */
export const REPORT_WITHIN_DAYS = 30;
/** The registry reminds the operator 90 days before the last day of validity; the page warns from then on. */
export const EXPIRING_NOTICE_DAYS = 90;
/** Re-review is applied for in the third (last) year of the three years' validity. */
export const RE_REVIEW_FROM_YEAR = 2;

/** How a change completed on a day stands against the 30 days, on `today`. */
export type ChangeTiming =
  | { kind: 'unknown' }
  | { kind: 'future' }
  /** `daysLeft`: days still to report after today (0: today is the last day). */
  | { kind: 'in-time'; reportBy: string; elapsed: number; daysLeft: number }
  /** `daysOver`: days past the 30 (day 31 is 1 over). */
  | { kind: 'late'; reportBy: string; elapsed: number; daysOver: number };

export function changeTiming(completedOn: string, today: string): ChangeTiming {
  const elapsed = daysBetween(completedOn, today);
  if (elapsed === null) return { kind: 'unknown' };
  if (elapsed < 0) return { kind: 'future' };
  const reportBy = addDays(completedOn, REPORT_WITHIN_DAYS);
  if (elapsed > REPORT_WITHIN_DAYS) return { kind: 'late', reportBy, elapsed, daysOver: elapsed - REPORT_WITHIN_DAYS };
  return { kind: 'in-time', reportBy, elapsed, daysLeft: REPORT_WITHIN_DAYS - elapsed };
}

export type ValidityState = 'not-yet' | 'valid' | 'expiring' | 'ended';

export interface Validity {
  state: ValidityState;
  /** Calendar days from today to the last day of validity: 0 on the last day, negative once it ended. */
  daysLeft: number;
  /** The first day of the third year, when re-review may be applied for. */
  reReviewOpensOn: string;
  /** Whether today is in (or past) the third year. */
  reReviewOpen: boolean;
  /** Re-review runs with the application round of the year the validity ends (§4.2). */
  reReviewRoundYear: number;
}

/** A station valid from `validFrom` to `validUntil` (both included), as it stands on `today`. */
export function validityOf(validFrom: string, validUntil: string, today: string): Validity {
  const daysLeft = daysBetween(today, validUntil) ?? 0;
  const started = (daysBetween(validFrom, today) ?? 0) >= 0;
  const reReviewOpensOn = anniversary(validFrom, RE_REVIEW_FROM_YEAR);
  let state: ValidityState = 'valid';
  if (!started) state = 'not-yet';
  else if (daysLeft < 0) state = 'ended';
  else if (daysLeft <= EXPIRING_NOTICE_DAYS) state = 'expiring';
  return {
    state,
    daysLeft,
    reReviewOpensOn,
    reReviewOpen: (daysBetween(reReviewOpensOn, today) ?? -1) >= 0,
    reReviewRoundYear: Number(validUntil.slice(0, 4)),
  };
}
