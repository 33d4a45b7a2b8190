/**
 * The console's session: how people sign in here (runtime config), who is signed in, the bearer
 * token in memory only, and its end — at expiry, on a 401 from any service, or on signing out.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { mintDevToken, type DevToken } from '@/api/notifications';
import { expiryOf, jwtClaims, profileFromClaims, type Profile } from './claims';
import type { OidcSession } from './oidc';
import { ConfigError, loadAuthConfig, type AuthConfig } from './runtimeConfig';
import type { SignedIn } from './signedIn';

export type SessionStatus = 'starting' | 'signed-out' | 'signed-in' | 'ended';
export type EndReason = 'expired' | 'rejected' | 'signed-out';

/** Thrown when a token lacks what the console needs (a role, an officer's district, an operator's USCC). */
export class UnusableToken extends Error {
  override readonly name = 'UnusableToken';
}

function problemCode(problem: unknown): unknown {
  return typeof problem === 'object' && problem !== null ? (problem as Record<string, unknown>).code : undefined;
}

export const useSessionStore = defineStore('console-session', () => {
  const config = shallowRef<AuthConfig | null>(null);
  const configError = ref('');
  const status = ref<SessionStatus>('starting');
  const profile = shallowRef<Profile | null>(null);
  const expiresAt = ref<number | null>(null);
  const endReason = ref<EndReason | null>(null);
  // Not reactive and never stored: only the service clients read it, through accessToken().
  let token: string | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let oidc: OidcSession | null = null;
  let starting: Promise<void> | null = null;

  const mode = computed(() => config.value?.mode ?? null);

  /** Reads the runtime config once (and, with an identity provider, the session this page holds). */
  function start(): Promise<void> {
    starting ??= boot();
    return starting;
  }

  async function boot(): Promise<void> {
    try {
      config.value = await loadAuthConfig();
    } catch (failure) {
      configError.value = failure instanceof ConfigError ? failure.message : '无法加载登录配置。';
      if (status.value === 'starting') status.value = 'signed-out';
      return;
    }
    if (config.value.mode === 'oidc') {
      const { oidcSession } = await import('./oidc');
      oidc = oidcSession(config.value);
      oidc.onRenewed((renewed) => (renewed ? accept(renewed) : end('rejected')));
      const restored = await oidc.restore().catch(() => null);
      if (restored) {
        accept(restored);
        return;
      }
    }
    if (status.value === 'starting') status.value = 'signed-out';
  }

  function accept(signedIn: SignedIn): void {
    token = signedIn.accessToken;
    profile.value = signedIn.profile;
    expiresAt.value = signedIn.expiresAt;
    endReason.value = null;
    status.value = Date.now() < signedIn.expiresAt ? 'signed-in' : 'ended';
    if (status.value === 'ended') endReason.value = 'expired';
    scheduleExpiry();
  }

  /** The development sign-in's token (POST /dev/tokens). */
  function acceptDevToken(minted: DevToken): void {
    const claims = jwtClaims(minted.access_token);
    const named = claims ? profileFromClaims(claims, minted.person.name) : null;
    // The token's life counted on this browser's own clock, as an identity provider's expires_in
    // is: a clock set apart from the service's neither ends the session at once nor prolongs it.
    const expiry =
      minted.expires_in > 0 ? Date.now() + minted.expires_in * 1000 : ((claims && expiryOf(claims)) ?? Date.parse(minted.expires_at));
    if (!named || Number.isNaN(expiry)) throw new UnusableToken('令牌缺少工作台所需的角色信息');
    accept({ accessToken: minted.access_token, expiresAt: expiry, profile: named });
  }

  function scheduleExpiry(): void {
    clearTimeout(expiryTimer);
    if (status.value !== 'signed-in' || expiresAt.value === null) return;
    // setTimeout holds at most ~24.8 days; check again then if the token lives longer.
    const wait = Math.min(Math.max(0, expiresAt.value - Date.now()), 2 ** 31 - 1);
    expiryTimer = setTimeout(checkExpiry, wait);
  }

  function checkExpiry(): void {
    if (status.value !== 'signed-in' || expiresAt.value === null) return;
    if (Date.now() >= expiresAt.value) end('expired');
    else scheduleExpiry();
  }

  function end(reason: EndReason): void {
    clearTimeout(expiryTimer);
    token = null;
    expiresAt.value = null;
    endReason.value = reason;
    status.value = reason === 'signed-out' ? 'signed-out' : 'ended';
    if (reason === 'signed-out') profile.value = null;
  }

  /** The bearer token while the session lasts (a timer asleep with the laptop cannot outlive it). */
  function accessToken(): string | null {
    if (status.value !== 'signed-in') return null;
    if (expiresAt.value !== null && Date.now() >= expiresAt.value) {
      end('expired');
      return null;
    }
    return token;
  }

  /** A service answered 401: the token is refused, so the session is over. */
  function rejected(problem: unknown): void {
    if (status.value !== 'signed-in') return;
    end(problemCode(problem) === 'token_expired' ? 'expired' : 'rejected');
  }

  /** With an identity provider: off to its sign-in page, coming back to `returnTo`. */
  async function signInWithProvider(returnTo: string): Promise<void> {
    if (!oidc) throw new ConfigError('登录配置不是统一身份认证');
    await oidc.signIn(returnTo);
  }

  /** At the provider's callback: the session begins; returns where to go. */
  async function completeProviderSignIn(url: string): Promise<string> {
    if (!oidc) throw new ConfigError('登录配置不是统一身份认证');
    const { signedIn, returnTo } = await oidc.completeSignIn(url);
    if (!signedIn) throw new UnusableToken('令牌缺少工作台所需的角色信息');
    accept(signedIn);
    return returnTo;
  }

  /**
   * An operator of several stations acts for another of its organisation's stations: with the
   * development sign-in, a token for that station; an identity provider's account is one station's.
   */
  async function actFor(stationId: string): Promise<void> {
    if (mode.value !== 'dev' || !profile.value) throw new ConfigError('请使用该服务站的账号登录');
    acceptDevToken(await mintDevToken(profile.value.subject, stationId));
  }

  async function signOut(): Promise<void> {
    end('signed-out');
    if (oidc) await oidc.signOut();
  }

  return {
    config,
    configError,
    mode,
    status,
    profile,
    expiresAt,
    endReason,
    start,
    accept,
    acceptDevToken,
    accessToken,
    rejected,
    signInWithProvider,
    completeProviderSignIn,
    actFor,
    signOut,
  };
});
