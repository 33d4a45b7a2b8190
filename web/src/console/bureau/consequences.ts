/**
 * What the bureau's decisions do, said plainly before it confirms them, as the review service
 * applies them (services/review domain/final_list.py):
 * - an upheld objection keeps its applicant off the final list (declined, "objection_upheld", the
 *   findings quoted to it); one that is not upheld leaves the applicant to be recognised;
 * - the final list recognises every shortlisted applicant without an upheld objection, in the
 *   shortlist's order (plaques numbered in that order), and declines the rest of the year's new
 *   applications: upheld objections, not recommended, not shortlisted.
 */
import type { CaseSummary, ObjectionOutcome, ObjectionSummary } from './calls';
import { consequenceTexts as t, OBJECTION_OUTCOME_LABELS } from './texts';

export interface ResolutionContext {
  entityName: string;
  year: number;
  /** The objection being resolved. */
  objectionId: string;
  caseId: string;
  /** Every objection of the round (the list, without objectors). */
  objections: readonly ObjectionSummary[];
}

/** The sentences to read before resolving an objection with ``outcome``. */
export function resolutionConsequences(outcome: ObjectionOutcome, context: ResolutionContext): string[] {
  const others = context.objections.filter((o) => o.case_id === context.caseId && o.id !== context.objectionId);
  const upheldElsewhere = others.filter((o) => o.outcome === 'upheld').length;
  const pendingElsewhere = others.filter((o) => o.status === 'received').length;
  const effects: string[] = [];
  if (outcome === 'upheld') {
    effects.push(t.upheld.notListed(context.entityName, context.year), t.upheld.declineNotice);
  } else if (upheldElsewhere > 0) {
    effects.push(t.alreadyUpheld(upheldElsewhere));
  } else {
    effects.push(t.notUpheld.listed(context.entityName));
    if (pendingElsewhere > 0) effects.push(t.notUpheld.otherPending(pendingElsewhere));
  }
  effects.push(t.told(OBJECTION_OUTCOME_LABELS[outcome]), t.final);
  return effects;
}

export type DeclineCode = 'objection_upheld' | 'not_recommended' | 'not_shortlisted';

export interface FinalListForecast {
  /** Entity names in the order their plaques will be numbered. */
  recognised: string[];
  declined: Array<{ name: string; code: DeclineCode }>;
}

/**
 * Who the final list would recognise and decline. ``shortlistOrder`` is the notice's list of
 * application ids (the shortlist's order); ``cases`` the round's new applications.
 */
export function finalListForecast(
  shortlistOrder: readonly string[],
  cases: readonly CaseSummary[],
  objections: readonly ObjectionSummary[],
): FinalListForecast {
  const upheld = new Set(objections.filter((o) => o.outcome === 'upheld').map((o) => o.case_id));
  const byApplication = new Map(cases.map((c) => [c.application_id, c]));
  const recognised: string[] = [];
  const declined: FinalListForecast['declined'] = [];
  for (const applicationId of shortlistOrder) {
    const found = byApplication.get(applicationId);
    if (!found || found.status !== 'shortlisted') continue;
    if (upheld.has(found.id)) declined.push({ name: found.entity_name, code: 'objection_upheld' });
    else recognised.push(found.entity_name);
  }
  for (const other of cases) {
    if (other.status !== 'not_shortlisted') continue;
    const code = other.recommendation === 'not_recommend' ? 'not_recommended' : 'not_shortlisted';
    declined.push({ name: other.entity_name, code });
  }
  return { recognised, declined };
}
