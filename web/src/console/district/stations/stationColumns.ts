/** The district's station list: its columns, on screen and in the export. */
import { ASSESSMENT_OUTCOME_LABELS, labelOf, STATION_STATUS_LABELS } from '@/labels';
import { dateColumn, numberColumn, textColumn, type Column } from '../../export/columns';
import { stationsTexts } from '../texts';
import type { StationRow } from './stationRows';

const c = stationsTexts.columns;

/** "2/3": sessions held this year against the target of 3; empty when activities did not say. */
export function promotionText(row: StationRow): string {
  return row.progress ? `${row.progress.count}/${row.progress.target}` : '';
}

export function resultText(row: StationRow): string {
  if (!row.result) return stationsTexts.noResult;
  const outcome = row.result.final_outcome ?? row.result.outcome;
  return stationsTexts.resultOf(row.result.year, labelOf(ASSESSMENT_OUTCOME_LABELS, outcome));
}

export function stationColumns(year: number): readonly Column<StationRow>[] {
  return [
    textColumn('name', c.name, (r) => r.station.name, { minWidth: 240, sheetWidth: 40 }),
    textColumn('entity', c.entity, (r) => r.station.entity_name, { minWidth: 220, sheetWidth: 36 }),
    textColumn('status', c.status, (r) => labelOf(STATION_STATUS_LABELS, r.station.status), { minWidth: 90 }),
    dateColumn('validFrom', c.validFrom, (r) => r.station.valid_from, { minWidth: 130 }),
    dateColumn('validUntil', c.validUntil, (r) => r.station.valid_until, { minWidth: 130 }),
    numberColumn('daysLeft', c.daysLeft, (r) => r.daysLeft, { minWidth: 110 }),
    textColumn('plaque', c.plaque, (r) => r.station.plaque_number, { minWidth: 190, sheetWidth: 26 }),
    textColumn('convention', c.convention, (r) => (r.station.convention_signed ? stationsTexts.signed : stationsTexts.notSigned), {
      minWidth: 100,
    }),
    textColumn('promotion', c.promotion(year), promotionText, { minWidth: 170, sheetWidth: 24 }),
    textColumn('result', c.result, resultText, { minWidth: 150 }),
    numberColumn('lateChanges', c.lateChanges, (r) => r.lateChanges, { minWidth: 150 }),
    numberColumn('openRequests', c.openRequests, (r) => r.openRequests, { minWidth: 120 }),
  ];
}
