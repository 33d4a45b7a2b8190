import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ServiceRequestReceipt } from '@/api/activities';
import { emptyRequest, type RequestDraft } from '@/public/service-requests/requestRules';

/**
 * The service request being written and the last one filed, in memory only (never in storage),
 * so that the form's pages share one draft and the progress page can offer the new reference.
 */
export const useServiceRequestStore = defineStore('serviceRequest', () => {
  const draft = ref<RequestDraft>(emptyRequest());
  const errors = ref<Record<string, string>>({});
  const returnToCheck = ref(false);
  const receipt = ref<ServiceRequestReceipt | null>(null);
  /** What the progress page fills in: the last request filed here, and its enterprise's USCC. */
  const lastReference = ref('');
  const lastUscc = ref('');

  function filed(result: ServiceRequestReceipt, uscc: string): void {
    receipt.value = result;
    lastReference.value = result.id;
    lastUscc.value = uscc;
    draft.value = emptyRequest();
    errors.value = {};
    returnToCheck.value = false;
  }

  /** The contact entered the code: the request is filed and has its station. */
  function confirmed(result: ServiceRequestReceipt): void {
    receipt.value = result;
  }

  function restart(): void {
    draft.value = emptyRequest();
    errors.value = {};
    returnToCheck.value = false;
    receipt.value = null;
  }

  return { draft, errors, returnToCheck, receipt, lastReference, lastUscc, filed, confirmed, restart };
});
