/** The columns of the district's demand reports and service requests: on screen and in the exports. */
import { ASSIGNMENT_LABELS, labelOf, REQUEST_STATUS_LABELS, SERVICE_CATEGORY_LABELS } from '@/labels';
import { dateColumn, dateTimeColumn, numberColumn, textColumn, type Column } from '../../export/columns';
import type { DemandReport, ServiceRequest } from '../calls';
import { demandsTexts } from '../texts';

const r = demandsTexts.reportColumns;
const q = demandsTexts.requestColumns;

/** A station's name by its id (the district's stations); the id itself when it is not known. */
export type StationNames = ReadonlyMap<string, string>;

export function reportColumns(names: StationNames): readonly Column<DemandReport>[] {
  return [
    textColumn('station', r.station, (d) => names.get(d.station_id) ?? d.station_id, { minWidth: 220, sheetWidth: 36 }),
    textColumn('period', r.period, (d) => demandsTexts.periodOf(d.year, d.quarter), { minWidth: 140 }),
    numberColumn('surveyed', r.surveyed, (d) => d.enterprises_surveyed, { minWidth: 110 }),
    textColumn(
      'needs',
      r.needs,
      (d) => d.needs.map((n) => demandsTexts.needOf(labelOf(SERVICE_CATEGORY_LABELS, n.category), n.enterprises)).join('、'),
      { minWidth: 260, sheetWidth: 48 },
    ),
    textColumn('industries', r.industries, (d) => d.industries.map((i) => i.industry).join('、'), { minWidth: 180, sheetWidth: 30 }),
    dateTimeColumn('submitted', r.submitted, (d) => d.submitted_at, { minWidth: 170 }),
    textColumn('revision', r.revision, (d) => demandsTexts.revisionOf(d.revision), { minWidth: 100 }),
  ];
}

export type Timeliness = keyof typeof demandsTexts.timeliness;

/** Whether the request was (or is being) accepted within its deadline, as of `today`. */
export function timeliness(request: ServiceRequest, today: string): Timeliness {
  if (request.accepted_at) return request.accepted_late ? 'late' : 'onTime';
  if (request.status !== 'received') return 'onTime';
  if (!request.acceptance_due_on) return request.acceptance_due_waits_for_year ? 'waiting' : 'pending';
  return request.acceptance_due_on < today ? 'overdue' : 'pending';
}

export function requestColumns(names: StationNames, today: string): readonly Column<ServiceRequest>[] {
  return [
    textColumn('company', q.company, (s) => s.company_name, { minWidth: 220, sheetWidth: 36 }),
    textColumn('category', q.category, (s) => (s.category ? labelOf(SERVICE_CATEGORY_LABELS, s.category) : demandsTexts.personalised), {
      minWidth: 140,
    }),
    textColumn(
      'station',
      q.station,
      (s) =>
        s.by_head_station || s.escalated
          ? demandsTexts.headStation
          : s.station_id
            ? (names.get(s.station_id) ?? s.station_id)
            : demandsTexts.unassigned,
      { minWidth: 220, sheetWidth: 36 },
    ),
    textColumn('assignment', q.assignment, (s) => labelOf(ASSIGNMENT_LABELS, s.assignment), { minWidth: 190, sheetWidth: 28 }),
    textColumn('status', q.status, (s) => labelOf(REQUEST_STATUS_LABELS, s.status), { minWidth: 100 }),
    dateTimeColumn('received', q.received, (s) => s.received_at, { minWidth: 170 }),
    dateColumn('due', q.due, (s) => s.acceptance_due_on, { minWidth: 130 }),
    dateTimeColumn('accepted', q.accepted, (s) => s.accepted_at, { minWidth: 170 }),
    textColumn('timeliness', q.timeliness, (s) => demandsTexts.timeliness[timeliness(s, today)], { minWidth: 120 }),
    dateTimeColumn('closed', q.closed, (s) => s.closed_at, { minWidth: 170 }),
  ];
}
