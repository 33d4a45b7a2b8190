import type { Profile } from './claims';

/** A session's credentials: the bearer token (in memory only), when it expires, and who it names. */
export interface SignedIn {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  profile: Profile;
}
