/** Quarters of the calendar year, as demand reports are kept (§3.2: reported regularly, a quarter at a time). */

export interface Quarter {
  year: number;
  quarter: number;
}

const NAMES = ['一', '二', '三', '四'];

/** The quarter a day ("YYYY-MM-DD", Guangzhou) falls in. */
export function quarterOf(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((month - 1) / 3) + 1 };
}

/** "2026年第四季度". */
export function quarterName({ year, quarter }: Quarter): string {
  return `${year}年第${NAMES[quarter - 1] ?? quarter}季度`;
}

/** "YYYY-Q" as a select's value. */
export function quarterKey({ year, quarter }: Quarter): string {
  return `${year}-${quarter}`;
}

export function parseQuarterKey(key: string): Quarter | null {
  const match = /^(\d{4})-([1-4])$/.exec(key);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/**
 * The quarters a report may be submitted for on `today`: those that have begun, this year's and
 * last year's (a late or revised report of last year still goes in), the newest first.
 */
export function reportableQuarters(today: string): Quarter[] {
  const current = quarterOf(today);
  const found: Quarter[] = [];
  for (let q = current.quarter; q >= 1; q -= 1) found.push({ year: current.year, quarter: q });
  for (let q = 4; q >= 1; q -= 1) found.push({ year: current.year - 1, quarter: q });
  return found;
}
