/**
 * What the station's assessment page asks of the assessment service, as its operator: the year's
 * deadlines and its plan and summary (submitted or revised, multipart with attachments), the
 * evidence so far, published results, rectification orders and the rectification report.
 */
import { call } from '@/api/client';
import type { components } from '@/api/generated/assessment';
import { assessmentClient } from '../../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type Schemas = components['schemas'];

export type Deadlines = Schemas['DeadlinesView'];
export type WorkDocument = Schemas['DocumentView'];
export type WorkDocumentDetail = Schemas['DocumentDetail'];
export type DocumentKind = Schemas['DocumentKind'];
export type Evidence = Schemas['EvidenceView'];
export type Standing = Schemas['Standing'];
export type Result = Schemas['ResultView'];
export type BreakdownLine = Schemas['BreakdownLine'];
export type Rectification = Schemas['RectificationView'];
export type RectificationDetail = Schemas['RectificationDetail'];
export type Attachment = Schemas['AttachmentView'];

/** The deadlines of every year the bureau has set. */
export function allDeadlines(): Promise<Deadlines[]> {
  return everyPage((offset) =>
    call(() => assessmentClient().GET('/work-documents/deadlines', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

/** The station's plan and summary of a year (what it has submitted). */
export function workDocuments(stationId: string, year: number): Promise<WorkDocument[]> {
  return everyPage((offset) =>
    call(() =>
      assessmentClient().GET('/work-documents', {
        params: { query: { station_id: stationId, year, limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function workDocument(documentId: string): Promise<WorkDocumentDetail> {
  return call(() =>
    assessmentClient().GET('/work-documents/{document_id}', { params: { path: { document_id: documentId } } }),
  );
}

export interface DocumentFields {
  kind: DocumentKind;
  year: number;
  title: string;
  content: string;
}

/** Multipart: each field, and each attachment as `attachments`. */
export function documentFormData(fields: DocumentFields, attachments: readonly File[]): FormData {
  const form = new FormData();
  form.append('kind', fields.kind);
  form.append('year', String(fields.year));
  form.append('title', fields.title.trim());
  form.append('content', fields.content);
  for (const file of attachments) form.append('attachments', file, file.name);
  return form;
}

/** Submits the plan or summary of a year, or revises the one submitted (late ones are accepted and recorded late). */
export function submitWorkDocument(
  stationId: string,
  fields: DocumentFields,
  attachments: readonly File[],
): Promise<WorkDocument> {
  return call(() =>
    assessmentClient().POST('/stations/{station_id}/work-documents', {
      params: { path: { station_id: stationId } },
      body: fields,
      bodySerializer: () => documentFormData(fields, attachments),
    }),
  );
}

export function evidence(stationId: string, year: number): Promise<Evidence> {
  return call(() =>
    assessmentClient().GET('/stations/{station_id}/evidence', {
      params: { path: { station_id: stationId }, query: { year } },
    }),
  );
}

/** The station's published results over the years. */
export function results(stationId: string): Promise<Result[]> {
  return everyPage((offset) =>
    call(() =>
      assessmentClient().GET('/stations/{station_id}/results', {
        params: { path: { station_id: stationId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

/** The rectifications ordered to the station (an operator is shown its own only). */
export async function rectifications(stationId: string): Promise<Rectification[]> {
  const found = await everyPage((offset) =>
    call(() => assessmentClient().GET('/rectifications', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
  return found.filter((rectification) => rectification.station_id === stationId);
}

export function rectification(rectificationId: string): Promise<RectificationDetail> {
  return call(() =>
    assessmentClient().GET('/rectifications/{rectification_id}', {
      params: { path: { rectification_id: rectificationId } },
    }),
  );
}

/** Multipart: the report's text, and each attachment as `attachments`. */
export function reportFormData(report: string, attachments: readonly File[]): FormData {
  const form = new FormData();
  form.append('report', report);
  for (const file of attachments) form.append('attachments', file, file.name);
  return form;
}

export function submitRectificationReport(
  rectificationId: string,
  report: string,
  attachments: readonly File[],
): Promise<Rectification> {
  return call(() =>
    assessmentClient().POST('/rectifications/{rectification_id}/report', {
      params: { path: { rectification_id: rectificationId } },
      body: { report },
      bodySerializer: () => reportFormData(report, attachments),
    }),
  );
}
