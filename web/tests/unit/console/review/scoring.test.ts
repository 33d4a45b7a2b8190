import { describe, expect, it } from 'vitest';
import { formatHundredths, formatScore, isMark, sheetTotal, weightSum } from '@/console/expert/scoring';

// The round's default criteria (services/review domain/scoring.py DEFAULT_CRITERIA).
const DEFAULT = [
  { code: 'premises', weight: 15 },
  { code: 'staff', weight: 15 },
  { code: 'service_capability', weight: 25 },
  { code: 'experience', weight: 20 },
  { code: 'management_system', weight: 15 },
  { code: 'influence', weight: 10 },
];

describe('the weighted total of a score sheet', () => {
  it('is the sum of mark × weight ÷ 100, exactly as the service computes it', () => {
    const marks = { premises: 85, staff: 90, service_capability: 88, experience: 80, management_system: 75, influence: 70 };
    const total = sheetTotal(DEFAULT, marks);
    // 12.75 + 13.5 + 22 + 16 + 11.25 + 7 = 82.5 (the service's integration tests say 82.5 too)
    expect(total).toEqual({ hundredths: 8250, marked: 6, of: 6, complete: true });
    expect(formatHundredths(total.hundredths)).toBe('82.50');
  });

  it('keeps two decimals without floating-point loss', () => {
    const criteria = [
      { code: 'premises', weight: 40 },
      { code: 'staff', weight: 60 },
    ];
    expect(formatHundredths(sheetTotal(criteria, { premises: 80, staff: 91 }).hundredths)).toBe('86.60');
    expect(formatHundredths(sheetTotal(DEFAULT, Object.fromEntries(DEFAULT.map((c) => [c.code, 100]))).hundredths)).toBe(
      '100.00',
    );
    expect(formatHundredths(sheetTotal(DEFAULT, Object.fromEntries(DEFAULT.map((c) => [c.code, 0]))).hundredths)).toBe('0.00');
  });

  it('counts only the valid marks typed so far and says the sheet is incomplete', () => {
    const total = sheetTotal(DEFAULT, { premises: 80, staff: null, service_capability: 101, experience: 7.5, influence: 60 });
    expect(total).toEqual({ hundredths: 80 * 15 + 60 * 10, marked: 2, of: 6, complete: false });
  });

  it('accepts whole marks from 0 to 100 only', () => {
    expect([0, 1, 100].every(isMark)).toBe(true);
    expect([-1, 101, 50.5, Number.NaN, null, undefined, '80'].some(isMark)).toBe(false);
  });

  it('shows the service’s scores to two decimals', () => {
    expect(formatScore(84.25)).toBe('84.25');
    expect(formatScore(82.5)).toBe('82.50');
    expect(formatScore(77.24)).toBe('77.24');
    expect(formatScore(null)).toBe('');
  });

  it('adds the weights, ignoring blanks, to tell whether they make 100', () => {
    expect(weightSum(DEFAULT)).toBe(100);
    expect(weightSum([{ weight: 60 }, { weight: null }, { weight: 30 }])).toBe(90);
  });
});
