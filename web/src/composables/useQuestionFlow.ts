import { computed, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw, type RouteLocationRaw } from 'vue-router';
import { toFormErrors } from '@/api/problem';
import type { SummaryItem } from './useFormErrors';

export interface QuestionFlowOptions<Step extends string> {
  /** The question pages in order; the last one is the check-your-answers page. */
  steps: readonly Step[];
  /** The fields a page asks for now (they may depend on earlier answers). */
  fieldsOf: (step: Step) => string[];
  /** Every answer that is missing or wrong, by field. */
  problems: () => Partial<Record<string, string>>;
  /** The errors still shown, kept with the draft (from the last check or from the service). */
  errors: Ref<Record<string, string>>;
  /** The visitor came from the check page to change an answer. */
  returnToCheck: Ref<boolean>;
  /** Whether the confirmation page has something to confirm. */
  hasReceipt: () => boolean;
  /** Whether what the pages need is loaded (no page is judged before). */
  ready: () => boolean;
  /** Sends the answers; a failure it throws is shown on the check page. */
  send: () => Promise<void>;
  /** Query parameters that only seed the draft and are dropped on the first move. */
  seedQuery?: readonly string[];
}

export type FlowPage<Step extends string> = Step | 'done';

/**
 * A form asked one question (or one small group) per page, the GOV.UK way: the page is `?step=`
 * in the address, so the browser's back button moves between questions; a check-your-answers
 * page with "修改" links; an error summary on each page; and the confirmation (`?step=done`).
 */
export function useQuestionFlow<Step extends string>(options: QuestionFlowOptions<Step>) {
  const route = useRoute();
  const router = useRouter();
  const steps = options.steps;
  const check = steps[steps.length - 1]!;
  const submitting = ref(false);
  /** A refusal that names no field (a closed period, too many filings, no connection…). */
  const formMessage = ref('');

  const page = computed<FlowPage<Step>>(() => {
    const asked = String(route.query.step ?? '');
    if (asked === 'done') return 'done';
    return (steps as readonly string[]).includes(asked) ? (asked as Step) : steps[0]!;
  });

  /** The fields the form asks for now, in order (the error summary's order). */
  const relevantFields = () => steps.flatMap((step) => options.fieldsOf(step));

  function summaryFor(step: FlowPage<Step>): SummaryItem[] {
    if (step === 'done') return [];
    const fields = step === check ? relevantFields() : options.fieldsOf(step);
    return fields.filter((f) => options.errors.value[f]).map((field) => ({ field, message: options.errors.value[field]! }));
  }

  function locationOf(step: FlowPage<Step>): RouteLocationRaw {
    const query: LocationQueryRaw = { ...route.query, step: step as string };
    for (const seed of options.seedQuery ?? []) delete query[seed];
    return { query };
  }

  function go(step: FlowPage<Step>, replace = false): void {
    void (replace ? router.replace(locationOf(step)) : router.push(locationOf(step)));
  }

  function firstIncomplete(): Step {
    const problems = options.problems();
    return steps.find((step) => options.fieldsOf(step).some((f) => problems[f])) ?? check;
  }

  /** No skipping ahead: a page opens only when every earlier page is answered. */
  watch(
    [page, options.ready],
    () => {
      if (!options.ready()) return;
      if (page.value === 'done') {
        if (!options.hasReceipt()) go(steps[0]!, true);
        return;
      }
      const earliest = firstIncomplete();
      if (steps.indexOf(page.value) > steps.indexOf(earliest)) go(earliest, true);
    },
    { immediate: true },
  );

  /** Checks this page's answers and moves on when they are right. */
  function continueFrom(step: Step): void {
    const problems = options.problems();
    const errors = { ...options.errors.value };
    let wrong = false;
    for (const field of options.fieldsOf(step)) {
      delete errors[field];
      const problem = problems[field];
      if (problem) {
        errors[field] = problem;
        wrong = true;
      }
    }
    options.errors.value = errors;
    if (wrong) return;
    if (options.returnToCheck.value) go(firstIncomplete());
    else go(steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)]!);
  }

  /** Where "返回" goes: the check page when changing an answer, else the page before (null on the first). */
  function backFrom(step: FlowPage<Step>): RouteLocationRaw | null {
    if (step === 'done') return null;
    if (options.returnToCheck.value && step !== check) return locationOf(check);
    const index = steps.indexOf(step);
    return index > 0 ? locationOf(steps[index - 1]!) : null;
  }

  /** From the check page (or its error summary) to the page that asks for `field`. */
  function change(field: string): void {
    const step = steps.find((s) => options.fieldsOf(s).includes(field));
    if (!step) return;
    options.returnToCheck.value = true;
    go(step);
  }

  async function submit(): Promise<void> {
    formMessage.value = '';
    const problems = options.problems();
    const wrong = Object.fromEntries(relevantFields().filter((f) => problems[f]).map((f) => [f, problems[f]!]));
    if (Object.keys(wrong).length > 0) {
      options.errors.value = wrong;
      return;
    }
    submitting.value = true;
    try {
      await options.send();
      go('done', true);
    } catch (error) {
      const { message, fields } = toFormErrors(error, relevantFields());
      options.errors.value = fields;
      formMessage.value = message;
    } finally {
      submitting.value = false;
    }
  }

  return { page, summaryFor, continueFrom, backFrom, change, submit, submitting, formMessage };
}
