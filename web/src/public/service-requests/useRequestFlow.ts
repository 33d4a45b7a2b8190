import { toRef } from 'vue';
import { useRoute } from 'vue-router';
import { fileServiceRequest } from '@/api/activities';
import { useQuestionFlow } from '@/composables/useQuestionFlow';
import { isDistrictCode } from '@/labels';
import { useServiceRequestStore } from '@/stores/serviceRequest';
import { REQUEST_STEPS, requestBody, requestProblems, STEP_FIELDS } from './requestRules';

/** The service request form's pages (see useQuestionFlow). */
export function useRequestFlow() {
  const store = useServiceRequestStore();
  const route = useRoute();
  // "向该服务站提出服务需求" on a station's page names the station and its district.
  const { station, district } = route.query;
  if (typeof station === 'string' && station) store.draft.station_id = station;
  if (typeof district === 'string' && isDistrictCode(district) && !store.draft.district_code) {
    store.draft.district_code = district;
  }

  const flow = useQuestionFlow({
    steps: REQUEST_STEPS,
    fieldsOf: (step) => STEP_FIELDS[step],
    problems: () => requestProblems(store.draft),
    errors: toRef(store, 'errors'),
    returnToCheck: toRef(store, 'returnToCheck'),
    hasReceipt: () => store.receipt !== null,
    ready: () => true,
    send: async () => {
      const body = requestBody(store.draft);
      store.filed(await fileServiceRequest(body), body.uscc);
    },
    seedQuery: ['station', 'district'],
  });

  return { store, ...flow };
}
