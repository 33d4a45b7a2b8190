import { describe, expect, it } from 'vitest';
import { dutyProgress, YEARLY_MINIMUM } from '@/console/station/promotions/progress';

describe('progress towards the yearly promotion minimum (§3.3(3): at least 3 sessions a year)', () => {
  it('is the guideline’s three sessions by default', () => {
    expect(YEARLY_MINIMUM).toBe(3);
    expect(dutyProgress(0)).toEqual({ count: 0, target: 3, met: false, remaining: 3, percent: 0 });
  });

  it('counts up one session at a time and is met at the third', () => {
    expect(dutyProgress(1)).toMatchObject({ met: false, remaining: 2, percent: 33 });
    expect(dutyProgress(2)).toMatchObject({ met: false, remaining: 1, percent: 67 });
    expect(dutyProgress(3)).toMatchObject({ met: true, remaining: 0, percent: 100 });
  });

  it('stays full and met beyond the minimum', () => {
    expect(dutyProgress(5)).toEqual({ count: 5, target: 3, met: true, remaining: 0, percent: 100 });
  });

  it('follows the target the service sends, and never divides by nothing', () => {
    expect(dutyProgress(3, 4)).toMatchObject({ met: false, remaining: 1, percent: 75 });
    expect(dutyProgress(0, 0)).toMatchObject({ target: 1, met: false, remaining: 1 });
    expect(dutyProgress(-2)).toMatchObject({ count: 0, percent: 0 });
  });
});
