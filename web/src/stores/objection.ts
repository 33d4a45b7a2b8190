import { defineStore } from 'pinia';
import { markRaw, ref } from 'vue';
import type { ObjectionReceipt } from '@/api/review';
import { emptyDraft, type ObjectionDraft } from '@/public/notices/objectionRules';

/**
 * The objection being written, kept in memory only (never in storage: it holds personal data)
 * so that the visitor can move between the form's pages, or look at the notice, without losing it.
 */
export const useObjectionStore = defineStore('objection', () => {
  const noticeId = ref('');
  const draft = ref<ObjectionDraft>(emptyDraft());
  /** Field errors still to be corrected, from the last check or from the service. */
  const errors = ref<Record<string, string>>({});
  /** The visitor came from the check page to change an answer: go back there after it. */
  const returnToCheck = ref(false);
  const receipt = ref<ObjectionReceipt | null>(null);

  /** Starts (or keeps) the draft for this notice; another notice starts afresh. */
  function open(forNotice: string): void {
    if (noticeId.value === forNotice) return;
    noticeId.value = forNotice;
    draft.value = emptyDraft();
    errors.value = {};
    returnToCheck.value = false;
    receipt.value = null;
  }

  function setScan(file: File | null): void {
    draft.value.seal_scan = file ? markRaw(file) : null;
  }

  /** After filing: the draft is forgotten; the receipt stays for the confirmation page. */
  function filed(result: ObjectionReceipt): void {
    receipt.value = result;
    draft.value = emptyDraft();
    errors.value = {};
    returnToCheck.value = false;
  }

  return { noticeId, draft, errors, returnToCheck, receipt, open, setScan, filed };
});
