/**
 * What the console's assessment pages (考核与撤销) ask of the assessment service: cycles and their
 * settings, compute and publish, results and the result document, a station's evidence and manual
 * scores, rectifications and their reassessment, revocation cases (proposed, evidenced, decided),
 * and the reports by district and of stations at risk. Who may call what is the service's rule:
 * the bureau everything; the head station prepares (manual scores, compute) and reads; a district
 * officer reads its own district only, and its pages always name that district.
 */
import { call } from '@/api/client';
import type { components } from '@/api/generated/assessment';
import { everyPage, PAGE_LIMIT } from '@/api/paging';
import { assessmentClient } from '../api';
import { filenameOf, type DownloadedFile } from '../bureau/calls';

type Schemas = components['schemas'];

export type Cycle = Schemas['CycleView'];
export type Indicator = Schemas['IndicatorView'];
export type Result = Schemas['ResultView'];
export type BreakdownLine = Schemas['BreakdownLine'];
export type Evidence = Schemas['EvidenceView'];
export type ManualScore = Schemas['ManualScoreView'];
export type Rectification = Schemas['RectificationView'];
export type RectificationDetail = Schemas['RectificationDetail'];
export type Outcome = Schemas['Outcome'];
export type Case = Schemas['CaseView'];
export type CaseDetail = Schemas['CaseDetail'];
export type Ground = Schemas['RevocationGround'];
export type CaseStatus = Schemas['CaseStatus'];
export type Decision = Schemas['Decision'];
export type DistrictLine = Schemas['DistrictLine'];
export type RiskLine = Schemas['RiskLine'];

/** Every year's cycle, newest first. */
export async function cycles(): Promise<Cycle[]> {
  const found = await everyPage((offset) =>
    call(() => assessmentClient().GET('/cycles', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
  return found.sort((a, b) => b.year - a.year);
}

export function cycle(cycleId: string): Promise<Cycle> {
  return call(() => assessmentClient().GET('/cycles/{cycle_id}', { params: { path: { cycle_id: cycleId } } }));
}

export interface CycleFields {
  year: number;
  pass_mark: number;
  rectification_days: number;
}

/** Opens a year's cycle with the default indicators, its pass mark and rectification period. */
export function openCycle(fields: CycleFields): Promise<Cycle> {
  return call(() => assessmentClient().POST('/cycles', { body: fields }));
}

export function compute(cycleId: string): Promise<Result[]> {
  return call(() => assessmentClient().POST('/cycles/{cycle_id}/compute', { params: { path: { cycle_id: cycleId } } }));
}

export function publish(cycleId: string, rectificationDueOn: string | null): Promise<Result[]> {
  return call(() =>
    assessmentClient().POST('/cycles/{cycle_id}/publish', {
      params: { path: { cycle_id: cycleId } },
      body: { rectification_due_on: rectificationDueOn },
    }),
  );
}

/** A cycle's results; a district officer's are always asked for its own district. */
export function results(cycleId: string, districtCode?: string): Promise<Result[]> {
  return everyPage((offset) =>
    call(() =>
      assessmentClient().GET('/cycles/{cycle_id}/results', {
        params: {
          path: { cycle_id: cycleId },
          query: { limit: PAGE_LIMIT, offset, ...(districtCode ? { district_code: districtCode } : {}) },
        },
      }),
    ),
  );
}

export function result(cycleId: string, stationId: string): Promise<Result> {
  return call(() =>
    assessmentClient().GET('/cycles/{cycle_id}/results/{station_id}', {
      params: { path: { cycle_id: cycleId, station_id: stationId } },
    }),
  );
}

/** The published result as its PDF notice. */
export async function resultDocument(cycleId: string, stationId: string, fallbackName: string): Promise<DownloadedFile> {
  let disposition: string | null = null;
  const blob = await call(async () => {
    const outcome = await assessmentClient().GET('/cycles/{cycle_id}/results/{station_id}/document', {
      params: { path: { cycle_id: cycleId, station_id: stationId } },
      parseAs: 'blob',
    });
    disposition = outcome.response.headers.get('content-disposition');
    return outcome;
  });
  return { blob: blob as unknown as Blob, filename: filenameOf(disposition, fallbackName) };
}

export function evidence(stationId: string, year: number): Promise<Evidence> {
  return call(() =>
    assessmentClient().GET('/stations/{station_id}/evidence', {
      params: { path: { station_id: stationId }, query: { year } },
    }),
  );
}

export function enterManualScore(
  cycleId: string,
  stationId: string,
  indicatorCode: string,
  body: { score: number; reason: string },
): Promise<ManualScore> {
  return call(() =>
    assessmentClient().PUT('/cycles/{cycle_id}/stations/{station_id}/manual-scores/{indicator_code}', {
      params: { path: { cycle_id: cycleId, station_id: stationId, indicator_code: indicatorCode } },
      body,
    }),
  );
}

export function rectifications(query: { year?: number; district_code?: string } = {}): Promise<Rectification[]> {
  return everyPage((offset) =>
    call(() =>
      assessmentClient().GET('/rectifications', { params: { query: { ...query, limit: PAGE_LIMIT, offset } } }),
    ),
  );
}

export function rectification(rectificationId: string): Promise<RectificationDetail> {
  return call(() =>
    assessmentClient().GET('/rectifications/{rectification_id}', {
      params: { path: { rectification_id: rectificationId } },
    }),
  );
}

export function reassess(
  rectificationId: string,
  body: { outcome: Outcome; score: number | null; opinion: string },
): Promise<Rectification> {
  return call(() =>
    assessmentClient().POST('/rectifications/{rectification_id}/reassessment', {
      params: { path: { rectification_id: rectificationId } },
      body,
    }),
  );
}

export function cases(query: { district_code?: string; status?: CaseStatus } = {}): Promise<Case[]> {
  return everyPage((offset) =>
    call(() => assessmentClient().GET('/revocations', { params: { query: { ...query, limit: PAGE_LIMIT, offset } } })),
  );
}

export function caseDetail(revocationId: string): Promise<CaseDetail> {
  return call(() =>
    assessmentClient().GET('/revocations/{revocation_id}', { params: { path: { revocation_id: revocationId } } }),
  );
}

export interface ProposalFields {
  station_id: string;
  ground: Ground;
  evidence: string;
}

/** Multipart: each field, and each attachment as `attachments`. */
export function proposalFormData(fields: ProposalFields, attachments: readonly File[]): FormData {
  const form = new FormData();
  form.append('station_id', fields.station_id);
  form.append('ground', String(fields.ground));
  form.append('evidence', fields.evidence);
  for (const file of attachments) form.append('attachments', file, file.name);
  return form;
}

export function propose(fields: ProposalFields, attachments: readonly File[]): Promise<CaseDetail> {
  return call(() =>
    assessmentClient().POST('/revocations', {
      body: fields,
      bodySerializer: () => proposalFormData(fields, attachments),
    }),
  );
}

export function addEvidence(revocationId: string, note: string, attachments: readonly File[]): Promise<CaseDetail> {
  const form = new FormData();
  form.append('note', note);
  for (const file of attachments) form.append('attachments', file, file.name);
  return call(() =>
    assessmentClient().POST('/revocations/{revocation_id}/evidence', {
      params: { path: { revocation_id: revocationId } },
      body: { note },
      bodySerializer: () => form,
    }),
  );
}

export function decide(revocationId: string, body: { decision: Decision; reason: string }): Promise<CaseDetail> {
  return call(() =>
    assessmentClient().POST('/revocations/{revocation_id}/decision', {
      params: { path: { revocation_id: revocationId } },
      body,
    }),
  );
}

export type Station = Schemas['StationView'];

/** Stations as assessment knows them: every one, or a district's (a district officer's own). */
export function stations(query: { district_code?: string; active_only?: boolean } = {}): Promise<Station[]> {
  return everyPage((offset) =>
    call(() => assessmentClient().GET('/stations', { params: { query: { ...query, limit: PAGE_LIMIT, offset } } })),
  );
}

export function resultsByDistrict(year: number, districtCode?: string): Promise<DistrictLine[]> {
  return call(() =>
    assessmentClient().GET('/reports/results-by-district', {
      params: { query: { year, ...(districtCode ? { district_code: districtCode } : {}) } },
    }),
  );
}

export function stationsAtRisk(year: number, districtCode?: string): Promise<RiskLine[]> {
  return call(() =>
    assessmentClient().GET('/reports/stations-at-risk', {
      params: { query: { year, ...(districtCode ? { district_code: districtCode } : {}) } },
    }),
  );
}
