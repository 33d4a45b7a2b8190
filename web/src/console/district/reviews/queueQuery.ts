/**
 * The work queue's filters as the address holds them (?year=2026&kind=new&status=submitted&q=…&page=2),
 * and the registry queries they make: one page of the list, the counts per status (same filters,
 * every status), and every row for the export.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { ApplicationKind, ApplicationQuery, ApplicationStatus, CountsQuery } from '../calls';

export const QUEUE_PAGE_SIZE = 20;

const KINDS: readonly ApplicationKind[] = ['new', 're_review'];
const STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'returned',
  'rejected',
  'forwarded',
  'recognised',
  'declined',
];

export interface QueueFilters {
  /** The round; 'all' for every year; null: not chosen yet (the newest round is meant). */
  year: number | 'all' | null;
  kind: ApplicationKind | null;
  status: ApplicationStatus | null;
  /** Part of the entity's name or USCC. */
  q: string;
  page: number;
}

function first(value: LocationQuery[string] | undefined): string {
  const found = Array.isArray(value) ? value[0] : value;
  return typeof found === 'string' ? found : '';
}

export function filtersFromRoute(query: LocationQuery): QueueFilters {
  const year = first(query.year);
  const kind = first(query.kind);
  const status = first(query.status);
  const page = Number.parseInt(first(query.page), 10);
  return {
    year: year === 'all' ? 'all' : /^\d{4}$/.test(year) ? Number(year) : null,
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as ApplicationKind) : null,
    status: (STATUSES as readonly string[]).includes(status) ? (status as ApplicationStatus) : null,
    q: first(query.q).trim(),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The address's query for these filters: what is not chosen is left out. */
export function routeQueryOf(filters: QueueFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.year !== null) query.year = String(filters.year);
  if (filters.kind) query.kind = filters.kind;
  if (filters.status) query.status = filters.status;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.page > 1) query.page = String(filters.page);
  return query;
}

/** The round the filters mean: the chosen year, or the newest round when none is chosen. */
export function roundYearOf(filters: QueueFilters, newestRound: number | null): number | null {
  if (filters.year === 'all') return null;
  return filters.year ?? newestRound;
}

/** The filters every query shares (the counts take no status). */
export function countsQuery(filters: QueueFilters, newestRound: number | null): CountsQuery {
  const query: CountsQuery = {};
  const year = roundYearOf(filters, newestRound);
  if (year !== null) query.round_year = year;
  if (filters.kind) query.kind = filters.kind;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** One page of the list, as the screen shows it. */
export function listQuery(
  filters: QueueFilters,
  newestRound: number | null,
  limit = QUEUE_PAGE_SIZE,
  offset = (filters.page - 1) * QUEUE_PAGE_SIZE,
): ApplicationQuery {
  return { ...countsQuery(filters, newestRound), ...(filters.status ? { status: filters.status } : {}), limit, offset };
}
