/** The services as the signed-in console calls them: with the session's token, a 401 ending the session. */
import { signedInClient, type Credentials } from '@/api/client';
import type { paths as NotificationsPaths } from '@/api/generated/notifications';
import { notificationsCalls, type NotificationsCalls } from '@/api/notifications';
import { useSessionStore } from './auth/session';

const credentials: Credentials = {
  accessToken: () => useSessionStore().accessToken(),
  rejected: (problem) => useSessionStore().rejected(problem),
};

let notifications: NotificationsCalls | null = null;

export function notificationsApi(): NotificationsCalls {
  notifications ??= notificationsCalls(signedInClient<NotificationsPaths>('notifications', credentials));
  return notifications;
}
