/**
 * A score sheet's arithmetic, as the review service does it (services/review domain/scoring.py):
 * every criterion is marked 0–100 in whole points, the weights sum to 100, and the total is
 * Σ mark × weight ÷ 100, to two decimals. Kept in hundredths (integers), so nothing is lost to
 * floating point: with whole marks and whole weights the total is exact.
 */

export interface WeightedCriterion {
  code: string;
  weight: number;
}

/** What the expert has typed so far: a mark per criterion code, or nothing yet. */
export type MarksTyped = Readonly<Record<string, number | null | undefined>>;

export const MIN_MARK = 0;
export const MAX_MARK = 100;
export const TOTAL_WEIGHT = 100;

/** A mark the service accepts: a whole number from 0 to 100. */
export function isMark(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_MARK && value <= MAX_MARK;
}

export interface SheetTotal {
  /** Σ mark × weight over the criteria marked so far: the weighted total × 100. */
  hundredths: number;
  /** How many criteria have a valid mark. */
  marked: number;
  /** How many criteria the round has. */
  of: number;
  /** Every criterion marked: the total is the one the service will record. */
  complete: boolean;
}

/** The weighted total of the marks typed so far (a criterion not yet marked counts for nothing). */
export function sheetTotal(criteria: ReadonlyArray<WeightedCriterion>, marks: MarksTyped): SheetTotal {
  let hundredths = 0;
  let marked = 0;
  for (const criterion of criteria) {
    const mark = marks[criterion.code];
    if (!isMark(mark)) continue;
    hundredths += mark * criterion.weight;
    marked += 1;
  }
  return { hundredths, marked, of: criteria.length, complete: criteria.length > 0 && marked === criteria.length };
}

/** 8660 → "86.60". */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const whole = Math.abs(Math.round(hundredths));
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** A score the service sends (84.25) to two decimals: "84.25"; '' for none. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' ? formatHundredths(Math.round(score * 100)) : '';
}

/** The sum of the weights; the round's criteria are usable only when it is 100. */
export function weightSum(criteria: ReadonlyArray<{ weight: number | null | undefined }>): number {
  return criteria.reduce((sum, c) => sum + (typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 0), 0);
}
