/**
 * The shortlist as the bureau arranges it: the head station's recommended new applications, those
 * on the shortlist first in its order, then the rest by score (highest first); the bureau ticks
 * who is in and moves them up or down. The order is the notice's and the plaques' order.
 */
import type { CaseSummary } from './calls';

export interface Candidate {
  case: CaseSummary;
  /** The case's place on the shortlist the bureau fixed before, if any (from the case record). */
  rank: number | null;
}

export interface ShortlistRow {
  caseId: string;
  selected: boolean;
}

const byScore = (a: Candidate, b: Candidate) => (b.case.score ?? -1) - (a.case.score ?? -1);

/** The recommended candidates in their first order, ticked as the shortlist stands (all, before one was fixed). */
export function initialShortlist(candidates: readonly Candidate[]): ShortlistRow[] {
  const recommended = candidates.filter((c) => c.case.recommendation === 'recommend');
  const ranked = recommended.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const fixedBefore = ranked.length > 0;
  const others = recommended.filter((c) => c.rank === null).sort(byScore);
  return [
    ...ranked.map((c) => ({ caseId: c.case.id, selected: true })),
    ...others.map((c) => ({ caseId: c.case.id, selected: !fixedBefore })),
  ];
}

/** The rows with the one at ``index`` moved one place (up: -1, down: +1); the same rows at the ends. */
export function moved(rows: readonly ShortlistRow[], index: number, step: -1 | 1): ShortlistRow[] {
  const target = index + step;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The shortlist's place of each ticked row, 1 up (null for a row not ticked). */
export function ranksOf(rows: readonly ShortlistRow[]): Array<number | null> {
  let rank = 0;
  return rows.map((row) => (row.selected ? ++rank : null));
}
