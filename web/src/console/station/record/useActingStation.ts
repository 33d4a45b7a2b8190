/**
 * The station the signed-in operator acts for (the token's `station_id`, which the services check)
 * and the other stations of its organisation. Both load again when the operator switches station.
 */
import { computed, watch } from 'vue';
import { useResource } from '@/composables/useResource';
import { useSessionStore } from '../../auth/session';
import { organisationStations, station, type Station } from './calls';

export function useActingStation() {
  const session = useSessionStore();
  const stationId = computed(() => session.profile?.stationId ?? null);
  const record = useResource<Station>(() => station(stationId.value ?? ''));
  const organisation = useResource<Station[]>(organisationStations);
  const others = computed(() => (organisation.data.value ?? []).filter((found) => found.id !== stationId.value));

  watch(
    stationId,
    (id) => {
      if (!id) return;
      void record.load();
      void organisation.load();
    },
    { immediate: true },
  );

  /** The record as the service answered an action on it (signing the convention, say). */
  function replace(updated: Station): void {
    record.data.value = updated;
  }

  return { stationId, record, others, replace };
}
