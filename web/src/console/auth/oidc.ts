/**
 * Sign-in with the identity provider: OpenID Connect authorization code with PKCE (oidc-client-ts).
 * Loaded only when /config.json says `"mode": "oidc"`, so development never downloads it.
 *
 * Tokens live in memory only (an InMemoryWebStorage user store): nothing a script could read
 * later stays in localStorage or sessionStorage. A reload or a new tab signs in again, which the
 * provider usually answers without asking (its own session). The one thing that must survive the
 * redirect to the provider and back, the sign-in's state with its PKCE verifier, waits in
 * sessionStorage and is removed at the callback.
 *
 * Renewal: a minute before the access token expires the manager renews it with the refresh
 * token. Without one (or when renewal fails) the session ends at expiry with a clear message:
 * a silent renewal through a hidden frame cannot work here, the gateway forbids framing.
 */
import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type User,
  type UserManagerSettings,
} from 'oidc-client-ts';
import { jwtClaims, profileFromClaims } from './claims';
import type { OidcAuth } from './runtimeConfig';
import type { SignedIn } from './signedIn';

export const CALLBACK_PATH = '/console/auth/callback';
export const SIGN_IN_PATH = '/console/sign-in';

export function oidcSettings(config: OidcAuth, origin: string, stateStorage: Storage): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: origin + CALLBACK_PATH,
    post_logout_redirect_uri: origin + SIGN_IN_PATH,
    response_type: 'code',
    disablePKCE: false,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: stateStorage, prefix: 'sme.oidc.' }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    maxSilentRenewTimeoutRetries: 0,
    // The check-session frame cannot load either (framing is forbidden); expiry ends the session.
    monitorSession: false,
    loadUserInfo: false,
  };
}

/** The session a signed-in user stands for, or null when its token lacks the console's claims. */
export function signedInFrom(user: User): SignedIn | null {
  const claims = jwtClaims(user.access_token);
  const name = typeof user.profile.name === 'string' ? user.profile.name : null;
  const profile = claims ? profileFromClaims({ ...user.profile, ...claims }, name) : null;
  if (!profile || !user.expires_at) return null;
  return { accessToken: user.access_token, expiresAt: user.expires_at * 1000, profile };
}

export interface OidcSession {
  /** The user of this page's memory, if still valid (none after a reload). */
  restore(): Promise<SignedIn | null>;
  /** Off to the provider; back at the callback, then at `returnTo`. */
  signIn(returnTo: string): Promise<void>;
  /** At the callback: the session, and where to go back to. */
  completeSignIn(url: string): Promise<{ signedIn: SignedIn | null; returnTo: string }>;
  signOut(): Promise<void>;
  /** Called with each renewed session. */
  onRenewed(listener: (signedIn: SignedIn | null) => void): void;
}

export function oidcSession(config: OidcAuth, origin = window.location.origin, stateStorage = window.sessionStorage): OidcSession {
  const manager = new UserManager(oidcSettings(config, origin, stateStorage));
  return {
    async restore() {
      const user = await manager.getUser();
      return user && !user.expired ? signedInFrom(user) : null;
    },
    async signIn(returnTo) {
      await manager.signinRedirect({ state: { returnTo } });
    },
    async completeSignIn(url) {
      const user = await manager.signinRedirectCallback(url);
      const state = user.state as { returnTo?: unknown } | undefined;
      return { signedIn: signedInFrom(user), returnTo: typeof state?.returnTo === 'string' ? state.returnTo : '/console' };
    },
    async signOut() {
      const user = await manager.getUser();
      await manager.removeUser();
      try {
        await manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
      } catch {
        // A provider without an end-session endpoint: the console's own session is over anyway.
      }
    },
    onRenewed(listener) {
      manager.events.addUserLoaded((user) => listener(signedInFrom(user)));
    },
  };
}
