/** What the console's tests share: development-style tokens, a stubbed fetch, a signed-in session. */
import { vi } from 'vitest';
import type { Role } from '@/api/notifications';
import { useSessionStore } from '@/console/auth/session';

function base64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned JWT with these claims (the console reads claims; the services check signatures). */
export function fakeToken(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;
}

export const PEOPLE: Record<Role, Record<string, unknown>> = {
  bureau_admin: { sub: 'bureau-chen', role: 'bureau_admin', name: '陈卫东' },
  head_station_staff: { sub: 'hs-liang', role: 'head_station_staff', name: '梁嘉颖' },
  district_officer: { sub: 'district-440106', role: 'district_officer', district: '440106', name: '刘建平' },
  expert: { sub: 'expert-lin', role: 'expert', name: '林晓明' },
  station_operator: {
    sub: 'operator-91440106MA5AUK3L7C',
    role: 'station_operator',
    org: '91440106MA5AUK3L7C',
    name: '广州市天河区智汇企业服务有限公司',
  },
  platform_operator: { sub: 'platform-feng', role: 'platform_operator', name: '冯志远' },
};

export type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces fetch; returns the requests it saw. */
export function answer(handler: Handler): Request[] {
  const seen: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://console.test'), init);
      seen.push(request.clone());
      return handler(request);
    }),
  );
  return seen;
}

export const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

export const DEV_CONFIG = { auth: { mode: 'dev' } };

/** The session of someone with this role, the token valid for `ttlSeconds` more. */
export async function signInAs(role: Role, ttlSeconds = 3600): Promise<ReturnType<typeof useSessionStore>> {
  const session = useSessionStore();
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const claims: Record<string, unknown> = { ...PEOPLE[role], exp, iat: exp - ttlSeconds };
  session.acceptDevToken({
    access_token: fakeToken(claims),
    token_type: 'Bearer',
    expires_at: new Date(exp * 1000).toISOString(),
    expires_in: ttlSeconds,
    person: {
      subject: String(claims.sub),
      role,
      name: String(claims.name),
      district_code: null,
      district_name: null,
      org: null,
      org_name: null,
      station_ids: [],
    },
  });
  return session;
}
