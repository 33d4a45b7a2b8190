/**
 * The station a signed-in operator acts for: the token's `station_id` claim, which the activities
 * service checks too. Null before the organisation's station is recognised.
 */
import { computed, type ComputedRef } from 'vue';
import { useSessionStore } from '../../auth/session';

export function useOwnStation(): ComputedRef<string | null> {
  const session = useSessionStore();
  return computed(() => session.profile?.stationId ?? null);
}
