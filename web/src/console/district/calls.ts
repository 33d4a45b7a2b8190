/**
 * What the district officer's pages ask the services, typed from their documents. Every service
 * scopes an officer to its own district: these calls never name another district.
 */
import { call } from '@/api/client';
import type { components as ActivitiesSchemas, paths as ActivitiesPaths } from '@/api/generated/activities';
import type { components as AssessmentSchemas } from '@/api/generated/assessment';
import type { components as RegistrySchemas, paths as RegistryPaths } from '@/api/generated/registry';
import { activitiesClient, assessmentClient, registryClient } from '../api';
import { fetchAllRows } from '../export/workbook';
import type { Page } from '@/api/paging';

type Registry = RegistrySchemas['schemas'];
type Activities = ActivitiesSchemas['schemas'];
type Assessment = AssessmentSchemas['schemas'];

export type ApplicationSummary = Registry['ApplicationSummary'];
export type ApplicationDetail = Registry['ApplicationView'];
export type ApplicationCounts = Registry['ApplicationCounts'];
export type ApplicationStatus = Registry['ApplicationStatus'];
export type ApplicationKind = Registry['ApplicationKind'];
export type DistrictDecision = Registry['DistrictDecisionView'];
export type Attachment = Registry['AttachmentView'];
export type Round = Registry['RoundView'];
export type StationRecord = Registry['StationView'];
export type StationStatus = Registry['StationStatus'];
export type StatusChange = Registry['StatusChangeView'];
export type InfoChange = Registry['ChangeView'];
export type ApplicationQuery = NonNullable<RegistryPaths['/applications']['get']['parameters']['query']>;
export type CountsQuery = NonNullable<RegistryPaths['/applications/counts']['get']['parameters']['query']>;
export type StationQuery = NonNullable<RegistryPaths['/stations']['get']['parameters']['query']>;

export type PromotionProgress = Activities['sme_activities__entrypoints__http_promotion__ProgressView'];
export type PromotionSession = Activities['SessionView'];
export type ServiceRequest = Activities['RequestView'];
export type RequestStatus = Activities['RequestStatus'];
export type DemandReport = Activities['ReportView'];
export type DemandAggregate = Activities['AggregateView'];
export type RequestQuery = NonNullable<ActivitiesPaths['/service-requests']['get']['parameters']['query']>;
export type ReportQuery = NonNullable<ActivitiesPaths['/demand-reports']['get']['parameters']['query']>;

export type AssessmentResult = Assessment['ResultView'];
export type AssessmentCycle = Assessment['CycleView'];

// --- registry: applications and the district's preliminary review ------------------------------

export function listApplications(query: ApplicationQuery): Promise<Registry['Page_ApplicationSummary_']> {
  return call(() => registryClient().GET('/applications', { params: { query } }));
}

export function countApplications(query: CountsQuery): Promise<ApplicationCounts> {
  return call(() => registryClient().GET('/applications/counts', { params: { query } }));
}

export function getApplication(applicationId: string): Promise<ApplicationDetail> {
  const path = { application_id: applicationId };
  return call(() => registryClient().GET('/applications/{application_id}', { params: { path } }));
}

export async function listAttachments(applicationId: string): Promise<Attachment[]> {
  const path = { application_id: applicationId };
  return fetchAllRows((limit, offset) =>
    call(() =>
      registryClient().GET('/applications/{application_id}/attachments', { params: { path, query: { limit, offset } } }),
    ),
  );
}

/** The file itself, fetched with the officer's token (a plain link would carry none). */
export async function attachmentFile(applicationId: string, fileId: string): Promise<Blob> {
  const path = { application_id: applicationId, file_id: fileId };
  const file = await call(() =>
    registryClient().GET('/applications/{application_id}/attachments/{file_id}', {
      params: { path },
      parseAs: 'blob',
    }),
  );
  return file as unknown as Blob;
}

export function forwardApplication(applicationId: string, opinion: string): Promise<ApplicationDetail> {
  const path = { application_id: applicationId };
  return call(() => registryClient().POST('/applications/{application_id}/forward', { params: { path }, body: { opinion } }));
}

export function returnApplication(applicationId: string, reasons: string[]): Promise<ApplicationDetail> {
  const path = { application_id: applicationId };
  return call(() => registryClient().POST('/applications/{application_id}/return', { params: { path }, body: { reasons } }));
}

export function rejectApplication(applicationId: string, reasons: string[]): Promise<ApplicationDetail> {
  const path = { application_id: applicationId };
  return call(() => registryClient().POST('/applications/{application_id}/reject', { params: { path }, body: { reasons } }));
}

/** The rounds, newest first (the first page: one a year). */
export async function listRounds(): Promise<Round[]> {
  return (await call(() => registryClient().GET('/rounds', { params: { query: { limit: 50 } } }))).items;
}

// --- registry: the district's stations ------------------------------------------------------------

export function listStations(query: StationQuery): Promise<Page<StationRecord>> {
  return call(() => registryClient().GET('/stations', { params: { query } }));
}

export function getStation(stationId: string): Promise<StationRecord> {
  return call(() => registryClient().GET('/stations/{station_id}', { params: { path: { station_id: stationId } } }));
}

export function stationHistory(stationId: string): Promise<StatusChange[]> {
  const path = { station_id: stationId };
  return fetchAllRows((limit, offset) =>
    call(() => registryClient().GET('/stations/{station_id}/history', { params: { path, query: { limit, offset } } })),
  );
}

export function stationChanges(stationId: string): Promise<InfoChange[]> {
  const path = { station_id: stationId };
  return fetchAllRows((limit, offset) =>
    call(() => registryClient().GET('/stations/{station_id}/changes', { params: { path, query: { limit, offset } } })),
  );
}

// --- activities: promotion, service requests, demand reports ---------------------------------------

export function promotionProgress(year: number): Promise<PromotionProgress[]> {
  return fetchAllRows((limit, offset) =>
    call(() => activitiesClient().GET('/promotions/progress', { params: { query: { year, limit, offset } } })),
  );
}

export function promotionSessions(stationId: string, year: number): Promise<PromotionSession[]> {
  const path = { station_id: stationId };
  return fetchAllRows((limit, offset) =>
    call(() =>
      activitiesClient().GET('/promotions/stations/{station_id}', { params: { path, query: { year, limit, offset } } }),
    ),
  );
}

export function listServiceRequests(query: RequestQuery): Promise<Page<ServiceRequest>> {
  return call(() => activitiesClient().GET('/service-requests', { params: { query } }));
}

export function listDemandReports(query: ReportQuery): Promise<Page<DemandReport>> {
  return call(() => activitiesClient().GET('/demand-reports', { params: { query } }));
}

export function demandAggregate(by: 'district' | 'industry', year: number, quarter: number | null): Promise<DemandAggregate[]> {
  return call(() =>
    activitiesClient().GET('/demand-reports/aggregate', { params: { query: { by, year, quarter } } }),
  );
}

// --- assessment: results ------------------------------------------------------------------------------

export function assessmentCycles(): Promise<AssessmentCycle[]> {
  return fetchAllRows((limit, offset) =>
    call(() => assessmentClient().GET('/cycles', { params: { query: { limit, offset } } })),
  );
}

/** The results of a published cycle in the officer's district. */
export function cycleResults(cycleId: string): Promise<AssessmentResult[]> {
  const path = { cycle_id: cycleId };
  return fetchAllRows((limit, offset) =>
    call(() => assessmentClient().GET('/cycles/{cycle_id}/results', { params: { path, query: { limit, offset } } })),
  );
}

export function stationResults(stationId: string): Promise<AssessmentResult[]> {
  const path = { station_id: stationId };
  return fetchAllRows((limit, offset) =>
    call(() => assessmentClient().GET('/stations/{station_id}/results', { params: { path, query: { limit, offset } } })),
  );
}
