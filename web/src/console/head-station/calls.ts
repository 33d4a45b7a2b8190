/**
 * The review service as the head station calls it: the rounds, their cases and assignments, the
 * experts' scores, the recommendation, the submission to the bureau, panels, criteria and the
 * expert pool.
 */
import type { components } from '@/api/generated/review';
import { call } from '@/api/client';
import { reviewClient } from '../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type Schemas = components['schemas'];

export type RoundSummary = Schemas['RoundView'];
export type CaseSummary = Schemas['CaseSummaryView'];
export type AssignedExpert = Schemas['AssignedExpertView'];
export type RoundAssignment = Schemas['RoundAssignmentView'];
export type CaseScores = Schemas['CaseScoresView'];
export type ExpertScore = Schemas['ExpertScoreView'];
export type AssignmentIn = Schemas['AssignmentForm'];
export type RecommendationIn = Schemas['RecommendationForm'];
export type Recommendation = Schemas['Recommendation'];
export type Submission = Schemas['SubmissionView'];
export type Panel = Schemas['PanelView'];
export type PanelIn = Schemas['PanelForm'];
export type CriteriaIn = Schemas['CriteriaForm'];
export type NewExpertIn = Schemas['NewExpertForm'];
export type ExpertUpdateIn = Schemas['ExpertUpdateForm'];
export type Reminder = Schemas['ReminderView'];

/** The review rounds, newest first. */
export function rounds(): Promise<RoundSummary[]> {
  return everyPage((offset) =>
    call(() => reviewClient().GET('/rounds', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

export function roundSummary(year: number): Promise<RoundSummary> {
  return call(() => reviewClient().GET('/rounds/{year}', { params: { path: { year } } }));
}

/** Every case of the round. */
export function roundCases(year: number): Promise<CaseSummary[]> {
  return everyPage((offset) =>
    call(() =>
      reviewClient().GET('/cases', { params: { query: { round_year: year, limit: PAGE_LIMIT, offset } } }),
    ),
  );
}

/** Every assignment of the round, ended ones too, with whether its sheet is in. */
export function roundAssignments(year: number): Promise<RoundAssignment[]> {
  return everyPage((offset) =>
    call(() =>
      reviewClient().GET('/rounds/{year}/assignments', {
        params: { path: { year }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function caseScores(caseId: string): Promise<CaseScores> {
  return call(() => reviewClient().GET('/cases/{case_id}/scores', { params: { path: { case_id: caseId } } }));
}

export function assignExperts(caseId: string, body: AssignmentIn): Promise<unknown> {
  return call(() =>
    reviewClient().POST('/cases/{case_id}/assignments', { params: { path: { case_id: caseId } }, body }),
  );
}

export function withdrawAssignment(caseId: string, assignmentId: string, reason: string): Promise<unknown> {
  return call(() =>
    reviewClient().POST('/cases/{case_id}/assignments/{assignment_id}/withdrawal', {
      params: { path: { case_id: caseId, assignment_id: assignmentId } },
      body: { reason },
    }),
  );
}

/** Remind a late expert (催办): the service tells it by in-app message, e-mail and SMS. */
export function remindExpert(caseId: string, expertId: string): Promise<Reminder> {
  return call(() =>
    reviewClient().POST('/cases/{case_id}/assignments/{expert_id}/reminders', {
      params: { path: { case_id: caseId, expert_id: expertId } },
    }),
  );
}

export function recordRecommendation(caseId: string, body: RecommendationIn): Promise<unknown> {
  return call(() =>
    reviewClient().PUT('/cases/{case_id}/recommendation', { params: { path: { case_id: caseId } }, body }),
  );
}

export function submitRound(year: number): Promise<Submission> {
  return call(() => reviewClient().POST('/rounds/{year}/submission', { params: { path: { year } } }));
}

export function panels(year: number): Promise<Panel[]> {
  return everyPage((offset) =>
    call(() =>
      reviewClient().GET('/rounds/{year}/panels', { params: { path: { year }, query: { limit: PAGE_LIMIT, offset } } }),
    ),
  );
}

export function createPanel(year: number, body: PanelIn): Promise<Panel> {
  return call(() => reviewClient().POST('/rounds/{year}/panels', { params: { path: { year } }, body }));
}

export function updatePanel(year: number, panelId: string, body: PanelIn): Promise<Panel> {
  return call(() =>
    reviewClient().PUT('/rounds/{year}/panels/{panel_id}', { params: { path: { year, panel_id: panelId } }, body }),
  );
}

export function saveCriteria(year: number, body: CriteriaIn): Promise<unknown> {
  return call(() => reviewClient().PUT('/rounds/{year}/criteria', { params: { path: { year } }, body }));
}

/** The expert pool, by id. */
export function expertPool(activeOnly = false): Promise<Schemas['ExpertView'][]> {
  return everyPage((offset) =>
    call(() =>
      reviewClient().GET('/experts', { params: { query: { active_only: activeOnly, limit: PAGE_LIMIT, offset } } }),
    ),
  );
}

export function registerExpert(body: NewExpertIn): Promise<Schemas['ExpertView']> {
  return call(() => reviewClient().POST('/experts', { body }));
}

export function updateExpert(expertId: string, body: ExpertUpdateIn): Promise<Schemas['ExpertView']> {
  return call(() =>
    reviewClient().PUT('/experts/{expert_id}', { params: { path: { expert_id: expertId } }, body }),
  );
}
