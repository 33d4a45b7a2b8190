/** The activities service's public calls: themed months, activities, registrations, service requests. */
import type { components, paths } from './generated/activities';
import { call, serviceClient } from './client';
import { everyPage, PAGE_LIMIT } from './paging';

type Schemas = components['schemas'];

export type Activity = Schemas['ActivityView'];
export type ActivityType = Schemas['ActivityType'];
export type ActivityStatus = Schemas['ActivityStatus'];
/** The calendar's filters; the pages are this module's business. */
export type ActivityQuery = Omit<NonNullable<paths['/activities']['get']['parameters']['query']>, 'limit' | 'offset'>;
export type ThemeMonth = Schemas['ThemeMonthView'];
export type ThemeKind = Schemas['ThemeKind'];
export type Registration = Schemas['RegistrationIn'];
export type RegistrationReceipt = Schemas['RegistrationReceipt'];
export type ServiceRequest = Schemas['RequestIn'];
export type ServiceRequestReceipt = Schemas['AcceptedView'];
export type ServiceRequestProgress =
  Schemas['sme_activities__entrypoints__http_service_requests__ProgressView'];
export type RequestStatus = Schemas['RequestStatus'];
export type Assignment = Schemas['Assignment'];
export type ServiceCategory = Schemas['ServiceCategory'];
/** Where a one-time confirmation code went, and what may still be done with it. */
export type CodeSent = Schemas['CodeSent'];

const client = serviceClient<paths>('activities');

/** Every activity matching the filters, earliest first (the calendar shows them all). */
export function findActivities(query: ActivityQuery): Promise<Activity[]> {
  return everyPage((offset) =>
    call(() => client.GET('/activities', { params: { query: { ...query, limit: PAGE_LIMIT, offset } } })),
  );
}

export function getActivity(activityId: string): Promise<Activity> {
  return call(() =>
    client.GET('/activities/{activity_id}', { params: { path: { activity_id: activityId } } }),
  );
}

export function register(activityId: string, registration: Registration): Promise<RegistrationReceipt> {
  return call(() =>
    client.POST('/activities/{activity_id}/registrations', {
      params: { path: { activity_id: activityId } },
      body: registration,
    }),
  );
}

/** The registration counts once its contact enters the code sent to them. */
export function confirmRegistration(activityId: string, registrationId: string, code: string): Promise<RegistrationReceipt> {
  return call(() =>
    client.POST('/activities/{activity_id}/registrations/{registration_id}/confirm', {
      params: { path: { activity_id: activityId, registration_id: registrationId } },
      body: { code },
    }),
  );
}

export function resendRegistrationCode(activityId: string, registrationId: string): Promise<CodeSent> {
  return call(() =>
    client.POST('/activities/{activity_id}/registrations/{registration_id}/resend', {
      params: { path: { activity_id: activityId, registration_id: registrationId } },
    }),
  );
}

/** The themed-month plan of a year (empty when none is published). */
export function themeMonths(year: number): Promise<ThemeMonth[]> {
  return call(() => client.GET('/theme-months/{year}', { params: { path: { year } } }));
}

export function fileServiceRequest(request: ServiceRequest): Promise<ServiceRequestReceipt> {
  return call(() => client.POST('/service-requests', { body: request }));
}

export function followServiceRequest(requestId: string, uscc: string): Promise<ServiceRequestProgress> {
  return call(() =>
    client.GET('/service-requests/{request_id}/progress', {
      params: { path: { request_id: requestId }, query: { uscc } },
    }),
  );
}

/** The request reaches a station once its contact enters the code sent to them. */
export function confirmServiceRequest(requestId: string, code: string): Promise<ServiceRequestReceipt> {
  return call(() =>
    client.POST('/service-requests/{request_id}/confirm', {
      params: { path: { request_id: requestId } },
      body: { code },
    }),
  );
}

export function resendServiceRequestCode(requestId: string): Promise<CodeSent> {
  return call(() =>
    client.POST('/service-requests/{request_id}/resend', { params: { path: { request_id: requestId } } }),
  );
}
