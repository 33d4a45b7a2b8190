/**
 * Where an application stands in the procedure of §4.1.3: submitted → the district's preliminary
 * review → expert review → public notice → recognised or not (a re-review has no notice: the
 * bureau decides it, §4.2). Only what the services say: the registry's application, and, once it
 * was forwarded, review's case and the notice that lists it, when they could be read.
 */
import { formatDate, formatDateTime, parseIsoDate } from '@/dates';
import type { Application, CaseStatus, DistrictDecision } from './calls';
import { stageTexts as t } from './texts';

export type StageKey = 'submitted' | 'district' | 'expert' | 'notice' | 'outcome';
export type StageState = 'done' | 'current' | 'waiting' | 'returned' | 'failed';

export interface Stage {
  key: StageKey;
  title: string;
  state: StageState;
  /** An instant ("…T…+08:00") or a day ("2026-12-07"), when the stage was reached or ended. */
  at: string | null;
  lines: string[];
  reasons: string[];
}

export type ApplicationFacts = Pick<
  Application,
  | 'kind'
  | 'status'
  | 'submitted_at'
  | 'submissions'
  | 'forwarded_at'
  | 'closed_at'
  | 'outcome_reason'
  | 'district_decisions'
  | 'district_name'
  | 'district_code'
>;

export interface ReviewFacts {
  status: CaseStatus;
  opened_at: string;
  outcome: { outcome_code: string | null; outcome_reason: string; decided_on: string | null; plaque_number: string | null };
}

export interface NoticeFacts {
  period_start: string;
  period_end: string;
}

const FORWARDED = new Set(['forwarded', 'recognised', 'declined']);

function stage(key: StageKey, title: string, state: StageState, extra: Partial<Stage> = {}): Stage {
  return { key, title, state, at: null, lines: [], reasons: [], ...extra };
}

function lastDecision(app: ApplicationFacts): DistrictDecision | undefined {
  return app.district_decisions[app.district_decisions.length - 1];
}

function submittedStage(app: ApplicationFacts): Stage {
  if (app.status === 'draft') return stage('submitted', t.submitted, 'current', { lines: [t.draft] });
  return stage('submitted', t.submitted, 'done', { at: app.submitted_at, lines: [t.submittedOn(app.submissions)] });
}

function districtStage(app: ApplicationFacts): Stage {
  const last = lastDecision(app);
  switch (app.status) {
    case 'draft':
      return stage('district', t.district, 'waiting');
    case 'submitted':
      return stage('district', t.district, 'current', { lines: [t.districtPending(app.district_name ?? app.district_code)] });
    case 'returned':
      return stage('district', t.district, 'returned', { at: last?.decided_at ?? null, lines: [t.districtReturned], reasons: last?.reasons ?? [] });
    case 'rejected':
      return stage('district', t.district, 'failed', { at: last?.decided_at ?? null, lines: [t.districtRejected], reasons: last?.reasons ?? [] });
    default: {
      const opinion = last?.decision === 'forward' && last.opinion ? [t.opinion(last.opinion)] : [];
      return stage('district', t.district, 'done', { at: app.forwarded_at, lines: [t.districtForwarded, ...opinion] });
    }
  }
}

function expertStage(app: ApplicationFacts, review: ReviewFacts | null): Stage {
  if (!FORWARDED.has(app.status)) return stage('expert', t.expert, 'waiting');
  if (review === null) {
    // Recognised or declined, the review is over whatever review's own record says.
    return app.status === 'forwarded'
      ? stage('expert', t.expert, 'current', { lines: [t.expertWaiting] })
      : stage('expert', t.expert, 'done');
  }
  if (review.status === 'in_review') {
    return stage('expert', t.expert, 'current', { at: review.opened_at, lines: [t.expertInReview] });
  }
  return stage('expert', t.expert, 'done', { at: review.opened_at, lines: [t.expertDone] });
}

function noticeStage(app: ApplicationFacts, review: ReviewFacts | null, notice: NoticeFacts | null): Stage {
  const period = notice ? [t.noticePeriod(formatDate(notice.period_start), formatDate(notice.period_end))] : [];
  const ended = notice?.period_end ?? null;
  if (!FORWARDED.has(app.status)) return stage('notice', t.notice, 'waiting');
  if (review === null) {
    return app.status === 'recognised'
      ? stage('notice', t.notice, 'done', { at: ended, lines: [t.noticeDone, ...period] })
      : stage('notice', t.notice, 'waiting');
  }
  switch (review.status) {
    case 'submitted':
      return stage('notice', t.notice, 'current', { lines: [t.noticeWaiting] });
    case 'shortlisted':
      return stage('notice', t.notice, 'current', { at: notice?.period_start ?? null, lines: [t.noticeUnder, ...period] });
    case 'not_shortlisted':
      return stage('notice', t.notice, 'failed', { lines: [t.notShortlisted] });
    case 'recognised':
      return stage('notice', t.notice, 'done', { at: ended, lines: [t.noticeDone, ...period] });
    case 'declined':
      if (review.outcome.outcome_code === 'objection_upheld') {
        return stage('notice', t.notice, 'failed', { at: ended, lines: period, reasons: [review.outcome.outcome_reason] });
      }
      if (review.outcome.outcome_code === 'not_shortlisted') {
        return stage('notice', t.notice, 'failed', { lines: [t.notShortlisted] });
      }
      return stage('notice', t.notice, 'waiting', { lines: [t.notOnNotice] });
    default:
      return stage('notice', t.notice, 'waiting');
  }
}

function outcomeStage(app: ApplicationFacts, review: ReviewFacts | null): Stage {
  const reReview = app.kind === 're_review';
  const title = reReview ? t.reReviewOutcome : t.outcome;
  const decidedOn = review?.outcome.decided_on ?? app.closed_at;
  switch (app.status) {
    case 'recognised': {
      const plaque = review?.outcome.plaque_number ? [t.plaque(review.outcome.plaque_number)] : [];
      return stage('outcome', title, 'done', { at: decidedOn, lines: [reReview ? t.reReviewPassed : t.recognised, ...plaque] });
    }
    case 'declined':
      return stage('outcome', reReview ? title : '不予认定', 'failed', {
        at: decidedOn,
        lines: [reReview ? t.reReviewFailed : t.declined],
        reasons: app.outcome_reason ? [app.outcome_reason] : [],
      });
    case 'rejected':
      return stage('outcome', reReview ? title : '不予认定', 'failed', { at: app.closed_at, lines: [t.rejected] });
    default:
      if (reReview && review !== null && review.status === 'submitted') {
        return stage('outcome', title, 'current', { lines: [t.reReviewWaiting] });
      }
      return stage('outcome', title, 'waiting');
  }
}

/** The stages of this application, each with its state, date, and what was said at it. */
export function progressOf(app: ApplicationFacts, review: ReviewFacts | null, notice: NoticeFacts | null): Stage[] {
  const stages = [submittedStage(app), districtStage(app), expertStage(app, review)];
  if (app.kind === 'new') stages.push(noticeStage(app, review, notice));
  stages.push(outcomeStage(app, review));
  return stages;
}

/** The stage the application stands at: the first not yet done (the last once all are). */
export function standingStage(stages: readonly Stage[]): Stage {
  return stages.find((s) => s.state !== 'done' && s.state !== 'waiting') ?? stages.find((s) => s.state === 'waiting') ?? stages[stages.length - 1]!;
}

/** Whether review's record is worth asking for: only a forwarded application has a case. */
export function hasReviewCase(app: Pick<Application, 'status'>): boolean {
  return FORWARDED.has(app.status);
}

/** Whether the notice of the round may list it: shortlisted, or recognised or declined after it. */
export function mayBeOnNotice(review: ReviewFacts | null): boolean {
  return review !== null && ['shortlisted', 'recognised', 'declined'].includes(review.status);
}

/** A stage's date as Guangzhou reads it: a day, or a day and time. */
export function formatWhen(value: string | null): string {
  if (!value) return '';
  return parseIsoDate(value) ? formatDate(value) : formatDateTime(value);
}
