/** The assessment lists' columns, on screen and in their Excel export (one definition each). */
import { districtName, labelOf, RECTIFICATION_STATUS_LABELS, CASE_STATUS_LABELS } from '@/labels';
import { dateColumn, dateTimeColumn, numberColumn, textColumn, type Column } from '../export/columns';
import type { Case, Rectification, Result, RiskLine } from './calls';
import { deadlineOf, deadlineText, gradeOf, ORIGIN_LABELS } from './rules';
import { cycleTexts, rectificationTexts, revocationTexts, riskTexts } from './texts';

const stationName = (row: { station_name?: string | null; station_id: string }) => row.station_name ?? row.station_id;

export function resultColumns(): readonly Column<Result>[] {
  const c = cycleTexts.columns;
  return [
    textColumn('station', c.station, stationName, { minWidth: 220, sheetWidth: 36 }),
    textColumn('district', c.district, (r) => districtName(r.district_code), { minWidth: 90 }),
    numberColumn('total', c.total, (r) => r.total, { minWidth: 80 }),
    textColumn('grade', c.grade, (r) => gradeOf(r).label, { minWidth: 130 }),
    textColumn('rectification', c.rectification, (r) => labelOf(RECTIFICATION_STATUS_LABELS, r.rectification_status), {
      minWidth: 150,
    }),
    textColumn('published', c.published, (r) => (r.published ? cycleTexts.isPublished : cycleTexts.notPublished), {
      minWidth: 90,
    }),
  ];
}

export function rectificationColumns(today: string, names: ReadonlyMap<string, string>): readonly Column<Rectification>[] {
  const c = rectificationTexts.columns;
  return [
    textColumn('station', c.station, (r) => names.get(r.station_id) ?? r.station_id, { minWidth: 200, sheetWidth: 36 }),
    textColumn('district', c.district, (r) => districtName(r.district_code), { minWidth: 90 }),
    textColumn('year', c.year, (r) => rectificationTexts.year(r.year), { minWidth: 90 }),
    numberColumn('total', c.total, (r) => r.total, { minWidth: 90 }),
    dateColumn('dueOn', c.dueOn, (r) => r.due_on, { minWidth: 150 }),
    textColumn('deadline', c.deadline, (r) => deadlineText(deadlineOf(r, today)), { minWidth: 110 }),
    textColumn('status', c.status, (r) => labelOf(RECTIFICATION_STATUS_LABELS, r.status), { minWidth: 150 }),
  ];
}

export function caseColumns(): readonly Column<Case>[] {
  const c = revocationTexts.columns;
  return [
    textColumn('station', c.station, stationName, { minWidth: 200, sheetWidth: 36 }),
    textColumn('district', c.district, (r) => districtName(r.district_code), { minWidth: 90 }),
    textColumn('ground', c.ground, (r) => revocationTexts.groundShort(r.ground), { minWidth: 90 }),
    textColumn('origin', c.origin, (r) => ORIGIN_LABELS[r.origin], { minWidth: 150 }),
    textColumn('status', c.status, (r) => labelOf(CASE_STATUS_LABELS, r.status), { minWidth: 160 }),
    dateTimeColumn('proposedAt', c.proposedAt, (r) => r.proposed_at, { minWidth: 150 }),
    dateColumn('decidedOn', c.decidedOn, (r) => r.decided_on, { minWidth: 120 }),
  ];
}

export function riskColumns(): readonly Column<RiskLine>[] {
  const c = riskTexts.columns;
  return [
    textColumn('station', c.station, (r) => r.station_name, { minWidth: 200, sheetWidth: 36 }),
    textColumn('district', c.district, (r) => districtName(r.district_code), { minWidth: 90 }),
    numberColumn('promotions', c.promotions, (r) => r.promotion_sessions, { minWidth: 90 }),
    textColumn('reasons', c.reasons, (r) => r.reasons_text.join('；'), { minWidth: 260, sheetWidth: 50 }),
  ];
}
