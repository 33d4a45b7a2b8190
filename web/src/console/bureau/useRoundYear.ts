/**
 * The review round a page works on: the years review has rounds for (newest first), and the one
 * chosen, kept in the address (`?year=`) so that a reload or a shared link shows the same year.
 */
import { computed, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useResource } from '@/composables/useResource';
import { reviewRounds, type ReviewRound } from './calls';

export function useRoundYear() {
  const route = useRoute();
  const router = useRouter();
  const rounds = useResource<ReviewRound[]>(reviewRounds, { isEmpty: (found) => found.length === 0 });

  const years = computed(() => (rounds.data.value ?? []).map((round) => round.year));
  const year = computed<number | null>({
    get: () => {
      const asked = Number(route.query.year);
      if (years.value.includes(asked)) return asked;
      return years.value[0] ?? null;
    },
    set: (value) => void router.replace({ query: { ...route.query, year: value === null ? undefined : String(value) } }),
  });
  const round = computed(() => (rounds.data.value ?? []).find((found) => found.year === year.value) ?? null);

  onMounted(() => void rounds.load());

  return { rounds, years, year, round };
}
