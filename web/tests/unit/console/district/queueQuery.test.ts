import { describe, expect, it } from 'vitest';
import { countsQuery, filtersFromRoute, listQuery, roundYearOf, routeQueryOf } from '@/console/district/reviews/queueQuery';

describe('the work queue’s filters in the address', () => {
  it('reads what the address says, ignoring what it cannot mean', () => {
    expect(filtersFromRoute({ year: '2026', kind: 'new', status: 'submitted', q: ' 天河 ', page: '3' })).toEqual({
      year: 2026,
      kind: 'new',
      status: 'submitted',
      q: '天河',
      page: 3,
    });
    expect(filtersFromRoute({ year: 'x', kind: 'other', status: 'draft', page: '-1' })).toEqual({
      year: null,
      kind: null,
      status: null,
      q: '',
      page: 1,
    });
    expect(filtersFromRoute({ year: 'all' }).year).toBe('all');
  });

  it('writes back only what is chosen', () => {
    expect(routeQueryOf({ year: null, kind: null, status: null, q: '', page: 1 })).toEqual({});
    expect(routeQueryOf({ year: 'all', kind: 're_review', status: 'returned', q: 'MA5', page: 2 })).toEqual({
      year: 'all',
      kind: 're_review',
      status: 'returned',
      q: 'MA5',
      page: '2',
    });
  });
});

describe('the registry queries of the work queue', () => {
  const filters = filtersFromRoute({ kind: 'new', status: 'submitted', q: '智汇', page: '2' });

  it('means the newest round until a year is chosen, and no round for every year', () => {
    expect(roundYearOf(filters, 2026)).toBe(2026);
    expect(roundYearOf({ ...filters, year: 2025 }, 2026)).toBe(2025);
    expect(roundYearOf({ ...filters, year: 'all' }, 2026)).toBeNull();
    expect(roundYearOf(filters, null)).toBeNull();
  });

  it('counts with the same filters but the status, over the whole filter', () => {
    expect(countsQuery(filters, 2026)).toEqual({ round_year: 2026, kind: 'new', q: '智汇' });
    expect(countsQuery({ ...filters, year: 'all', q: ' ' }, 2026)).toEqual({ kind: 'new' });
  });

  it('lists one page with the status, and any page for the export', () => {
    expect(listQuery(filters, 2026)).toEqual({
      round_year: 2026,
      kind: 'new',
      q: '智汇',
      status: 'submitted',
      limit: 20,
      offset: 20,
    });
    expect(listQuery(filters, 2026, 200, 400)).toMatchObject({ status: 'submitted', limit: 200, offset: 400 });
  });
});
