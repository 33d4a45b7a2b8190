/** Whole days between two days ("YYYY-MM-DD"), counted on the calendar: never through a time zone. */
import { parseIsoDate } from '@/dates';

const DAY = 24 * 60 * 60 * 1000;

function dayNumber(day: string): number | null {
  const parts = parseIsoDate(day);
  return parts ? Date.UTC(parts.year, parts.month - 1, parts.day) / DAY : null;
}

/** How many days from `today` until `day` (negative once it is past); null when either is no day. */
export function daysUntil(day: string | null | undefined, today: string): number | null {
  if (!day) return null;
  const [until, from] = [dayNumber(day), dayNumber(today)];
  return until === null || from === null ? null : until - from;
}
