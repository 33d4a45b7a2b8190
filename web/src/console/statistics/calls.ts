/**
 * What the dashboard reads from the services, as the signed-in official: the same lists and counts
 * the other pages show, so that each figure adds up to them.
 */
import { ApiError } from '@/api/problem';
import { call } from '@/api/client';
import { everyPage, PAGE_LIMIT } from '@/api/paging';
import { DISTRICTS } from '@/labels';
import { activitiesClient, assessmentClient, registryClient, reviewClient } from '../api';
import type { AssessmentLine, DistrictCounts, PromotionLine, RequestLine } from './figures';

/** The years of the application rounds, newest first. */
export async function roundYears(): Promise<number[]> {
  const rounds = await everyPage((offset) =>
    call(() => registryClient().GET('/rounds', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
  return [...new Set(rounds.map((round) => round.year))].sort((a, b) => b - a);
}

/** Each district's applications of the round by status (registry counts them as its lists show them). */
export function applicationCounts(year: number): Promise<DistrictCounts[]> {
  return Promise.all(
    DISTRICTS.map(async ({ code }) => {
      const counts = await call(() =>
        registryClient().GET('/applications/counts', { params: { query: { round_year: year, district_code: code } } }),
      );
      return { districtCode: code, byStatus: counts.by_status };
    }),
  );
}

/** The review round's cases by status, or none when the round has no review yet. */
export async function reviewCases(year: number): Promise<Record<string, number>> {
  try {
    const round = await call(() => reviewClient().GET('/rounds/{year}', { params: { path: { year } } }));
    return round.cases_by_status as Record<string, number>;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return {};
    throw failure;
  }
}

export function registerStations(): Promise<Array<{ district_code: string; status: 'active' | 'expired' | 'revoked' }>> {
  return everyPage((offset) =>
    call(() => registryClient().GET('/stations', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

export function promotionProgress(year: number): Promise<PromotionLine[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/promotions/progress', { params: { query: { year, limit: PAGE_LIMIT, offset } } }),
    ),
  );
}

/** The published results of the year's cycle by district; none before the year has a cycle. */
export async function assessmentResults(year: number): Promise<AssessmentLine[]> {
  try {
    return await call(() => assessmentClient().GET('/reports/results-by-district', { params: { query: { year } } }));
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return [];
    throw failure;
  }
}

export function serviceRequests(): Promise<RequestLine[]> {
  return everyPage((offset) =>
    call(() => activitiesClient().GET('/service-requests', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}
