/**
 * How far the experts' scoring has got, counted from the round's assignments
 * (GET /rounds/{year}/assignments): per case (experts on it, sheets in, who is late, how many more
 * experts the round asks for) and per expert (cases held, sheets in, late ones).
 */
import { isOverdue, type ScoringTask } from '../expert/deadlines';

/** One assignment of the round, as the service lists it (only what the counts read). */
export interface RoundTask {
  assignment_id: string;
  case_id: string;
  expert_id: string;
  expert_name: string | null;
  status: string;
  due_on: string;
  sheet_submitted_at: string | null;
}

function task(assignment: RoundTask): ScoringTask {
  return { status: assignment.status, due_on: assignment.due_on, submitted: assignment.sheet_submitted_at !== null };
}

export interface CaseProgress {
  /** Experts reviewing the case now. */
  active: number;
  /** Of those, how many have submitted their sheet. */
  submitted: number;
  /** Experts still on the case, sheet not in, past their due date. */
  overdue: RoundTask[];
  /** Experts who left the case: recused after declaring a conflict, or withdrawn by the head station. */
  ended: RoundTask[];
  /** How many more experts the round requires on the case (0 when enough). */
  missing: number;
}

export function caseProgress(assignments: ReadonlyArray<RoundTask>, minExperts: number, today: string): CaseProgress {
  const active = assignments.filter((a) => a.status === 'active');
  return {
    active: active.length,
    submitted: active.filter((a) => a.sheet_submitted_at !== null).length,
    overdue: active.filter((a) => isOverdue(task(a), today)),
    ended: assignments.filter((a) => a.status !== 'active'),
    missing: Math.max(0, minExperts - active.length),
  };
}

/** Every case's progress, by case id (a case nobody was assigned to has none). */
export function progressByCase(
  assignments: ReadonlyArray<RoundTask>,
  minExperts: number,
  today: string,
): Map<string, CaseProgress> {
  const byCase = new Map<string, RoundTask[]>();
  for (const assignment of assignments) {
    byCase.set(assignment.case_id, [...(byCase.get(assignment.case_id) ?? []), assignment]);
  }
  return new Map([...byCase].map(([caseId, held]) => [caseId, caseProgress(held, minExperts, today)]));
}

export interface ExpertProgress {
  expertId: string;
  expertName: string;
  /** Cases the expert reviews now. */
  active: number;
  submitted: number;
  overdue: RoundTask[];
  /** The nearest due date among the sheets still to come; null when none is. */
  nextDue: string | null;
  /** Cases the expert left (recused or withdrawn). */
  ended: number;
}

/** Each expert's progress, those with late sheets first, then by name. */
export function progressByExpert(assignments: ReadonlyArray<RoundTask>, today: string): ExpertProgress[] {
  const byExpert = new Map<string, RoundTask[]>();
  for (const assignment of assignments) {
    byExpert.set(assignment.expert_id, [...(byExpert.get(assignment.expert_id) ?? []), assignment]);
  }
  const rows = [...byExpert].map(([expertId, held]): ExpertProgress => {
    const active = held.filter((a) => a.status === 'active');
    const pending = active.filter((a) => a.sheet_submitted_at === null).map((a) => a.due_on).sort();
    return {
      expertId,
      expertName: held.find((a) => a.expert_name)?.expert_name ?? expertId,
      active: active.length,
      submitted: active.length - pending.length,
      overdue: active.filter((a) => isOverdue(task(a), today)),
      nextDue: pending[0] ?? null,
      ended: held.length - active.length,
    };
  });
  return rows.sort(
    (a, b) => b.overdue.length - a.overdue.length || a.expertName.localeCompare(b.expertName, 'zh-CN'),
  );
}

/** Every late sheet of the round, the longest overdue first. */
export function lateTasks<T extends RoundTask>(assignments: ReadonlyArray<T>, today: string): T[] {
  return assignments
    .filter((a) => isOverdue(task(a), today))
    .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.expert_id.localeCompare(b.expert_id));
}
