/**
 * The activities service as the head station calls it for the programme's work: the themed-month
 * plan of a year and every station's activities in it, staff trainings with attendance, the
 * city-wide queue of service requests, and every station's promotion duty.
 */
import type { components, paths } from '@/api/generated/activities';
import { call } from '@/api/client';
import { everyPage, PAGE_LIMIT, type Page } from '@/api/paging';
import { activitiesClient } from '../api';

type Schemas = components['schemas'];

export type ThemeMonth = Schemas['ThemeMonthView'];
export type MonthIn = Schemas['MonthIn'];
export type ThemeKind = Schemas['ThemeKind'];
export type Activity = Schemas['ActivityView'];
export type Station = Schemas['StationView'];
export type Training = Schemas['TrainingView'];
export type TrainingIn = Schemas['TrainingIn'];
export type AttendeeIn = Schemas['AttendeeIn'];
export type ServiceRequest = Schemas['RequestView'];
export type RequestStatus = Schemas['RequestStatus'];
export type MatchIn = Schemas['MatchIn'];
export type CloseIn = Schemas['CloseIn'];
export type RouteIn = Schemas['RouteIn'];
export type StationProgress = Schemas['sme_activities__entrypoints__http_promotion__ProgressView'];

export function themeMonths(year: number): Promise<ThemeMonth[]> {
  return call(() => activitiesClient().GET('/theme-months/{year}', { params: { path: { year } } }));
}

/** Publishes or revises the months given; months not given stay as they are. */
export function planYear(year: number, months: MonthIn[]): Promise<ThemeMonth[]> {
  return call(() => activitiesClient().PUT('/theme-months/{year}', { params: { path: { year } }, body: { months } }));
}

/** Every station's activities of a themed month (organised by a station or by the head station). */
export function activitiesOfMonth(themeMonthId: string): Promise<Activity[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/activities', {
        params: { query: { theme_month_id: themeMonthId, limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

/** Every station the service knows from the register (active or not: older records name them too). */
export function stations(activeOnly = false): Promise<Station[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/stations', { params: { query: { active_only: activeOnly, limit: PAGE_LIMIT, offset } } }),
    ),
  );
}

export function trainings(year: number): Promise<Training[]> {
  return everyPage((offset) =>
    call(() => activitiesClient().GET('/trainings', { params: { query: { year, limit: PAGE_LIMIT, offset } } })),
  );
}

export function recordTraining(body: TrainingIn): Promise<Training> {
  return call(() => activitiesClient().POST('/trainings', { body }));
}

export type RequestQuery = NonNullable<paths['/service-requests']['get']['parameters']['query']>;

/** One page of the city-wide queue with the filters given. */
export function requestPage(query: RequestQuery): Promise<Page<ServiceRequest>> {
  return call(() => activitiesClient().GET('/service-requests', { params: { query } }));
}

/** Every request the filters match (the queue is ordered on the page: escalations first). */
export function requests(filters: Omit<RequestQuery, 'limit' | 'offset'>): Promise<ServiceRequest[]> {
  return everyPage((offset) => requestPage({ ...filters, limit: PAGE_LIMIT, offset }));
}

export function serviceRequest(requestId: string): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().GET('/service-requests/{request_id}', { params: { path: { request_id: requestId } } }),
  );
}

/** The head station takes over an escalated (or unassigned) request. */
export function takeOver(requestId: string): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/accept', { params: { path: { request_id: requestId } } }),
  );
}

/** Route (转派) a request the head station holds to an active station, with the reason; the station is told. */
export function routeRequest(requestId: string, body: RouteIn): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/route', { params: { path: { request_id: requestId } }, body }),
  );
}

export function matchRequest(requestId: string, body: MatchIn): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/match', { params: { path: { request_id: requestId } }, body }),
  );
}

export function closeRequest(requestId: string, body: CloseIn): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/close', { params: { path: { request_id: requestId } }, body }),
  );
}

/** Every station's promotion sessions of a year against the service's target. */
export function promotionProgress(year: number, districtCode?: string): Promise<StationProgress[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/promotions/progress', {
        params: { query: { year, ...(districtCode ? { district_code: districtCode } : {}), limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}
