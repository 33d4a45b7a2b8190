/** The bodies of matching and closing a service request, and what must be put right first. */
import type { CloseIn, Handling, MatchIn, Outcome } from './calls';
import { requestTexts } from './texts';

export interface MatchForm {
  handling: Handling | '';
  institution_name: string;
}

export interface CloseForm {
  outcome: Outcome | '';
  note: string;
  satisfaction: number | undefined;
}

export function matchBody(form: MatchForm): MatchIn {
  const handling = form.handling as Handling;
  return { handling, institution_name: handling === 'institution' ? form.institution_name.trim() : null };
}

export function matchProblems(form: MatchForm): Record<string, string> {
  const say = requestTexts.problems;
  if (!form.handling) return { handling: say.handling };
  const name = form.institution_name.trim();
  if (form.handling === 'institution' && (name.length === 0 || name.length > 200)) {
    return { institution_name: say.institution };
  }
  return {};
}

export function closeBody(form: CloseForm): CloseIn {
  return { outcome: form.outcome as Outcome, note: form.note.trim(), satisfaction: form.satisfaction ?? 0 };
}

export function closeProblems(form: CloseForm): Record<string, string> {
  const say = requestTexts.problems;
  const problems: Record<string, string> = {};
  if (!form.outcome) problems.outcome = say.outcome;
  const note = form.note.trim().length;
  if (note < 2 || note > 5000) problems.note = say.note;
  const rating = form.satisfaction;
  if (rating === undefined || !Number.isInteger(rating) || rating < 1 || rating > 5) problems.satisfaction = say.satisfaction;
  return problems;
}
