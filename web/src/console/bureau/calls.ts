/**
 * What the bureau's pages ask of the services: registry's rounds and register, review's rounds,
 * cases, shortlist, notice, objections and final lists, and every service's working-day calendar.
 */
import type { Client } from 'openapi-fetch';
import { call, signedInClient, type Service } from '@/api/client';
import type { components as Registry, paths as RegistryPaths } from '@/api/generated/registry';
import type { components as Review } from '@/api/generated/review';
import { credentials, registryClient, reviewClient } from '../api';
import { everyPage, PAGE_LIMIT, type Page } from '@/api/paging';

type RegistrySchemas = Registry['schemas'];
type ReviewSchemas = Review['schemas'];

export type ApplicationRound = RegistrySchemas['RoundView'];
export type OpenRoundBody = RegistrySchemas['OpenRoundRequest'];
export type ChangeRoundBody = RegistrySchemas['ChangeRoundRequest'];
export type Station = RegistrySchemas['StationView'];
export type StationStatus = RegistrySchemas['StationStatus'];
export type StatusChange = RegistrySchemas['StatusChangeView'];
export type ReviewRound = ReviewSchemas['RoundView'];
export type RoundStatus = ReviewSchemas['RoundStatus'];
export type CaseSummary = ReviewSchemas['CaseSummaryView'];
export type CaseDetail = ReviewSchemas['CaseView'];
export type CaseStatus = ReviewSchemas['CaseStatus'];
export type Recommendation = ReviewSchemas['Recommendation'];
export type ShortlistEntry = ReviewSchemas['ShortlistEntryView'];
export type NoticePreview = ReviewSchemas['NoticePreviewView'];
export type Notice = ReviewSchemas['NoticeView'];
export type NoticeForm = ReviewSchemas['NoticeForm'];
export type ObjectionSummary = ReviewSchemas['ObjectionSummaryView'];
export type ObjectionDetail = ReviewSchemas['ObjectionDetailView'];
export type ObjectionStatus = ReviewSchemas['ObjectionStatus'];
export type ObjectionOutcome = ReviewSchemas['ObjectionOutcome'];
export type Objector = ReviewSchemas['ObjectorView'];
export type FinalList = ReviewSchemas['FinalListView'];
export type CalendarYear = RegistrySchemas['YearView'];
export type ScheduleBody = RegistrySchemas['ScheduleIn'];

// --- registry: the application rounds and the register -------------------------------------------

/** Every application round, newest first. */
export function applicationRounds(): Promise<ApplicationRound[]> {
  return everyPage((offset) =>
    call(() => registryClient().GET('/rounds', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

export function openRound(body: OpenRoundBody): Promise<ApplicationRound> {
  return call(() => registryClient().POST('/rounds', { body }));
}

export function changeRound(year: number, body: ChangeRoundBody): Promise<ApplicationRound> {
  return call(() => registryClient().PATCH('/rounds/{year}', { params: { path: { year } }, body }));
}

export interface StationQuery {
  district_code?: string;
  status?: StationStatus;
  name?: string;
  limit: number;
  offset: number;
}

/** A page of the register: every district's stations, for the bureau. */
export function stations(query: StationQuery): Promise<Page<Station>> {
  return call(() => registryClient().GET('/stations', { params: { query } }));
}

export function station(stationId: string): Promise<Station> {
  return call(() => registryClient().GET('/stations/{station_id}', { params: { path: { station_id: stationId } } }));
}

/** A station's status history, oldest first. */
export function stationHistory(stationId: string): Promise<StatusChange[]> {
  return everyPage((offset) =>
    call(() =>
      registryClient().GET('/stations/{station_id}/history', {
        params: { path: { station_id: stationId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

// --- review: rounds, shortlist, notice ---------------------------------------------------------------

/** Every review round, newest first, each with where it stands. */
export function reviewRounds(): Promise<ReviewRound[]> {
  return everyPage((offset) =>
    call(() => reviewClient().GET('/rounds', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

export function reviewRound(year: number): Promise<ReviewRound> {
  return call(() => reviewClient().GET('/rounds/{year}', { params: { path: { year } } }));
}

/** Every new application's case of the round (re-reviews are decided apart, §4.2). */
export function newCasesOf(year: number): Promise<CaseSummary[]> {
  return everyPage((offset) =>
    call(() =>
      reviewClient().GET('/cases', {
        params: { query: { round_year: year, kind: 'new', limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function caseDetail(caseId: string): Promise<CaseDetail> {
  return call(() => reviewClient().GET('/cases/{case_id}', { params: { path: { case_id: caseId } } }));
}

export function fixShortlist(year: number, applicationIds: string[]): Promise<ShortlistEntry[]> {
  return call(() =>
    reviewClient().PUT('/rounds/{year}/shortlist', {
      params: { path: { year } },
      body: { application_ids: applicationIds },
    }),
  );
}

/** The period a notice published today would run; refused as publishing would be. */
export function noticePreview(year: number): Promise<NoticePreview> {
  return call(() => reviewClient().GET('/rounds/{year}/notice/preview', { params: { path: { year } } }));
}

export function publishNotice(year: number, body: NoticeForm): Promise<Notice> {
  return call(() => reviewClient().POST('/rounds/{year}/notice', { params: { path: { year } }, body }));
}

export function notice(noticeId: string): Promise<Notice> {
  return call(() =>
    reviewClient().GET('/public/notices/{notice_id}', { params: { path: { notice_id: noticeId } } }),
  );
}

/** The notice as the bureau posts it, PDF (public, through the gateway). */
export const noticeDocumentUrl = (noticeId: string) =>
  `/api/review/public/notices/${encodeURIComponent(noticeId)}/document`;

// --- review: objections -------------------------------------------------------------------------------

export interface ObjectionQuery {
  round_year?: number;
  status?: ObjectionStatus;
  limit: number;
  offset: number;
}

/** A page of objections, without who filed them. */
export function objections(query: ObjectionQuery): Promise<Page<ObjectionSummary>> {
  return call(() => reviewClient().GET('/objections', { params: { query } }));
}

/** Every objection of a round, without who filed them. */
export function objectionsOf(year: number): Promise<ObjectionSummary[]> {
  return everyPage((offset) => objections({ round_year: year, limit: PAGE_LIMIT, offset }));
}

/** One objection with its objector: the service records the bureau's reading. */
export function objection(objectionId: string): Promise<ObjectionDetail> {
  return call(() =>
    reviewClient().GET('/objections/{objection_id}', { params: { path: { objection_id: objectionId } } }),
  );
}

export function resolveObjection(
  objectionId: string,
  body: { outcome: ObjectionOutcome; findings: string },
): Promise<ObjectionDetail> {
  return call(() =>
    reviewClient().POST('/objections/{objection_id}/resolution', {
      params: { path: { objection_id: objectionId } },
      body,
    }),
  );
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The file name a download's Content-Disposition gives (RFC 6266, UTF-8 form first). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // Falls through to the plain form.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** The organisation's sealed written objection (the service records the download). */
export async function sealScan(objectionId: string, fallbackName: string): Promise<DownloadedFile> {
  let disposition: string | null = null;
  const blob = await call(async () => {
    const outcome = await reviewClient().GET('/objections/{objection_id}/seal-scan', {
      params: { path: { objection_id: objectionId } },
      parseAs: 'blob',
    });
    disposition = outcome.response.headers.get('content-disposition');
    return outcome;
  });
  return { blob: blob as unknown as Blob, filename: filenameOf(disposition, fallbackName) };
}

// --- review: final lists ------------------------------------------------------------------------------

export function publishFinalList(year: number): Promise<FinalList> {
  return call(() => reviewClient().POST('/rounds/{year}/final-list', { params: { path: { year } }, body: {} }));
}

export function finalList(year: number): Promise<FinalList> {
  return call(() => reviewClient().GET('/public/final-lists/{year}', { params: { path: { year } } }));
}

/** A year's final list with its plaque numbers as the bureau posts it, PDF (public, through the gateway). */
export const finalListDocumentUrl = (year: number) => `/api/review/public/final-lists/${year}/document`;

/** Every published final list, newest first. */
export function finalLists(): Promise<FinalList[]> {
  return everyPage((offset) =>
    call(() => reviewClient().GET('/public/final-lists', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

// --- every service's working-day calendar -------------------------------------------------------------

/** The services that keep a working-day calendar: all five (the kit's calendar routes). */
export const CALENDAR_SERVICES: readonly Service[] = ['registry', 'review', 'activities', 'assessment', 'notifications'];

// Every service serves the kit's same calendar routes, so one set of path types describes them all.
type CalendarPaths = Pick<RegistryPaths, '/calendar/{year}'>;

const calendarClients = new Map<Service, Client<CalendarPaths>>();

function calendarClient(service: Service): Client<CalendarPaths> {
  let client = calendarClients.get(service);
  if (!client) {
    client = signedInClient<CalendarPaths>(service, credentials);
    calendarClients.set(service, client);
  }
  return client;
}

/** Whether ``service`` knows ``year``'s working days, and from where. */
export function calendarYear(service: Service, year: number): Promise<CalendarYear> {
  return call(() => calendarClient(service).GET('/calendar/{year}', { params: { path: { year } } }));
}

/** Load (or replace) ``year``'s official schedule on ``service``. */
export function loadCalendarYear(service: Service, year: number, body: ScheduleBody): Promise<CalendarYear> {
  return call(() => calendarClient(service).PUT('/calendar/{year}', { params: { path: { year } }, body }));
}
