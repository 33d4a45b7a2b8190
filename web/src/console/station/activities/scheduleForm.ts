/**
 * The schedule form of an activity and the body of POST /activities. Times are entered as
 * Guangzhou wall-clock time ("2026-12-18T14:30:00", whatever the browser's own time zone) and sent
 * as instants at +08:00.
 */
import type { ActivityIn, ActivityType } from './calls';
import { scheduleTexts } from './texts';

export interface ScheduleForm {
  activity_type: ActivityType | '';
  title: string;
  description: string;
  /** '' when the activity belongs to no themed month. */
  theme_month_id: string;
  /** Beijing time, "YYYY-MM-DDTHH:mm:ss" (the date picker's value format); '' when not chosen. */
  starts_at: string;
  ends_at: string;
  venue: string;
  online_link: string;
  capacity: number | null;
  co_organiser_station_ids: string[];
  /** One organisation a line. */
  institutions: string;
}

export const SCHEDULE_FIELDS = [
  'activity_type',
  'title',
  'description',
  'theme_month_id',
  'starts_at',
  'ends_at',
  'venue',
  'online_link',
  'capacity',
  'co_organiser_station_ids',
  'institutions',
] as const;

export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

/** The date picker's value format: wall-clock time, no zone. */
export const LOCAL_TIME_FORMAT = 'YYYY-MM-DDTHH:mm:ss';

export function emptyScheduleForm(): ScheduleForm {
  return {
    activity_type: '',
    title: '',
    description: '',
    theme_month_id: '',
    starts_at: '',
    ends_at: '',
    venue: '',
    online_link: '',
    capacity: null,
    co_organiser_station_ids: [],
    institutions: '',
  };
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-18T14:30" (Beijing time) → "2026-12-18T14:30:00+08:00"; '' for anything else. */
export function shanghaiInstant(local: string): string {
  const match = LOCAL.exec(local.trim());
  if (!match) return '';
  return `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}+08:00`;
}

/** The institutions named, one a line, blank lines and repeats dropped. */
export function institutionsOf(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function scheduleBody(form: ScheduleForm): ActivityIn {
  return {
    activity_type: form.activity_type as ActivityType,
    title: form.title.trim(),
    description: form.description.trim(),
    theme_month_id: form.theme_month_id || null,
    starts_at: shanghaiInstant(form.starts_at),
    ends_at: shanghaiInstant(form.ends_at),
    venue: orNull(form.venue),
    online_link: orNull(form.online_link),
    capacity: form.capacity ?? 0,
    co_organiser_station_ids: [...form.co_organiser_station_ids],
    institutions: institutionsOf(form.institutions),
  };
}

/** What must be put right before the form is sent (the service checks the same again). */
export function scheduleProblems(form: ScheduleForm, now: Date): Partial<Record<ScheduleField, string>> {
  const problems: Partial<Record<ScheduleField, string>> = {};
  const say = scheduleTexts.problems;
  if (!form.activity_type) problems.activity_type = say.type;
  const title = form.title.trim();
  if (title.length < 2 || title.length > 200) problems.title = say.title;
  const starts = shanghaiInstant(form.starts_at);
  const ends = shanghaiInstant(form.ends_at);
  if (!starts) problems.starts_at = say.startsAt;
  else if (Date.parse(starts) <= now.getTime()) problems.starts_at = say.startsInPast;
  if (!ends) problems.ends_at = say.endsAt;
  else if (starts && Date.parse(ends) <= Date.parse(starts)) problems.ends_at = say.endsBeforeStart;
  const link = form.online_link.trim();
  if (!form.venue.trim() && !link) problems.venue = say.place;
  if (link && !/^https?:\/\//.test(link)) problems.online_link = say.onlineLink;
  const capacity = form.capacity;
  if (capacity === null || !Number.isInteger(capacity) || capacity < 1 || capacity > 100000) {
    problems.capacity = say.capacity;
  }
  if (institutionsOf(form.institutions).some((name) => name.length < 2 || name.length > 200)) {
    problems.institutions = say.institution;
  }
  return problems;
}
