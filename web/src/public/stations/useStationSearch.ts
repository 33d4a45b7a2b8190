import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { findStations, type ServiceCategory, type StationPage } from '@/api/registry';
import { useResource } from '@/composables/useResource';
import { isDistrictCode, SERVICE_CATEGORY_LABELS } from '@/labels';
import { charCount } from '@/rules/text';
import { stationListTexts } from './texts';

export const PAGE_SIZE = 20;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isServiceCategory(value: string): value is ServiceCategory {
  return value in SERVICE_CATEGORY_LABELS;
}

/**
 * The register's search: the filters live in the address (?name=&district=&service=&page=), so
 * a search can be bookmarked, shared and gone back to; each change of the address searches.
 */
export function useStationSearch() {
  const route = useRoute();
  const router = useRouter();

  const applied = computed<{ name: string; district: string; service: ServiceCategory | ''; page: number }>(() => {
    const district = text(route.query.district);
    const service = text(route.query.service);
    const page = Number.parseInt(text(route.query.page), 10);
    return {
      name: text(route.query.name).slice(0, 100),
      district: isDistrictCode(district) ? district : '',
      service: isServiceCategory(service) ? service : '',
      page: Number.isFinite(page) && page > 0 ? page : 1,
    };
  });

  /** What the form shows, until it is submitted. */
  const form = reactive<{ name: string; district: string; service: ServiceCategory | '' }>({
    name: applied.value.name,
    district: applied.value.district,
    service: applied.value.service,
  });
  const nameError = computed(() => (charCount(form.name.trim()) > 100 ? stationListTexts.nameTooLong : ''));

  const results = useResource<StationPage>(
    () => {
      const { name, district, service, page } = applied.value;
      return findStations({
        name: name || undefined,
        district_code: district || undefined,
        service: service || undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
    },
    { isEmpty: (page) => page.items.length === 0 },
  );

  watch(
    () => route.query,
    () => {
      Object.assign(form, { name: applied.value.name, district: applied.value.district, service: applied.value.service });
      void results.load();
    },
    { immediate: true },
  );

  const pages = computed(() => Math.max(1, Math.ceil((results.data.value?.total ?? 0) / PAGE_SIZE)));

  function queryFor(filters: { name: string; district: string; service: string }, page = 1): LocationQueryRaw {
    const query: LocationQueryRaw = {};
    if (filters.name.trim()) query.name = filters.name.trim();
    if (filters.district) query.district = filters.district;
    if (filters.service) query.service = filters.service;
    if (page > 1) query.page = String(page);
    return query;
  }

  function search(): void {
    if (nameError.value) return;
    void router.push({ query: queryFor(form) });
  }

  function pageLink(page: number) {
    return { query: queryFor(applied.value, page) };
  }

  const filtered = computed(() => Boolean(applied.value.name || applied.value.district || applied.value.service));

  return { form, nameError, applied, results, pages, search, pageLink, filtered };
}
