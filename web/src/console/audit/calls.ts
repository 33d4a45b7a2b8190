/**
 * An object's audit trail across the five services (the bureau's `/audit` of each): one object's
 * id may have entries in several (a station in registry, activities and assessment).
 */
import { call, type Service } from '@/api/client';
import { loadFailureMessage } from '@/api/problem';
import { activitiesClient, assessmentClient, notificationsApi, registryClient, reviewClient } from '../api';
import type { AuditEntry } from './actions';

export interface TracedEntry extends AuditEntry {
  service: Service;
}

export interface Trail {
  entries: TracedEntry[];
  /** The services that could not be read, with why: the trail is then incomplete and says so. */
  unread: Array<{ service: Service; why: string }>;
}

/** The most entries a service gives in one answer. */
export const AUDIT_LIMIT = 1000;

type Query = { target_id: string; target_type?: string; limit: number };

const readers: Record<Service, (query: Query) => Promise<AuditEntry[]>> = {
  registry: (query) => call(() => registryClient().GET('/audit', { params: { query } })),
  review: (query) => call(() => reviewClient().GET('/audit', { params: { query } })),
  activities: (query) => call(() => activitiesClient().GET('/audit', { params: { query } })),
  assessment: (query) => call(() => assessmentClient().GET('/audit', { params: { query } })),
  notifications: (query) => notificationsApi().audit(query),
};

/** Every service's entries for the object, newest first. */
export async function trailOf(targetId: string, targetType?: string): Promise<Trail> {
  const query: Query = { target_id: targetId, limit: AUDIT_LIMIT, ...(targetType ? { target_type: targetType } : {}) };
  const services = Object.keys(readers) as Service[];
  const answers = await Promise.allSettled(services.map((service) => readers[service](query)));
  const entries: TracedEntry[] = [];
  const unread: Trail['unread'] = [];
  answers.forEach((answer, index) => {
    const service = services[index] as Service;
    if (answer.status === 'fulfilled') entries.push(...answer.value.map((entry) => ({ ...entry, service })));
    else unread.push({ service, why: loadFailureMessage(answer.reason) });
  });
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries, unread };
}
