/**
 * The review service as an expert calls it: my assignments, my record in the pool, a case assigned
 * to me, the round's criteria, my score sheet and conflict-of-interest declarations. The head
 * station's pages use the shared ones too (the criteria, a declaration on an expert's behalf).
 */
import type { components } from '@/api/generated/review';
import { call } from '@/api/client';
import { reviewClient } from '../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type Schemas = components['schemas'];

export type MyAssignment = Schemas['MyAssignmentView'];
export type ReviewCase = Schemas['CaseView'];
export type CaseApplication = Schemas['ApplicationView'];
export type RoundCriteria = Schemas['CriteriaView'];
export type Criterion = Schemas['CriterionModel'];
export type ScoreSheet = Schemas['ScoreSheetView'];
export type ScoreSheetIn = Schemas['ScoreSheetForm'];
export type Expert = Schemas['ExpertView'];
export type ConflictDeclaration = Schemas['ConflictView'];

/** The cases I am assigned to now, soonest due first (as the service orders them). */
export function myAssignments(): Promise<MyAssignment[]> {
  return everyPage((offset) =>
    call(() => reviewClient().GET('/my/assignments', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

/** An expert's record in the pool (the expert itself, or staff). */
export function expertRecord(expertId: string): Promise<Expert> {
  return call(() => reviewClient().GET('/experts/{expert_id}', { params: { path: { expert_id: expertId } } }));
}

/** A case as the caller may see it: an expert only one assigned to it (404 otherwise). */
export function readCase(caseId: string): Promise<ReviewCase> {
  return call(() => reviewClient().GET('/cases/{case_id}', { params: { path: { case_id: caseId } } }));
}

export function roundCriteria(year: number): Promise<RoundCriteria> {
  return call(() => reviewClient().GET('/rounds/{year}/criteria', { params: { path: { year } } }));
}

/** Submit (or, while the review is open, revise) my sheet for a case. */
export function submitSheet(caseId: string, body: ScoreSheetIn): Promise<ScoreSheet> {
  return call(() => reviewClient().PUT('/cases/{case_id}/score-sheet', { params: { path: { case_id: caseId } }, body }));
}

/** Declare a conflict of interest with an organisation: an open assignment on its case ends (回避). */
export function declareConflict(expertId: string, uscc: string, reason: string): Promise<ConflictDeclaration> {
  return call(() =>
    reviewClient().POST('/experts/{expert_id}/conflicts', {
      params: { path: { expert_id: expertId } },
      body: { uscc, reason },
    }),
  );
}

/** An expert's declared conflicts (the expert itself, or staff). */
export function expertConflicts(expertId: string): Promise<ConflictDeclaration[]> {
  return everyPage((offset) =>
    call(() =>
      reviewClient().GET('/experts/{expert_id}/conflicts', {
        params: { path: { expert_id: expertId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}
