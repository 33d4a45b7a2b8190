/**
 * The services as the signed-in console calls them: with the session's token, a 401 ending the
 * session. One client per service, made on first use; each area of the console wraps the calls it
 * makes in its own typed module (e.g. `applicant/calls.ts`), on these clients.
 */
import type { Client } from 'openapi-fetch';
import { signedInClient, type Credentials, type Service } from '@/api/client';
import type { paths as ActivitiesPaths } from '@/api/generated/activities';
import type { paths as AssessmentPaths } from '@/api/generated/assessment';
import type { paths as NotificationsPaths } from '@/api/generated/notifications';
import type { paths as RegistryPaths } from '@/api/generated/registry';
import type { paths as ReviewPaths } from '@/api/generated/review';
import { notificationsCalls, type NotificationsCalls } from '@/api/notifications';
import { useSessionStore } from './auth/session';

export const credentials: Credentials = {
  accessToken: () => useSessionStore().accessToken(),
  rejected: (problem) => useSessionStore().rejected(problem),
};

const clients = new Map<Service, unknown>();

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
function client<Paths extends {}>(service: Service): Client<Paths> {
  if (!clients.has(service)) clients.set(service, signedInClient<Paths>(service, credentials));
  return clients.get(service) as Client<Paths>;
}

export const registryClient = () => client<RegistryPaths>('registry');
export const reviewClient = () => client<ReviewPaths>('review');
export const activitiesClient = () => client<ActivitiesPaths>('activities');
export const assessmentClient = () => client<AssessmentPaths>('assessment');

let notifications: NotificationsCalls | null = null;

export function notificationsApi(): NotificationsCalls {
  notifications ??= notificationsCalls(client<NotificationsPaths>('notifications'));
  return notifications;
}
