/**
 * The station the signed-in operator acts for: the token's `station_id`, which the services check
 * (null before recognition). Its full record loads again when the operator switches station.
 */
import { computed, watch } from 'vue';
import { useResource } from '@/composables/useResource';
import { useSessionStore } from '../../auth/session';
import { station, type Station } from './calls';

export function useActingStation() {
  const session = useSessionStore();
  const stationId = computed(() => session.profile?.stationId ?? null);
  const record = useResource<Station>(() => station(stationId.value ?? ''));

  watch(
    stationId,
    (id) => {
      if (id) void record.load();
    },
    { immediate: true },
  );

  /** The record as the service answered an action on it (signing the convention, say). */
  function replace(updated: Station): void {
    record.data.value = updated;
  }

  return { stationId, record, replace };
}
