/**
 * How the console signs people in, read at run time from `/config.json` (which the gateway
 * serves; web/public/config.json is the development one). One build serves every environment:
 *
 *   { "auth": { "mode": "dev" } }
 *   { "auth": { "mode": "oidc", "authority": "https://idp.example/realms/sme", "clientId": "sme-console" } }
 *
 * No inline script carries it: the Content-Security-Policy allows scripts from this origin only.
 */

export interface DevAuth {
  mode: 'dev';
}

export interface OidcAuth {
  mode: 'oidc';
  /** The identity provider's issuer URL (its discovery document is under /.well-known/). */
  authority: string;
  clientId: string;
  /** Space-separated scopes; `openid` is always among them. */
  scope: string;
}

export type AuthConfig = DevAuth | OidcAuth;

export const CONFIG_URL = '/config.json';

/** A configuration the console cannot work with; `message` is for the person at the screen. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const BAD = '登录配置有误，请联系系统管理员。';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function httpsOrLocal(url: string): boolean {
  try {
    const parsed = new URL(url);
    const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local);
  } catch {
    return false;
  }
}

/** The auth part of the runtime configuration, checked; throws {@link ConfigError} otherwise. */
export function parseAuthConfig(document: unknown): AuthConfig {
  const auth = isRecord(document) ? document.auth : undefined;
  if (!isRecord(auth)) throw new ConfigError(`${BAD}（缺少 auth 配置）`);
  if (auth.mode === 'dev') return { mode: 'dev' };
  if (auth.mode !== 'oidc') throw new ConfigError(`${BAD}（未知的登录方式）`);
  const { authority, clientId, scope } = auth;
  if (typeof authority !== 'string' || !httpsOrLocal(authority)) {
    throw new ConfigError(`${BAD}（身份认证服务地址须为 https 地址）`);
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') throw new ConfigError(`${BAD}（缺少 clientId）`);
  const scopes = new Set(['openid', ...(typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : ['profile'])]);
  return { mode: 'oidc', authority: authority.replace(/\/+$/, ''), clientId: clientId.trim(), scope: [...scopes].join(' ') };
}

/** Reads and checks `/config.json`, always from the server (a new release may change it). */
export async function loadAuthConfig(fetcher: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<AuthConfig> {
  let response: Response;
  try {
    response = await fetcher(CONFIG_URL, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    throw new ConfigError('无法读取登录配置，请检查网络连接后刷新页面。');
  }
  if (!response.ok) throw new ConfigError(`${BAD}（${CONFIG_URL} 返回 ${response.status}）`);
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    throw new ConfigError(`${BAD}（${CONFIG_URL} 不是有效的 JSON）`);
  }
  return parseAuthConfig(document);
}
