/**
 * The notifications service (消息通知): the development sign-in (anonymous), and the signed-in
 * console's inbox (站内信) and notice settings, each typed from the generated document.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from './generated/notifications';
import { call, serviceClient } from './client';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type Person = Schemas['PersonView'];
export type PeopleGroup = Schemas['PeopleGroup'];
export type PeopleList = Schemas['PeopleList'];
export type DevToken = Schemas['DevToken'];
export type InboxMessage = Schemas['InboxMessage'];
export type InboxPage = Schemas['InboxPage'];
export type UnreadCount = Schemas['UnreadCount'];
export type InboxQuery = NonNullable<paths['/inbox']['get']['parameters']['query']>;
export type ContactIn = Schemas['ContactIn'];
export type OrganisationContact = Schemas['OrganisationView'];
export type Preferences = Schemas['PreferencesBody'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditQuery = NonNullable<paths['/audit']['get']['parameters']['query']>;
export type NotificationsClient = Client<paths>;

export const notifications = serviceClient<paths>('notifications');

/** Whom the development sign-in offers (not served in production). */
export function listDevPeople(): Promise<PeopleList> {
  return call(() => notifications.GET('/dev/people'));
}

/** A development token for one person of the list; an operator's for one of its organisation's stations. */
export function mintDevToken(subject: string, stationId: string | null = null): Promise<DevToken> {
  return call(() => notifications.POST('/dev/tokens', { body: { subject, station_id: stationId } }));
}

/** The signed-in calls, made through a client that carries the session's token. */
export function notificationsCalls(client: NotificationsClient) {
  const message = (id: string) => ({ params: { path: { message_id: id } } });
  return {
    inbox: (query: InboxQuery): Promise<InboxPage> => call(() => client.GET('/inbox', { params: { query } })),
    message: (id: string): Promise<InboxMessage> => call(() => client.GET('/inbox/{message_id}', message(id))),
    markRead: (id: string): Promise<InboxMessage> => call(() => client.POST('/inbox/{message_id}/read', message(id))),
    markUnread: (id: string): Promise<InboxMessage> =>
      call(() => client.POST('/inbox/{message_id}/unread', message(id))),
    unreadCount: async (): Promise<number> =>
      (await call<UnreadCount>(() => client.GET('/inbox/unread-count'))).unread_count,
    myContact: (): Promise<OrganisationContact> => call(() => client.GET('/me/contact')),
    saveMyContact: (body: ContactIn): Promise<OrganisationContact> => call(() => client.PUT('/me/contact', { body })),
    myPreferences: (): Promise<Preferences> => call(() => client.GET('/me/preferences')),
    savePreferences: (body: Preferences): Promise<Preferences> => call(() => client.PUT('/me/preferences', { body })),
    /** The bureau's reading of the audit trail of the notifications the service sent. */
    audit: (query: AuditQuery): Promise<AuditEntry[]> => call(() => client.GET('/audit', { params: { query } })),
  };
}

export type NotificationsCalls = ReturnType<typeof notificationsCalls>;
