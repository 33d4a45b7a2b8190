/**
 * The activities service as a recognised station's operator calls it for its activities: its own
 * and co-organised activities, the themed-month plan, scheduling, cancelling, registrations,
 * evidence and completion; and the stations it may invite to co-organise.
 */
import type { components, paths } from '@/api/generated/activities';
import { call } from '@/api/client';
import { activitiesClient } from '../../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type Schemas = components['schemas'];

export type Activity = Schemas['ActivityView'];
export type ActivityIn = Schemas['ActivityIn'];
export type ActivityStatus = Schemas['ActivityStatus'];
export type ActivityType = Schemas['ActivityType'];
export type ThemeMonth = Schemas['ThemeMonthView'];
export type Station = Schemas['StationView'];
export type Registration = Schemas['RegistrationView'];
export type Evidence = Schemas['EvidenceView'];
export type CompleteIn = Schemas['CompleteIn'];
/** What a photo or sign-in sheet is for (the service's `purpose`). */
export type EvidencePurpose = 'photo' | 'sign_in_sheet';

type ActivityQuery = NonNullable<paths['/activities']['get']['parameters']['query']>;

/** The activities the station organises or co-organises, as the service orders them. */
export function stationActivities(stationId: string, status?: ActivityStatus): Promise<Activity[]> {
  const query: ActivityQuery = { station_id: stationId, ...(status ? { status } : {}) };
  return everyPage((offset) =>
    call(() => activitiesClient().GET('/activities', { params: { query: { ...query, limit: PAGE_LIMIT, offset } } })),
  );
}

export function activity(activityId: string): Promise<Activity> {
  return call(() => activitiesClient().GET('/activities/{activity_id}', { params: { path: { activity_id: activityId } } }));
}

export function scheduleActivity(body: ActivityIn): Promise<Activity> {
  return call(() => activitiesClient().POST('/activities', { body }));
}

export function cancelActivity(activityId: string, reason: string): Promise<Activity> {
  return call(() =>
    activitiesClient().POST('/activities/{activity_id}/cancel', {
      params: { path: { activity_id: activityId } },
      body: { reason },
    }),
  );
}

export function completeActivity(activityId: string, body: CompleteIn): Promise<Activity> {
  return call(() =>
    activitiesClient().POST('/activities/{activity_id}/complete', { params: { path: { activity_id: activityId } }, body }),
  );
}

/** The enterprises whose registration was confirmed (contacts included: for the organisers only). */
export function registrations(activityId: string): Promise<Registration[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/activities/{activity_id}/registrations', {
        params: { path: { activity_id: activityId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function evidence(activityId: string): Promise<Evidence[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/activities/{activity_id}/evidence', {
        params: { path: { activity_id: activityId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function addEvidence(activityId: string, purpose: EvidencePurpose, file: File): Promise<Evidence> {
  return call(() =>
    activitiesClient().POST('/activities/{activity_id}/evidence', {
      params: { path: { activity_id: activityId } },
      body: { purpose, file: '' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('purpose', purpose);
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
}

/** One photo or sign-in sheet, fetched with the session's token (a plain link would carry none). */
export function evidenceFile(activityId: string, fileId: string): Promise<Blob> {
  return call(() =>
    activitiesClient().GET('/activities/{activity_id}/evidence/{file_id}', {
      params: { path: { activity_id: activityId, file_id: fileId } },
      parseAs: 'blob',
    }),
  ) as Promise<Blob>;
}

/** The themed-month plan of a year (empty when the head station has published none). */
export function themeMonths(year: number): Promise<ThemeMonth[]> {
  return call(() => activitiesClient().GET('/theme-months/{year}', { params: { path: { year } } }));
}

/** Every station the service knows (active only, unless asked otherwise): to invite and to name. */
export function stations(activeOnly = true): Promise<Station[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/stations', { params: { query: { active_only: activeOnly, limit: PAGE_LIMIT, offset } } }),
    ),
  );
}
