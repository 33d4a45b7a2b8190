/**
 * A year's official holiday schedule as the bureau types or pastes it (the State Council's notice:
 * days off, and weekend days worked instead — 调休), checked the way every service checks it
 * (libs/kit sme_kit.workdays.CalendarYear.problems) before it is sent to the five of them.
 */
import { parseIsoDate } from '@/dates';
import type { ScheduleBody } from './calls';
import { calendarTexts } from './texts';

const t = calendarTexts.errors;

export interface ScheduleForm {
  year: number | null;
  source: string;
  holidays: string;
  workdays: string;
}

export type ScheduleField = 'year' | 'source' | 'holidays' | 'workdays';

export interface CheckedSchedule {
  /** The body every service takes, when nothing is wrong. */
  body: ScheduleBody | null;
  errors: Partial<Record<ScheduleField, string>>;
}

interface ParsedDays {
  days: string[];
  invalid: string[];
  badRanges: string[];
}

const SEPARATORS = /[\s,，、;；]+/;
const RANGE = /^(\d{4}-\d{2}-\d{2})(?:~|～|至|--)(\d{4}-\d{2}-\d{2})$/;
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function dayNumber(value: string): number | null {
  const parts = parseIsoDate(value);
  return parts ? Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS : null;
}

function isoOf(days: number): string {
  const day = new Date(days * DAY_MS);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** Saturday or Sunday (a date-only value, no time zone involved). */
export function isWeekend(value: string): boolean {
  const days = dayNumber(value);
  if (days === null) return false;
  const weekday = new Date(days * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The dates a text names: one per line or separated by commas, ranges "A~B" (or "A至B") expanded; sorted, once each. */
export function parseDays(text: string): ParsedDays {
  const found = new Set<string>();
  const invalid: string[] = [];
  const badRanges: string[] = [];
  for (const token of text.split(SEPARATORS).filter(Boolean)) {
    const range = RANGE.exec(token);
    if (range) {
      const [from, to] = [dayNumber(range[1]!), dayNumber(range[2]!)];
      if (from === null || to === null || to < from || to - from > 366) badRanges.push(token);
      else for (let day = from; day <= to; day++) found.add(isoOf(day));
    } else if (parseIsoDate(token)) {
      found.add(token);
    } else {
      invalid.push(token);
    }
  }
  return { days: [...found].sort(), invalid, badRanges };
}

function daysProblem(parsed: ParsedDays, year: number | null): string | null {
  if (parsed.invalid.length > 0) return t.notADate(parsed.invalid);
  if (parsed.badRanges.length > 0) return t.badRange(parsed.badRanges);
  const elsewhere = year === null ? [] : parsed.days.filter((day) => Number(day.slice(0, 4)) !== year);
  return elsewhere.length > 0 && year !== null ? t.outOfYear(year, elsewhere) : null;
}

/** The schedule's problems by field, or the body to send when there are none. */
export function checkSchedule(form: ScheduleForm): CheckedSchedule {
  const errors: Partial<Record<ScheduleField, string>> = {};
  const year = form.year !== null && Number.isInteger(form.year) && form.year >= 2000 && form.year <= 2100 ? form.year : null;
  if (year === null) errors.year = t.year;
  const source = form.source.trim();
  if (source.length < 2 || source.length > 255) errors.source = t.source;

  const holidays = parseDays(form.holidays);
  const workdays = parseDays(form.workdays);
  const holidaysProblem = daysProblem(holidays, year);
  if (holidaysProblem) errors.holidays = holidaysProblem;
  else if (holidays.days.length === 0) errors.holidays = t.holidaysMissing;

  const workdaysProblem = daysProblem(workdays, year);
  const weekdays = workdays.days.filter((day) => !isWeekend(day));
  const both = workdays.days.filter((day) => holidays.days.includes(day));
  if (workdaysProblem) errors.workdays = workdaysProblem;
  else if (weekdays.length > 0) errors.workdays = t.notWeekend(weekdays);
  else if (both.length > 0) errors.workdays = t.both(both);

  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: { holidays: holidays.days, workdays: workdays.days, source }, errors };
}

/** "放假 N 天（其中工作日 K 天），调休上班 M 天" of a checked body. */
export function scheduleSummary(body: ScheduleBody): string {
  const workdays = body.workdays ?? [];
  const weekdayHolidays = body.holidays.filter((day) => !isWeekend(day)).length;
  return calendarTexts.summary(body.holidays.length, weekdayHolidays, workdays.length);
}

export type PastedSchedule = { form: ScheduleForm; error: null } | { form: null; error: string };

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String(item)) : [];
}

/**
 * A pasted schedule as the form's fields: the request body ({holidays, workdays, source}) or the
 * services' schedule file ({"2027": {holidays, workdays, source}}), whose year is the form's if it
 * holds several.
 */
export function scheduleFromJson(text: string, formYear: number | null): PastedSchedule {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    return { form: null, error: t.json };
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return { form: null, error: t.json };
  let year = formYear;
  let schedule = content as Record<string, unknown>;
  if (!('holidays' in schedule)) {
    const years = Object.keys(schedule).filter((key) => /^\d{4}$/.test(key));
    const chosen = years.length === 1 ? years[0] : years.find((key) => Number(key) === formYear);
    if (years.length > 1 && chosen === undefined) return { form: null, error: t.jsonYears(years) };
    const inner = chosen === undefined ? undefined : schedule[chosen];
    if (typeof inner !== 'object' || inner === null) return { form: null, error: t.jsonShape };
    year = Number(chosen);
    schedule = inner as Record<string, unknown>;
  }
  if (!Array.isArray(schedule.holidays)) return { form: null, error: t.jsonShape };
  return {
    form: {
      year,
      source: typeof schedule.source === 'string' ? schedule.source : '',
      holidays: listOf(schedule.holidays).join('\n'),
      workdays: listOf(schedule.workdays).join('\n'),
    },
    error: null,
  };
}
