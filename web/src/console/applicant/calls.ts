/**
 * The calls the applicant's pages make: its applications and their materials (registry), the
 * rounds, the station a re-review is about, and how far review got (review's case of the
 * application, and the public notice it is on). Uploads are in upload.ts (they report progress).
 */
import { call } from '@/api/client';
import type { components } from '@/api/generated/registry';
import type { components as ReviewComponents } from '@/api/generated/review';
import { registryClient, reviewClient } from '../api';

type Schemas = components['schemas'];
type ReviewSchemas = ReviewComponents['schemas'];

export type Application = Schemas['ApplicationView'];
export type ApplicationSummary = Schemas['ApplicationSummary'];
export type ApplicationBody = Schemas['ApplicationFormModel'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type ApplicationKind = Schemas['ApplicationKind'];
export type DistrictDecision = Schemas['DistrictDecisionView'];
export type Attachment = Schemas['AttachmentView'];
export type AttachmentKind = Schemas['AttachmentKind'];
export type Round = Schemas['RoundView'];
export type Station = Schemas['StationView'];
export type OperatorType = Schemas['OperatorType'];
export type ServiceCategory = Schemas['ServiceCategory'];
export type ReviewCase = ReviewSchemas['CaseView'];
export type CaseStatus = ReviewSchemas['CaseStatus'];
export type Notice = ReviewSchemas['NoticeView'];

/** The most a list page holds: an organisation has one application a year, so one page is all of them. */
const ALL = 200;

export async function myApplications(): Promise<ApplicationSummary[]> {
  const page = await call(() => registryClient().GET('/applications', { params: { query: { limit: ALL } } }));
  return page.items;
}

/** The newest round (the one a year's notice opened), or null before the first. */
export async function newestRound(): Promise<Round | null> {
  const page = await call(() => registryClient().GET('/rounds', { params: { query: { limit: 1 } } }));
  return page.items[0] ?? null;
}

export function readApplication(id: string): Promise<Application> {
  return call(() => registryClient().GET('/applications/{application_id}', { params: { path: { application_id: id } } }));
}

export function startApplication(body: ApplicationBody): Promise<Application> {
  return call(() => registryClient().POST('/applications', { body }));
}

export function saveApplication(id: string, body: ApplicationBody): Promise<Application> {
  return call(() =>
    registryClient().PUT('/applications/{application_id}', { params: { path: { application_id: id } }, body }),
  );
}

export function submitApplication(id: string): Promise<Application> {
  return call(() =>
    registryClient().POST('/applications/{application_id}/submit', { params: { path: { application_id: id } } }),
  );
}

export async function attachmentsOf(id: string): Promise<Attachment[]> {
  const page = await call(() =>
    registryClient().GET('/applications/{application_id}/attachments', {
      params: { path: { application_id: id }, query: { limit: ALL } },
    }),
  );
  return page.items;
}

export async function removeAttachment(id: string, fileId: string): Promise<void> {
  await call(() =>
    registryClient().DELETE('/applications/{application_id}/attachments/{file_id}', {
      params: { path: { application_id: id, file_id: fileId } },
    }),
  );
}

/** The file's bytes (the download needs the session's token, so it cannot be a plain link). */
export async function downloadAttachment(id: string, fileId: string): Promise<Blob> {
  const blob = await call(() =>
    registryClient().GET('/applications/{application_id}/attachments/{file_id}', {
      params: { path: { application_id: id, file_id: fileId } },
      parseAs: 'blob',
    }),
  );
  return blob as unknown as Blob;
}

export function readStation(id: string): Promise<Station> {
  return call(() => registryClient().GET('/stations/{station_id}', { params: { path: { station_id: id } } }));
}

/**
 * Review's case of a forwarded application, as its applicant may read it; null while review has
 * not opened it yet (it does so when the forwarding reaches it).
 */
export async function caseOf(application: { id: string; round_year: number }): Promise<ReviewCase | null> {
  const page = await call(() =>
    reviewClient().GET('/cases', { params: { query: { round_year: application.round_year, limit: ALL } } }),
  );
  const found = page.items.find((item) => item.application_id === application.id);
  if (!found) return null;
  return call(() => reviewClient().GET('/cases/{case_id}', { params: { path: { case_id: found.id } } }));
}

/** The public notice that lists this application (its shortlist), if one does. */
export async function noticeListing(application: { id: string; round_year: number }): Promise<Notice | null> {
  const page = await call(() => reviewClient().GET('/public/notices', { params: { query: { limit: 50 } } }));
  return (
    page.items.find(
      (notice) =>
        notice.round_year === application.round_year && notice.entries.some((e) => e.application_id === application.id),
    ) ?? null
  );
}

export function roundOf(year: number): Promise<Round> {
  return call(() => registryClient().GET('/rounds/{year}', { params: { path: { year } } }));
}
