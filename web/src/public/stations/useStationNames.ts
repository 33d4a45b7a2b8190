import { reactive, watch, type WatchSource } from 'vue';
import { getStation } from '@/api/registry';

/**
 * The names of stations known only by id (an activity's organisers, a request's station), looked
 * up in the public register. A station the register does not show stays without a name.
 */
export function useStationNames(ids: WatchSource<ReadonlyArray<string>>) {
  const names = reactive<Record<string, string>>({});
  watch(
    ids,
    (wanted) => {
      for (const id of wanted) {
        if (id in names) continue;
        names[id] = '';
        getStation(id).then(
          (station) => {
            names[id] = station.name;
          },
          () => undefined,
        );
      }
    },
    { immediate: true },
  );
  return names;
}
