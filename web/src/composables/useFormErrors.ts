import { computed, reactive, ref } from 'vue';
import { toFormErrors } from '@/api/problem';

export interface SummaryItem {
  field: string;
  message: string;
}

/**
 * A form's errors: a message per field (beside the field) and a form-level message, listed in
 * the error summary in the order of `fields`.
 */
export function useFormErrors(fields: readonly string[]) {
  const byField = reactive<Record<string, string>>({});
  const message = ref('');

  const summary = computed<SummaryItem[]>(() =>
    fields.filter((f) => byField[f]).map((field) => ({ field, message: byField[field]! })),
  );
  const hasErrors = computed(() => message.value !== '' || summary.value.length > 0);

  function clear(): void {
    for (const key of Object.keys(byField)) delete byField[key];
    message.value = '';
  }

  function show(fieldErrors: Record<string, string>, formMessage = ''): void {
    clear();
    Object.assign(byField, fieldErrors);
    message.value = formMessage;
  }

  /** Shows what a failed call said; field errors for fields this form lacks join the message. */
  function showFailure(error: unknown, aliases: Readonly<Record<string, string>> = {}): void {
    const { message: formMessage, fields: fieldErrors } = toFormErrors(error, fields, aliases);
    show(fieldErrors, formMessage);
  }

  return { byField, message, summary, hasErrors, clear, show, showFailure };
}
