import { InMemoryWebStorage, OidcClient, User, UserManager } from 'oidc-client-ts';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationsCalls } from '@/api/notifications';
import { jwtClaims, profileFromClaims } from '@/console/auth/claims';
import { CALLBACK_PATH, oidcSession, oidcSettings, signedInFrom } from '@/console/auth/oidc';
import { ConfigError, loadAuthConfig, parseAuthConfig, type OidcAuth } from '@/console/auth/runtimeConfig';
import { useSessionStore } from '@/console/auth/session';
import { notificationsApi } from '@/console/api';
import { safeReturnTo } from '@/console/returnTo';
import { answer, DEV_CONFIG, fakeToken, json, PEOPLE, signInAs } from './fakes';

const OIDC: OidcAuth = {
  mode: 'oidc',
  authority: 'https://idp.example.gov.cn/realms/sme',
  clientId: 'sme-console',
  scope: 'openid profile',
};
const METADATA = {
  issuer: OIDC.authority,
  authorization_endpoint: `${OIDC.authority}/protocol/openid-connect/auth`,
  token_endpoint: `${OIDC.authority}/protocol/openid-connect/token`,
  end_session_endpoint: `${OIDC.authority}/protocol/openid-connect/logout`,
  jwks_uri: `${OIDC.authority}/protocol/openid-connect/certs`,
};

beforeEach(() => {
  setActivePinia(createPinia());
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe('which sign-in the runtime configuration chooses', () => {
  it('reads development and OpenID Connect modes', () => {
    expect(parseAuthConfig(DEV_CONFIG)).toEqual({ mode: 'dev' });
    expect(
      parseAuthConfig({ auth: { mode: 'oidc', authority: 'https://idp.example.gov.cn/realms/sme/', clientId: ' sme-console ' } }),
    ).toEqual({ mode: 'oidc', authority: 'https://idp.example.gov.cn/realms/sme', clientId: 'sme-console', scope: 'openid profile' });
    expect(
      parseAuthConfig({ auth: { mode: 'oidc', authority: 'http://127.0.0.1:18080/realms/x', clientId: 'web', scope: 'profile' } })
        .mode,
    ).toBe('oidc');
  });

  it.each([
    [null],
    [{}],
    [{ auth: { mode: 'password' } }],
    [{ auth: { mode: 'oidc', clientId: 'web' } }],
    [{ auth: { mode: 'oidc', authority: 'http://idp.example.gov.cn', clientId: 'web' } }],
    [{ auth: { mode: 'oidc', authority: 'https://idp.example.gov.cn', clientId: '' } }],
  ])('refuses %j with a message for the person at the screen', (document) => {
    expect(() => parseAuthConfig(document)).toThrow(ConfigError);
    expect(() => parseAuthConfig(document)).toThrow(/登录配置有误/);
  });

  it('asks /config.json past any cache, and says when it cannot', async () => {
    const seen = answer(() => json(200, DEV_CONFIG));
    await expect(loadAuthConfig()).resolves.toEqual({ mode: 'dev' });
    expect(new URL(seen[0]!.url).pathname).toBe('/config.json');
    expect(vi.mocked(fetch).mock.calls[0]![1]).toMatchObject({ cache: 'no-store' });
    answer(() => new Response('<html>', { status: 200 }));
    await expect(loadAuthConfig()).rejects.toThrow('不是有效的 JSON');
    answer(() => json(404, {}));
    await expect(loadAuthConfig()).rejects.toThrow('返回 404');
  });

  it('starts the session store in the configured mode, without loading the OpenID Connect client in development', async () => {
    answer(() => json(200, DEV_CONFIG));
    const session = useSessionStore();
    await session.start();
    expect(session.mode).toBe('dev');
    expect(session.status).toBe('signed-out');
  });

  it('shows a configuration it cannot use instead of a sign-in', async () => {
    answer(() => json(200, { auth: { mode: 'oidc' } }));
    const session = useSessionStore();
    await session.start();
    expect(session.configError).toMatch(/登录配置有误/);
  });
});

describe('who the token names', () => {
  it('reads the claims the services read, and refuses a token a role cannot work with', () => {
    const claims = jwtClaims(fakeToken(PEOPLE.district_officer))!;
    expect(profileFromClaims(claims)).toEqual({
      subject: 'district-440106',
      role: 'district_officer',
      name: '刘建平',
      district: '440106',
      org: null,
      stationId: null,
    });
    expect(profileFromClaims({ sub: 'x', role: 'district_officer' })).toBeNull();
    expect(profileFromClaims({ sub: 'x', role: 'station_operator' })).toBeNull();
    expect(profileFromClaims({ sub: 'x', role: 'superuser' })).toBeNull();
    expect(jwtClaims('not-a-token')).toBeNull();
  });
});

describe('the session', () => {
  it('ends when the token expires: no token is sent any more, and it says so', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T09:00:00+08:00') });
    const session = await signInAs('bureau_admin', 120);
    expect(session.status).toBe('signed-in');
    expect(session.accessToken()).toMatch(/^ey/);
    await vi.advanceTimersByTimeAsync(119_000);
    expect(session.status).toBe('signed-in');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session.status).toBe('ended');
    expect(session.endReason).toBe('expired');
    expect(session.accessToken()).toBeNull();
  });

  it('counts the token’s life on the browser’s own clock, however far it is from the service’s', async () => {
    // The service made the token at 09:00 on 1 December, valid 2 minutes; this browser's clock
    // says 6 December (a test's shifted clock, or a PC set wrong).
    const made = Math.floor(new Date('2026-12-01T09:00:00+08:00').getTime() / 1000);
    vi.useFakeTimers({ now: new Date('2026-12-06T09:00:00+08:00') });
    const claims: Record<string, unknown> = { ...PEOPLE.bureau_admin, iat: made, exp: made + 120 };
    const session = useSessionStore();
    session.acceptDevToken({
      access_token: fakeToken(claims),
      token_type: 'Bearer',
      expires_at: new Date((made + 120) * 1000).toISOString(),
      expires_in: 120,
      person: {
        subject: String(claims.sub),
        role: 'bureau_admin',
        name: String(claims.name),
        district_code: null,
        district_name: null,
        org: null,
        org_name: null,
        station_ids: [],
      },
    });
    expect(session.status).toBe('signed-in');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(session.status).toBe('ended');
  });

  it('ends on a 401 from any service: "rejected", or "expired" when the service says the token expired', async () => {
    const session = await signInAs('expert');
    answer(() =>
      json(401, { type: 'about:blank', status: 401, detail: '令牌已过期，请重新登录 (Token has expired)', code: 'token_expired' }, 'application/problem+json'),
    );
    await expect(notificationsApi().unreadCount()).rejects.toMatchObject({ status: 401 });
    expect(session.status).toBe('ended');
    expect(session.endReason).toBe('expired');

    await signInAs('expert');
    answer(() => json(401, { type: 'about:blank', status: 401, detail: '令牌签名无效', code: 'invalid_signature' }, 'application/problem+json'));
    await expect(notificationsApi().inbox({})).rejects.toMatchObject({ status: 401 });
    expect(session.endReason).toBe('rejected');
  });

  it('keeps the token out of every storage a script could read later', async () => {
    const session = await signInAs('head_station_staff');
    const token = session.accessToken()!;
    expect(JSON.stringify({ ...localStorage })).not.toContain(token);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(token);
    expect(document.cookie).not.toContain(token);
  });

  it('signs out: no token, no profile', async () => {
    const session = await signInAs('platform_operator');
    await session.signOut();
    expect(session.status).toBe('signed-out');
    expect(session.profile).toBeNull();
    expect(session.accessToken()).toBeNull();
  });

  it('sends a signed-in call with the bearer token, an anonymous client without', async () => {
    const seen = answer(() => json(200, { unread_count: 0, items: [] }));
    const session = await signInAs('station_operator');
    await notificationsApi().inbox({ limit: 20 });
    expect(seen[0]!.headers.get('Authorization')).toBe(`Bearer ${session.accessToken()}`);
    const { notifications } = await import('@/api/notifications');
    await notificationsCalls(notifications).inbox({});
    expect(seen[1]!.headers.get('Authorization')).toBeNull();
  });
});

describe('signing in with the identity provider', () => {
  it('asks for an authorization code with PKCE (S256), keeping tokens in memory only', () => {
    const settings = oidcSettings(OIDC, 'https://smefw.example.gov.cn', sessionStorage);
    expect(settings).toMatchObject({
      authority: OIDC.authority,
      client_id: 'sme-console',
      response_type: 'code',
      disablePKCE: false,
      redirect_uri: `https://smefw.example.gov.cn${CALLBACK_PATH}`,
      automaticSilentRenew: true,
      monitorSession: false,
    });
    expect((settings.userStore as unknown as { _store: unknown })._store).toBeInstanceOf(InMemoryWebStorage);
  });

  it('sends the browser to the provider with a code challenge, and stores only the sign-in state', async () => {
    const client = new OidcClient({ ...oidcSettings(OIDC, 'https://smefw.example.gov.cn', sessionStorage), metadata: METADATA });
    const request = await client.createSigninRequest({ state: { returnTo: '/console/inbox' } });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(METADATA.authorization_endpoint);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('scope')).toBe('openid profile');
    expect(localStorage.length).toBe(0);
    expect(Object.keys(sessionStorage).every((key) => key.startsWith('sme.oidc.'))).toBe(true);
  });

  it('keeps the signed-in user in memory, and reads the console’s claims from its access token', async () => {
    const manager = new UserManager({ ...oidcSettings(OIDC, 'https://smefw.example.gov.cn', sessionStorage), metadata: METADATA });
    const exp = Math.floor(Date.now() / 1000) + 300;
    const accessToken = fakeToken({ ...PEOPLE.district_officer, exp });
    const user = new User({
      access_token: accessToken,
      token_type: 'Bearer',
      profile: { sub: 'district-440106', iss: OIDC.authority, aud: 'sme-console', exp, iat: exp - 300, name: '刘建平' },
      expires_at: exp,
      refresh_token: 'refresh-me',
    });
    await manager.storeUser(user);
    expect((await manager.getUser())?.access_token).toBe(accessToken);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(accessToken);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain('refresh-me');
    expect(signedInFrom(user)).toMatchObject({
      accessToken,
      expiresAt: exp * 1000,
      profile: { role: 'district_officer', district: '440106', name: '刘建平' },
    });
    // A fresh page (a reload) has nobody signed in: the provider is asked again.
    expect(await oidcSession(OIDC, 'https://smefw.example.gov.cn', sessionStorage).restore()).toBeNull();
  });
});

describe('where the console returns after signing in', () => {
  it.each([
    ['/console/inbox?filter=unread', '/console/inbox?filter=unread'],
    ['/console', '/console'],
    ['https://evil.example/console', '/console'],
    ['//evil.example/console', '/console'],
    ['/notices', '/console'],
    ['/console/sign-in?redirect=/console', '/console'],
    [undefined, '/console'],
  ])('%s → %s', (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });
});
