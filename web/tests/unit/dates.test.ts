import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dateInShanghai,
  formatDate,
  formatDateTime,
  formatDateWithWeekday,
  formatMonth,
  formatTimeRange,
  isPast,
  monthInShanghai,
  parseIsoDate,
  todayInShanghai,
  yearInShanghai,
} from '@/dates';

// The browser may be anywhere: run as if it were in Los Angeles, 15 or 16 hours behind Guangzhou.
let zone: string | undefined;
beforeAll(() => {
  zone = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = zone;
});

describe('date-only values (a day in Guangzhou)', () => {
  it('are written as the day they name, whatever the browser’s time zone', () => {
    expect(new Date('2026-10-09').getDate()).toBe(8); // what the browser would do
    expect(formatDate('2026-10-09')).toBe('2026年10月9日');
    expect(formatDate('2027-01-01')).toBe('2027年1月1日');
  });

  it('carry their weekday', () => {
    expect(formatDateWithWeekday('2026-10-09')).toBe('2026年10月9日（星期五）');
  });

  it('are refused when they are no real day', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(null)).toBe('');
  });
});

describe('instants', () => {
  it('are shown in Beijing time', () => {
    expect(formatDateTime('2026-10-09T15:59:59Z')).toBe('2026年10月9日 23:59');
    expect(formatDateTime('2026-10-09T23:59:59+08:00')).toBe('2026年10月9日 23:59');
    expect(formatDateTime('2026-10-09T16:00:00Z')).toBe('2026年10月10日 00:00');
  });

  it('fall on the Guangzhou day, month and year', () => {
    const evening = new Date('2026-12-31T16:30:00Z'); // 1 January 2027, 00:30 in Guangzhou
    expect(dateInShanghai(evening)).toBe('2027-01-01');
    expect(todayInShanghai(evening)).toBe('2027-01-01');
    expect(yearInShanghai(evening)).toBe(2027);
    expect(monthInShanghai('2027-02-28T17:00:00Z')).toBe('2027-03');
  });

  it('make an activity’s time range, one day or several', () => {
    expect(formatTimeRange('2027-03-05T06:00:00Z', '2027-03-05T08:30:00Z')).toBe('2027年3月5日 14:00–16:30');
    expect(formatTimeRange('2027-03-05T06:00:00Z', '2027-03-06T08:30:00Z')).toBe('2027年3月5日 14:00 至 2027年3月6日 16:30');
  });

  it('are compared with a given now', () => {
    const now = new Date('2027-03-05T06:00:00Z');
    expect(isPast('2027-03-05T05:59:59Z', now)).toBe(true);
    expect(isPast('2027-03-05T14:00:01+08:00', now)).toBe(false);
  });

  it('name a month in Chinese', () => {
    expect(formatMonth('2027-03')).toBe('2027年3月');
  });
});
