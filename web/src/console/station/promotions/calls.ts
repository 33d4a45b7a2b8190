/** The activities service as a station's operator calls it for the promotion duty (§3.3(3)). */
import type { components } from '@/api/generated/activities';
import { call } from '@/api/client';
import { activitiesClient } from '../../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type Schemas = components['schemas'];

export type SessionIn = Schemas['SessionIn'];
export type Session = Schemas['SessionView'];
export type Recorded = Schemas['RecordedView'];
export type PromotionSubject = Schemas['PromotionSubject'];
export type Progress = Schemas['sme_activities__entrypoints__http_promotion__ProgressView'];

export function recordSession(body: SessionIn): Promise<Recorded> {
  return call(() => activitiesClient().POST('/promotions', { body }));
}

/** The station's own count of a year against the target; null when the service knows no such station. */
export async function ownProgress(year: number): Promise<Progress | null> {
  const page = await call(() => activitiesClient().GET('/promotions/progress', { params: { query: { year } } }));
  return page.items[0] ?? null;
}

/** The station's sessions of a year, as the service orders them. */
export function sessionsOf(stationId: string, year: number): Promise<Session[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/promotions/stations/{station_id}', {
        params: { path: { station_id: stationId }, query: { year, limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}
