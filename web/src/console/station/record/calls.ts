/**
 * What the station's record page asks of the services, as its operator: the registry's full record
 * of the station, its status history, reported changes and the convention; assessment's
 * withdrawal request (ground 7) and the revocation cases of the station.
 */
import { call } from '@/api/client';
import type { components as Assessment } from '@/api/generated/assessment';
import type { components as Registry } from '@/api/generated/registry';
import { assessmentClient, registryClient } from '../../api';
import { everyPage, PAGE_LIMIT } from '@/api/paging';

type RegistrySchemas = Registry['schemas'];

export type Station = RegistrySchemas['StationView'];
export type StatusChange = RegistrySchemas['StatusChangeView'];
export type StationStatus = RegistrySchemas['StationStatus'];
export type Change = RegistrySchemas['ChangeView'];
export type ChangeKind = RegistrySchemas['ChangeKind'];
export type ChangeReport = RegistrySchemas['ChangeReportRequest'];
export type StaffMember = RegistrySchemas['StaffMemberModel'];
export type SignConvention = RegistrySchemas['SignConventionRequest'];
export type RevocationCase = Assessment['schemas']['CaseView'];
export type CaseStatus = Assessment['schemas']['CaseStatus'];

const stationPath = (stationId: string) => ({ params: { path: { station_id: stationId } } });

export function station(stationId: string): Promise<Station> {
  return call(() => registryClient().GET('/stations/{station_id}', stationPath(stationId)));
}

/** Every station of the signed-in organisation (the registry lists an operator its own only). */
export function organisationStations(): Promise<Station[]> {
  return everyPage((offset) =>
    call(() => registryClient().GET('/stations', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
}

/** The status history, oldest first. */
export function statusHistory(stationId: string): Promise<StatusChange[]> {
  return everyPage((offset) =>
    call(() =>
      registryClient().GET('/stations/{station_id}/history', {
        params: { path: { station_id: stationId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

/** The reported changes, newest first. */
export function changes(stationId: string): Promise<Change[]> {
  return everyPage((offset) =>
    call(() =>
      registryClient().GET('/stations/{station_id}/changes', {
        params: { path: { station_id: stationId }, query: { limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

export function reportChange(stationId: string, body: ChangeReport): Promise<Change> {
  return call(() => registryClient().POST('/stations/{station_id}/changes', { ...stationPath(stationId), body }));
}

export function signConvention(stationId: string, body: SignConvention): Promise<Station> {
  return call(() => registryClient().POST('/stations/{station_id}/convention', { ...stationPath(stationId), body }));
}

/** The revocation cases of the station (an operator is shown its own only). */
export function revocationCases(stationId: string): Promise<RevocationCase[]> {
  return everyPage((offset) =>
    call(() =>
      assessmentClient().GET('/revocations', {
        params: { query: { station_id: stationId, limit: PAGE_LIMIT, offset } },
      }),
    ),
  );
}

/** Multipart: the reason, and each attachment as `attachments`. */
export function withdrawalFormData(reason: string, attachments: readonly File[]): FormData {
  const form = new FormData();
  form.append('reason', reason.trim());
  for (const file of attachments) form.append('attachments', file, file.name);
  return form;
}

/** The operator asks to stop running the station (§4.3 ground 7); the bureau decides. */
export function requestWithdrawal(stationId: string, reason: string, attachments: readonly File[]): Promise<RevocationCase> {
  return call(() =>
    assessmentClient().POST('/stations/{station_id}/withdrawal', {
      ...stationPath(stationId),
      body: { reason },
      bodySerializer: () => withdrawalFormData(reason, attachments),
    }),
  );
}
