import { describe, expect, it } from 'vitest';
import { parseQuarterKey, quarterKey, quarterName, quarterOf, reportableQuarters } from '@/console/station/demands/quarters';

describe('quarters of the demand reports', () => {
  it('places a day in its calendar quarter', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-08')).toEqual({ year: 2026, quarter: 4 });
  });

  it('names a quarter as people write it', () => {
    expect(quarterName({ year: 2026, quarter: 4 })).toBe('2026年第四季度');
    expect(quarterName({ year: 2027, quarter: 1 })).toBe('2027年第一季度');
  });

  it('offers the quarters that have begun, this year’s and last year’s, newest first', () => {
    expect(reportableQuarters('2026-05-20').map(quarterKey)).toEqual([
      '2026-2',
      '2026-1',
      '2025-4',
      '2025-3',
      '2025-2',
      '2025-1',
    ]);
  });

  it('reads a select’s value back, refusing anything else', () => {
    expect(parseQuarterKey('2026-4')).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarterKey('2026-5')).toBeNull();
  });
});
