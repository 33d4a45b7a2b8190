/** What a station may do with an activity now: it manages those it organises; it co-organises others. */
import type { Activity } from './calls';

export type StationRole = 'organiser' | 'co_organiser';

/** The station's part in the activity; null when it takes no part. */
export function roleOf(activity: Activity, stationId: string): StationRole | null {
  if (activity.organiser_station_id === stationId) return 'organiser';
  return activity.co_organiser_station_ids.includes(stationId) ? 'co_organiser' : null;
}

export function hasStarted(activity: Activity, now: Date): boolean {
  return Date.parse(activity.starts_at) <= now.getTime();
}

/** The organiser calls off a scheduled activity until it has ended. */
export function canCancel(activity: Activity, stationId: string, now: Date): boolean {
  return (
    roleOf(activity, stationId) === 'organiser' &&
    activity.status === 'scheduled' &&
    now.getTime() < Date.parse(activity.ends_at)
  );
}

/** Photos and sign-in sheets are kept once the activity has started, until it is completed. */
export function canAddEvidence(activity: Activity, stationId: string, now: Date): boolean {
  return roleOf(activity, stationId) === 'organiser' && activity.status === 'scheduled' && hasStarted(activity, now);
}

/** Completed once started, with at least one photo or sign-in sheet kept. */
export function canComplete(activity: Activity, stationId: string, now: Date, evidenceCount: number): boolean {
  return canAddEvidence(activity, stationId, now) && evidenceCount > 0;
}
