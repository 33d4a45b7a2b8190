/**
 * Trainings of station staff (§3.3(2): the head station "定期组织各服务站工作人员开展培训"): the form
 * that records a held training with each staff member's attendance, and each station's attendance
 * over a year, including the stations none of whose staff attended.
 */
import type { AttendeeIn, Station, Training, TrainingIn } from './programmeCalls';
import { programmeTexts } from './programmeTexts';

export interface AttendeeRow {
  station_id: string;
  staff_name: string;
  position: string;
  attended: boolean;
}

export interface TrainingForm {
  title: string;
  content: string;
  /** "YYYY-MM-DD" */
  held_on: string;
  venue: string;
  attendees: AttendeeRow[];
}

export const emptyAttendee = (): AttendeeRow => ({ station_id: '', staff_name: '', position: '', attended: true });

export function emptyTrainingForm(): TrainingForm {
  return { title: '', content: '', held_on: '', venue: '', attendees: [emptyAttendee()] };
}

export const attendeeField = (index: number, part: 'station_id' | 'staff_name' | 'position') =>
  `attendees.${index}.${part}`;

export function trainingFields(form: TrainingForm): string[] {
  return [
    'title',
    'held_on',
    'venue',
    'content',
    'attendees',
    ...form.attendees.flatMap((_, i) => [attendeeField(i, 'station_id'), attendeeField(i, 'staff_name'), attendeeField(i, 'position')]),
  ];
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function trainingBody(form: TrainingForm): TrainingIn {
  return {
    title: form.title.trim(),
    content: form.content.trim(),
    held_on: form.held_on,
    venue: orNull(form.venue),
    attendees: form.attendees.map(
      (a): AttendeeIn => ({ station_id: a.station_id, staff_name: a.staff_name.trim(), position: orNull(a.position), attended: a.attended }),
    ),
  };
}

/** What must be put right first; `today` is Guangzhou's "YYYY-MM-DD" (a training is recorded once held). */
export function trainingProblems(form: TrainingForm, today: string): Record<string, string> {
  const say = programmeTexts.trainings.problems;
  const problems: Record<string, string> = {};
  const title = form.title.trim().length;
  if (title < 2 || title > 200) problems.title = say.title;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.held_on)) problems.held_on = say.heldOn;
  else if (form.held_on > today) problems.held_on = say.heldInFuture;
  if (form.venue.trim().length > 300) problems.venue = say.venue;
  if (form.content.trim().length > 5000) problems.content = say.content;
  if (form.attendees.length === 0) problems.attendees = say.attendees;
  form.attendees.forEach((a, i) => {
    if (!a.station_id) problems[attendeeField(i, 'station_id')] = say.station(i + 1);
    const name = a.staff_name.trim().length;
    if (name < 2 || name > 100) problems[attendeeField(i, 'staff_name')] = say.staffName(i + 1);
    if (a.position.trim().length > 100) problems[attendeeField(i, 'position')] = say.position(i + 1);
  });
  return problems;
}

export interface StationAttendance {
  station: Station;
  /** Staff who attended, over the year's trainings. */
  attended: number;
  /** Invited staff who did not attend. */
  absent: number;
  /** Trainings at least one of the station's staff attended. */
  trainings: number;
  /** The last day one of its staff attended a training; null when none did. */
  lastAttended: string | null;
}

/**
 * Each station's attendance over the trainings given; stations whose staff attended none come
 * first (the ones to follow up), then by district and name.
 */
export function stationAttendance(stations: readonly Station[], trainings: readonly Training[]): StationAttendance[] {
  const rows = stations.map((station): StationAttendance => {
    let attended = 0;
    let absent = 0;
    let attendedTrainings = 0;
    let lastAttended: string | null = null;
    for (const training of trainings) {
      const own = training.attendees.filter((a) => a.station_id === station.id);
      const came = own.filter((a) => a.attended).length;
      attended += came;
      absent += own.length - came;
      if (came > 0) {
        attendedTrainings += 1;
        if (lastAttended === null || training.held_on > lastAttended) lastAttended = training.held_on;
      }
    }
    return { station, attended, absent, trainings: attendedTrainings, lastAttended };
  });
  return rows.sort(
    (a, b) =>
      Number(a.trainings > 0) - Number(b.trainings > 0) ||
      a.station.district_code.localeCompare(b.station.district_code) ||
      a.station.name.localeCompare(b.station.name, 'zh-CN'),
  );
}

/** Per training: how many stations sent someone who attended, and which invited stations had nobody there. */
export function trainingStations(training: Training): { present: string[]; missing: string[] } {
  const invited = [...new Set(training.attendees.map((a) => a.station_id))];
  const present = invited.filter((id) => training.attendees.some((a) => a.station_id === id && a.attended));
  return { present, missing: invited.filter((id) => !present.includes(id)) };
}
