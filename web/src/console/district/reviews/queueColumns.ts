/** The work queue's columns: the table and its Excel export. */
import { dateInShanghai } from '@/dates';
import { APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS, labelOf } from '@/labels';
import { dateColumn, textColumn, type Column } from '../../export/columns';
import type { ApplicationSummary } from '../calls';
import { columnTexts } from '../texts';

const dayOf = (instant: string | null | undefined) => (instant ? dateInShanghai(instant) : null);

export const queueColumns: readonly Column<ApplicationSummary>[] = [
  textColumn('entity', columnTexts.entity, (a) => a.entity_name, { minWidth: 200, sheetWidth: 40 }),
  textColumn('uscc', columnTexts.uscc, (a) => a.uscc, { minWidth: 180, sheetWidth: 22 }),
  textColumn('kind', columnTexts.kind, (a) => labelOf(APPLICATION_KIND_LABELS, a.kind), { minWidth: 90 }),
  textColumn('round', columnTexts.round, (a) => columnTexts.roundOf(a.round_year), { minWidth: 96 }),
  textColumn('status', columnTexts.status, (a) => labelOf(APPLICATION_STATUS_LABELS, a.status), {
    minWidth: 170,
    sheetWidth: 26,
  }),
  dateColumn('submitted', columnTexts.submitted, (a) => dayOf(a.submitted_at), { minWidth: 130 }),
  dateColumn('forwarded', columnTexts.forwarded, (a) => dayOf(a.forwarded_at), { minWidth: 130 }),
];
