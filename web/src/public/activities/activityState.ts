import type { Activity } from '@/api/activities';
import { isPast } from '@/dates';
import { activityStateTexts } from './texts';

export type ActivityState = keyof typeof activityStateTexts;

/** Where an activity stands now: open for registration, full, under way, over, cancelled or held. */
export function activityState(activity: Activity, now: Date = new Date()): ActivityState {
  if (activity.status === 'cancelled') return 'cancelled';
  if (activity.status === 'completed') return 'completed';
  if (isPast(activity.ends_at, now)) return 'over';
  if (isPast(activity.starts_at, now)) return 'started';
  return activity.places_left > 0 ? 'open' : 'full';
}

export const STATE_TONES: Record<ActivityState, 'blue' | 'green' | 'red' | 'grey' | 'yellow'> = {
  open: 'green',
  full: 'yellow',
  started: 'blue',
  over: 'grey',
  cancelled: 'red',
  completed: 'grey',
};
