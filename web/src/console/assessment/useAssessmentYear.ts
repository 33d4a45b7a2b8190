/**
 * The year an assessment page shows (in the address as ?year=, this year by default), the years it
 * offers (this year and every year with a cycle) and that year's cycle, reloaded when it changes.
 */
import { computed, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useResource } from '@/composables/useResource';
import { yearInShanghai } from '@/dates';
import { cycles, type Cycle } from './calls';

/** This year and the years with a cycle, newest first. */
export function yearsOffered(current: number, cycleYears: readonly number[]): number[] {
  return [...new Set([current, ...cycleYears])].sort((a, b) => b - a);
}

export function useAssessmentYear() {
  const route = useRoute();
  const router = useRouter();
  const current = yearInShanghai();
  const all = useResource<Cycle[]>(cycles);
  onMounted(all.load);

  const year = computed<number>({
    get: () => {
      const asked = Number(route.query.year);
      return Number.isInteger(asked) && asked >= 2020 && asked <= 2100 ? asked : current;
    },
    set: (value) => void router.replace({ query: { ...route.query, year: String(value) } }),
  });
  const years = computed(() => yearsOffered(current, (all.data.value ?? []).map((c) => c.year)));
  const cycle = computed<Cycle | null>(() => all.data.value?.find((c) => c.year === year.value) ?? null);
  return { year, years, cycle, cycles: all };
}
