/**
 * What the review service's refusals tell the bureau beyond their sentence: the calendar year a
 * period needs (sme_kit.workdays.UnknownCalendarYear: `year`, `calendar`), and what the final list
 * still waits for (domain/final_list.py ensure_ready: `missing`). Also how a deadline instant reads.
 */
import { ApiError, chinesePart } from '@/api/problem';
import { dateInShanghai, formatDateWithWeekday } from '@/dates';

/** The year whose holiday schedule a refused period needs, when that is why it was refused. */
export function missingCalendarYear(failure: unknown): number | null {
  if (!(failure instanceof ApiError) || failure.status !== 409 || !failure.problem) return null;
  const { year, calendar } = failure.problem;
  return typeof year === 'number' && typeof calendar === 'string' ? year : null;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The Chinese of "中文 (English)" where the English holds parentheses of its own ("… (1 objection(s)
 * not yet resolved)"), which the shared `chinesePart` leaves as they are.
 */
function chineseOf(text: string): string {
  const start = text.lastIndexOf(' (');
  for (let at = text.indexOf(' ('); at !== -1 && at <= start; at = text.indexOf(' (', at + 1)) {
    if (!CJK.test(text.slice(at))) return text.slice(0, at).trim();
  }
  return chinesePart(text);
}

/** Each thing the final list still waits for, in Chinese (empty when the refusal names none). */
export function missingForFinalList(failure: unknown): string[] {
  if (!(failure instanceof ApiError) || !failure.problem) return [];
  const missing = failure.problem.missing;
  return Array.isArray(missing) ? missing.filter((item): item is string => typeof item === 'string').map(chineseOf) : [];
}

const SECONDS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2027-01-05T23:59:59+08:00" → "2027年1月5日（星期二）23:59:59（北京时间）". */
export function formatDeadline(instant: string): string {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) return instant;
  return `${formatDateWithWeekday(dateInShanghai(when))}${SECONDS.format(when)}（北京时间）`;
}
