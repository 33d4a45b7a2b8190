/**
 * Dates as Guangzhou reads them. The services send date-only values ("2026-10-09", a day in
 * Asia/Shanghai) and instants ("2026-10-09T23:59:59+08:00"). A date-only value is never turned
 * into a Date: in a browser west of Greenwich, new Date("2026-10-09") is 8 October. Instants are
 * shown in Asia/Shanghai whatever the visitor's own time zone.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** "2026-10-09" → {2026, 10, 9}; null for anything else. */
export function parseIsoDate(value: string): DayParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** "2026-10-09" → "2026年10月9日" (the value as it is when it is not a date). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const parts = parseIsoDate(value);
  return parts ? `${parts.year}年${parts.month}月${parts.day}日` : value;
}

/** "2026-10-09" → "2026年10月9日（星期五）". */
export function formatDateWithWeekday(value: string | null | undefined): string {
  if (!value) return '';
  const parts = parseIsoDate(value);
  if (!parts) return value;
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return `${formatDate(value)}（星期${WEEKDAYS[weekday]}）`;
}

interface ShanghaiParts extends DayParts {
  hour: number;
  minute: number;
}

const shanghaiFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function shanghaiParts(instant: Date): ShanghaiParts {
  const parts: Record<string, number> = {};
  for (const part of shanghaiFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

function toInstant(value: string | Date): Date | null {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of an instant in Guangzhou, as "YYYY-MM-DD". */
export function dateInShanghai(value: string | Date): string {
  const instant = toInstant(value);
  if (!instant) return '';
  const p = shanghaiParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Today in Guangzhou, as "YYYY-MM-DD". */
export function todayInShanghai(now: Date = new Date()): string {
  return dateInShanghai(now);
}

/** This year in Guangzhou. */
export function yearInShanghai(now: Date = new Date()): number {
  return shanghaiParts(now).year;
}

/** "2026-10-09T15:59:59Z" → "2026年10月9日 23:59" (Beijing time). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const instant = toInstant(value);
  if (!instant) return value;
  const p = shanghaiParts(instant);
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "14:30" in Beijing time. */
export function formatTime(value: string): string {
  const instant = toInstant(value);
  if (!instant) return value;
  const p = shanghaiParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** An activity's time: "2027年3月5日 14:00–16:30", or both days in full when it spans several. */
export function formatTimeRange(starts: string, ends: string): string {
  if (dateInShanghai(starts) === dateInShanghai(ends)) {
    return `${formatDateTime(starts)}–${formatTime(ends)}`;
  }
  return `${formatDateTime(starts)} 至 ${formatDateTime(ends)}`;
}

/** The month of an instant in Guangzhou, "YYYY-MM" (to group a calendar). */
export function monthInShanghai(value: string): string {
  return dateInShanghai(value).slice(0, 7);
}

/** "2027-03" → "2027年3月". */
export function formatMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? `${Number(match[1])}年${Number(match[2])}月` : value;
}

/** Whether an instant is already past. */
export function isPast(value: string, now: Date = new Date()): boolean {
  const instant = toInstant(value);
  return instant !== null && instant.getTime() <= now.getTime();
}

/** Days since 1970-01-01 of a date-only value (calendar arithmetic, no time zone involved). */
function dayNumber(parts: DayParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
}

function isoOfDayNumber(days: number): string {
  const probe = new Date(days * 86_400_000);
  return `${probe.getUTCFullYear()}-${pad(probe.getUTCMonth() + 1)}-${pad(probe.getUTCDate())}`;
}

/**
 * Calendar days from one date-only value to another ("2026-11-07" → "2026-12-08" is 31); negative
 * when `to` is earlier; null when either is not a date.
 */
export function daysBetween(from: string, to: string): number | null {
  const [a, b] = [parseIsoDate(from), parseIsoDate(to)];
  return a && b ? dayNumber(b) - dayNumber(a) : null;
}

/** The date `days` calendar days after (or before, when negative) a date-only value; '' when it is not a date. */
export function addDays(value: string, days: number): string {
  const parts = parseIsoDate(value);
  return parts ? isoOfDayNumber(dayNumber(parts) + days) : '';
}

/** The same calendar day `years` later; 1 March for a 29 February that does not recur (as the registry counts validity). */
export function anniversary(value: string, years: number): string {
  const parts = parseIsoDate(value);
  if (!parts) return '';
  const year = parts.year + years;
  const same = `${year}-${pad(parts.month)}-${pad(parts.day)}`;
  return parseIsoDate(same) ? same : `${year}-03-01`;
}
