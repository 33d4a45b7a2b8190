import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/problem';
import { formatDeadline, missingCalendarYear, missingForFinalList } from '@/console/bureau/refusals';

describe('what a refusal tells the bureau', () => {
  it('names the calendar year a notice period needs', () => {
    const refused = new ApiError(409, {
      type: 'https://sme.gz.gov.cn/problems/unknown-calendar-year',
      status: 409,
      detail: '2027年的法定节假日和调休安排尚未载入，无法计算工作日 (the official holiday schedule of 2027 is not loaded yet)',
      year: 2027,
      calendar: '/calendar/2027',
    });
    expect(missingCalendarYear(refused)).toBe(2027);
    expect(missingCalendarYear(new ApiError(409, { type: 'about:blank', status: 409, detail: '须先核定入围名单' }))).toBeNull();
    expect(missingCalendarYear(new Error('network'))).toBeNull();
  });

  it('lists what the final list still waits for, in Chinese', () => {
    const refused = new ApiError(409, {
      type: 'about:blank',
      status: 409,
      detail: '暂不能公布最终认定名单',
      missing: ['公示期至 2026年12月07日 结束，尚未期满 (the notice period runs until 2026-12-07)', '尚有 1 件异议未办结 (1 objection(s) not yet resolved)'],
    });
    expect(missingForFinalList(refused)).toEqual(['公示期至 2026年12月07日 结束，尚未期满', '尚有 1 件异议未办结']);
  });

  it('reads a deadline as Guangzhou does, to the second', () => {
    expect(formatDeadline('2027-01-05T23:59:59+08:00')).toBe('2027年1月5日（星期二）23:59:59（北京时间）');
    expect(formatDeadline('2027-01-05T15:59:59Z')).toBe('2027年1月5日（星期二）23:59:59（北京时间）');
  });
});
