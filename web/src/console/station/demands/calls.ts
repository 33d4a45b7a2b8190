/**
 * The activities service as a station's operator calls it for enterprises' needs: the service
 * requests routed to the station and their handling (§3.4), and the quarterly demand reports (§3.2).
 */
import type { components } from '@/api/generated/activities';
import { call } from '@/api/client';
import { activitiesClient } from '../../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type Schemas = components['schemas'];

export type ServiceRequest = Schemas['RequestView'];
export type RequestStatus = Schemas['RequestStatus'];
export type MatchIn = Schemas['MatchIn'];
export type CloseIn = Schemas['CloseIn'];
export type Handling = Schemas['Handling'];
export type Outcome = Schemas['Outcome'];
export type ServiceCategory = Schemas['ServiceCategory'];
export type Report = Schemas['ReportView'];
export type ReportWithHistory = Schemas['ReportWithHistory'];
export type ReportIn = Schemas['ReportIn'];
export type IndustryIn = Schemas['IndustryIn'];
export type NeedIn = Schemas['NeedIn'];

/** The requests routed to the station (the service limits an operator to its own). */
export function serviceRequests(status?: RequestStatus): Promise<ServiceRequest[]> {
  return everyPage((offset) =>
    call(() =>
      activitiesClient().GET('/service-requests', {
        params: { query: { ...(status ? { status } : {}), limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function serviceRequest(requestId: string): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().GET('/service-requests/{request_id}', { params: { path: { request_id: requestId } } }),
  );
}

export function acceptRequest(requestId: string): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/accept', { params: { path: { request_id: requestId } } }),
  );
}

export function matchRequest(requestId: string, body: MatchIn): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/match', { params: { path: { request_id: requestId } }, body }),
  );
}

export function closeRequest(requestId: string, body: CloseIn): Promise<ServiceRequest> {
  return call(() =>
    activitiesClient().POST('/service-requests/{request_id}/close', { params: { path: { request_id: requestId } }, body }),
  );
}

/** The station's demand reports, every quarter's current revision. */
export function demandReports(): Promise<Report[]> {
  return everyPage((offset) =>
    call(() => activitiesClient().GET('/demand-reports', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

export function demandReport(reportId: string): Promise<ReportWithHistory> {
  return call(() =>
    activitiesClient().GET('/demand-reports/{report_id}', { params: { path: { report_id: reportId } } }),
  );
}

/** Submits the quarter's report; a report already submitted for it is replaced (its revision kept). */
export function submitDemandReport(year: number, quarter: number, body: ReportIn): Promise<Report> {
  return call(() =>
    activitiesClient().PUT('/demand-reports/{year}/{quarter}', { params: { path: { year, quarter } }, body }),
  );
}
