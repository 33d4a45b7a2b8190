/** The review service's public calls: notices (公示), objections (异议) and final lists (认定名单). */
import type { components, paths } from './generated/review';
import { call, serviceClient } from './client';

type Schemas = components['schemas'];

export type Notice = Schemas['NoticeView'];
export type NoticeEntry = Schemas['NoticeEntryView'];
export type NoticeStatus = Schemas['NoticeStatus'];
export type FinalList = Schemas['FinalListView'];
export type FinalListEntry = Schemas['FinalListEntryView'];
export type ObjectionReceipt = Schemas['ObjectionReceipt'];
export type ObjectionStatus = Schemas['ObjectionStatus'];
/** The objection form's text fields (multipart/form-data); the sealed scan travels beside them. */
export type ObjectionFields = Omit<
  Schemas['Body_file_objection_public_notices__notice_id__objections_post'],
  'seal_scan'
>;

const client = serviceClient<paths>('review');

/** The newest notices (one a year): the first page, of up to 50. */
export async function listNotices(): Promise<Notice[]> {
  const page = await call(() => client.GET('/public/notices'));
  return page.items;
}

export function getNotice(noticeId: string): Promise<Notice> {
  return call(() => client.GET('/public/notices/{notice_id}', { params: { path: { notice_id: noticeId } } }));
}

/** The newest final lists (one a year): the first page, of up to 50. */
export async function listFinalLists(): Promise<FinalList[]> {
  const page = await call(() => client.GET('/public/final-lists'));
  return page.items;
}

export function getFinalList(year: number): Promise<FinalList> {
  return call(() => client.GET('/public/final-lists/{year}', { params: { path: { year } } }));
}

/** The multipart body: every filled-in text field, and the scan when there is one. */
export function objectionFormData(fields: ObjectionFields, sealScan: Blob | null): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.trim() !== '') form.append(name, value.trim());
  }
  if (sealScan) form.append('seal_scan', sealScan, sealScan instanceof File ? sealScan.name : 'seal-scan');
  return form;
}

export function fileObjection(
  noticeId: string,
  fields: ObjectionFields,
  sealScan: Blob | null,
): Promise<ObjectionReceipt> {
  return call(() =>
    client.POST('/public/notices/{notice_id}/objections', {
      params: { path: { notice_id: noticeId } },
      body: fields,
      bodySerializer: (body) => objectionFormData(body ?? {}, sealScan),
    }),
  );
}
