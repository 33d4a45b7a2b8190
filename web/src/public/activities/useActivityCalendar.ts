import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { findActivities, themeMonths, type Activity } from '@/api/activities';
import { useResource } from '@/composables/useResource';
import { monthInShanghai, yearInShanghai } from '@/dates';

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The themed-month plan of a year and the activity calendar. The choices live in the address:
 * ?year= (the plan), ?theme= (a themed month), ?station= (a station's activities), ?past=1.
 */
export function useActivityCalendar() {
  const route = useRoute();
  const router = useRouter();

  const year = computed(() => {
    const asked = Number.parseInt(text(route.query.year), 10);
    return asked >= 2020 && asked <= 2100 ? asked : yearInShanghai();
  });
  const theme = computed(() => text(route.query.theme));
  const station = computed(() => text(route.query.station));
  const past = computed(() => text(route.query.past) === '1');

  const plan = useResource(() => themeMonths(year.value), { isEmpty: (months) => months.length === 0 });
  const activities = useResource(
    () =>
      findActivities({
        theme_month_id: theme.value || undefined,
        station_id: station.value || undefined,
        upcoming: !past.value,
      }),
    { isEmpty: (list) => list.length === 0 },
  );

  watch(year, () => void plan.load(), { immediate: true });
  watch([theme, station, past], () => void activities.load(), { immediate: true });

  const months = computed(() => [...(plan.data.value ?? [])].sort((a, b) => a.month - b.month));

  /** The activities by month (Beijing time), earliest first. */
  const byMonth = computed(() => {
    const groups = new Map<string, Activity[]>();
    const sorted = [...(activities.data.value ?? [])].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    for (const activity of sorted) {
      const key = monthInShanghai(activity.starts_at);
      groups.set(key, [...(groups.get(key) ?? []), activity]);
    }
    return [...groups.entries()].map(([month, items]) => ({ month, items }));
  });

  /** The filter form, applied on submit. */
  const form = reactive({ theme: theme.value, past: past.value });
  watch([theme, past], () => Object.assign(form, { theme: theme.value, past: past.value }));

  function query(changes: LocationQueryRaw): LocationQueryRaw {
    const merged: LocationQueryRaw = { ...route.query, ...changes };
    for (const key of Object.keys(merged)) if (merged[key] === undefined || merged[key] === '') delete merged[key];
    return merged;
  }

  function applyFilters(): void {
    void router.push({ query: query({ theme: form.theme || undefined, past: form.past ? '1' : undefined }) });
  }

  return { year, theme, station, past, plan, months, activities, byMonth, form, applyFilters, query };
}
