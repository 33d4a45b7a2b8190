/** Who is signed in, as the access token's claims say (the same claims the services check). */
import type { Role } from '@/api/notifications';

export const ROLES: readonly Role[] = [
  'bureau_admin',
  'district_officer',
  'head_station_staff',
  'expert',
  'station_operator',
  'platform_operator',
];

export interface Profile {
  subject: string;
  role: Role;
  name: string;
  /** District officers: the 6-digit division code. */
  district: string | null;
  /** Station operators: the USCC of the legal entity, and its station once recognised. */
  org: string | null;
  stationId: string | null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The payload of a JWT, unverified (the services verify it; the console only reads who it names). */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The token's expiry in milliseconds since the epoch, or null when it names none. */
export function expiryOf(claims: Record<string, unknown>): number | null {
  return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
}

/**
 * The profile the claims describe, or null when they lack what the role needs (a district
 * officer without a district, an operator without its organisation), as the services refuse such tokens too.
 */
export function profileFromClaims(claims: Record<string, unknown>, fallbackName?: string | null): Profile | null {
  const subject = text(claims.sub);
  if (!subject || !isRole(claims.role)) return null;
  const district = text(claims.district);
  const org = text(claims.org)?.toUpperCase() ?? null;
  if (claims.role === 'district_officer' && !district) return null;
  if (claims.role === 'station_operator' && !org) return null;
  const name = text(claims.name) ?? text(claims.preferred_username) ?? fallbackName ?? subject;
  return { subject, role: claims.role, name, district, org, stationId: text(claims.station_id) };
}
