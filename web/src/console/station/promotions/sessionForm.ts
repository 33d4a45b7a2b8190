/** The form of a promotion session and the body of POST /promotions. */
import type { PromotionSubject, SessionIn } from './calls';
import { promotionsTexts } from './texts';

export interface SessionForm {
  /** "YYYY-MM-DD", the day it was held (Guangzhou). */
  held_on: string;
  subjects: PromotionSubject[];
  /** '' when it was not held with one of the station's themed-month activities. */
  activity_id: string;
  venue: string;
  audience_count: number | null;
  notes: string;
}

export const SESSION_FIELDS = ['held_on', 'audience_count', 'subjects', 'activity_id', 'venue', 'notes'] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];

export function emptySessionForm(): SessionForm {
  return { held_on: '', subjects: ['sme_service_platform', 'suixiaoxin'], activity_id: '', venue: '', audience_count: null, notes: '' };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function sessionBody(form: SessionForm, stationId: string): SessionIn {
  return {
    station_id: stationId,
    held_on: form.held_on,
    subjects: [...new Set(form.subjects)],
    activity_id: form.activity_id || null,
    venue: orNull(form.venue),
    audience_count: form.audience_count ?? 0,
    notes: orNull(form.notes),
  };
}

/** What must be put right before it is sent; `today` is Guangzhou's "YYYY-MM-DD". */
export function sessionProblems(form: SessionForm, today: string): Partial<Record<SessionField, string>> {
  const say = promotionsTexts.problems;
  const problems: Partial<Record<SessionField, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.held_on)) problems.held_on = say.heldOn;
  else if (form.held_on > today) problems.held_on = say.heldInFuture;
  if (form.subjects.length === 0) problems.subjects = say.subjects;
  const audience = form.audience_count;
  if (audience === null || !Number.isInteger(audience) || audience < 0 || audience > 100000) {
    problems.audience_count = say.audience;
  }
  if (form.venue.trim().length > 300) problems.venue = say.venue;
  if (form.notes.trim().length > 2000) problems.notes = say.notes;
  return problems;
}
