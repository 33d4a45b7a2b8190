import { toRef, type ShallowRef } from 'vue';
import { useRoute } from 'vue-router';
import { fileObjection, type Notice } from '@/api/review';
import { useQuestionFlow } from '@/composables/useQuestionFlow';
import { useObjectionStore } from '@/stores/objection';
import { OBJECTION_STEPS, objectionFields, objectionProblems, objectionScan, stepFields } from './objectionRules';

/** The objection form's pages over the notice `noticeId` (see useQuestionFlow). */
export function useObjectionFlow(noticeId: string, notice: ShallowRef<Notice | null>) {
  const store = useObjectionStore();
  store.open(noticeId);
  const route = useRoute();
  // "对该单位提出异议" on the notice names the applicant already.
  if (typeof route.query.target === 'string' && route.query.target) {
    store.draft.target_application_id = route.query.target;
  }

  const onNotice = (applicationId: string) =>
    notice.value?.entries.some((entry) => entry.application_id === applicationId) ?? false;

  const flow = useQuestionFlow({
    steps: OBJECTION_STEPS,
    fieldsOf: (step) => stepFields(step, store.draft.objector_type),
    problems: () => objectionProblems(store.draft, onNotice),
    errors: toRef(store, 'errors'),
    returnToCheck: toRef(store, 'returnToCheck'),
    hasReceipt: () => store.receipt !== null,
    ready: () => notice.value !== null,
    send: async () => {
      store.filed(await fileObjection(noticeId, objectionFields(store.draft), objectionScan(store.draft)));
    },
    seedQuery: ['target'],
  });

  return { store, ...flow };
}
