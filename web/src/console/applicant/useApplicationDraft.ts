/**
 * The application being filled in, shared by the form's sections: the answers, the application as
 * last saved, its materials, and the errors on the fields — the form's own checks as a person
 * leaves a field, and what the registry refused (its 422) on the same fields.
 */
import { computed, inject, provide, reactive, ref, shallowRef, type InjectionKey } from 'vue';
import { useFormErrors } from '@/composables/useFormErrors';
import {
  blankInstitution,
  blankStaff,
  emptyForm,
  toBody,
  type ApplicationFormState,
} from './applicationForm';
import { draftProblems, fieldId, fieldOrder, rowAliases, submitProblems, tooFewStaff } from './applicationRules';
import {
  saveApplication,
  startApplication,
  submitApplication,
  type Application,
  type Attachment,
} from './calls';
import { formTexts } from './texts';

/** The most rows the service takes (ApplicationFormModel): the error summary knows every field up to them. */
const LARGEST = {
  ...emptyForm(''),
  staff: Array.from({ length: 100 }, blankStaff),
  resident_institutions: Array.from({ length: 50 }, blankInstitution),
};
export const ALL_FIELDS: readonly string[] = [...fieldOrder(LARGEST), 'declaration'];

export function useApplicationDraft(org: () => string | null) {
  const form = reactive<ApplicationFormState>(emptyForm(''));
  const saved = shallowRef<Application | null>(null);
  const attachments = ref<Attachment[]>([]);
  const errors = useFormErrors(ALL_FIELDS);
  const busy = ref<'saving' | 'submitting' | null>(null);
  const savedAt = ref<string | null>(null);
  /** Counts refused saves and submissions: the error summary comes up (and takes focus) at each. */
  const attempt = ref(0);
  /** The body as last saved or loaded (a new form as it was offered), to tell unsaved changes. */
  const snapshot = ref('');

  const id = computed(() => saved.value?.id ?? null);
  const editable = computed(() => saved.value === null || ['draft', 'returned'].includes(saved.value.status));
  const attachedKinds = computed(() => new Set(attachments.value.map((a) => a.kind)));
  const dirty = computed(() => JSON.stringify(toBody(form)) !== snapshot.value);

  function load(state: ApplicationFormState, application: Application | null, files: Attachment[] = []): void {
    Object.assign(form, state);
    saved.value = application;
    attachments.value = files;
    savedAt.value = application?.updated_at ?? null;
    snapshot.value = JSON.stringify(toBody(form));
    errors.clear();
  }

  /** A person left a field: what the form's own checks say of it now (a service refusal it answered goes). */
  function check(field: string): void {
    const problem = field === 'staff' ? tooFewStaff(form) : draftProblems(form, org())[field];
    if (problem) errors.byField[field] = problem;
    else delete errors.byField[field];
  }

  /** Shows the problems and says whether there were none. */
  function passes(problems: Record<string, string>): boolean {
    if (Object.keys(problems).length === 0) return true;
    errors.show(problems);
    attempt.value += 1;
    return false;
  }

  function refused(failure: unknown): void {
    errors.showFailure(failure, rowAliases(form));
    attempt.value += 1;
  }

  async function store(): Promise<Application> {
    const body = toBody(form);
    const stored = saved.value === null ? await startApplication(body) : await saveApplication(saved.value.id, body);
    saved.value = stored;
    savedAt.value = stored.updated_at;
    snapshot.value = JSON.stringify(body);
    return stored;
  }

  /** Saves the draft (POST the first time, PUT after); nothing is sent while the form's own checks refuse it. */
  async function save(): Promise<boolean> {
    if (!passes(draftProblems(form, org()))) return false;
    busy.value = 'saving';
    try {
      await store();
      errors.clear();
      return true;
    } catch (failure) {
      refused(failure);
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** Whether the form may go (§4.1.2 as the service checks it, and the declaration); else the summary says why. */
  function readyToSubmit(declared: boolean): boolean {
    const problems = submitProblems(form, org(), attachedKinds.value);
    if (!declared) problems.declaration = formTexts.review.declarationMissing;
    return passes(problems);
  }

  /** Saves the last answers and submits (POST …/submit); the service's 422 lands on the fields it names. */
  async function submit(): Promise<Application | null> {
    busy.value = 'submitting';
    try {
      const stored = await store();
      const submitted = await submitApplication(stored.id);
      saved.value = submitted;
      errors.clear();
      return submitted;
    } catch (failure) {
      refused(failure);
      return null;
    } finally {
      busy.value = null;
    }
  }

  return {
    form,
    saved,
    attachments,
    errors,
    busy,
    savedAt,
    attempt,
    dirty,
    id,
    editable,
    attachedKinds,
    load,
    check,
    save,
    readyToSubmit,
    submit,
  };
}

export type ApplicationDraft = ReturnType<typeof useApplicationDraft>;

const KEY: InjectionKey<ApplicationDraft> = Symbol('application-draft');

export function provideDraft(draft: ApplicationDraft): void {
  provide(KEY, draft);
}

/** The draft of the form a section is part of. */
export function useDraft(): ApplicationDraft {
  const draft = inject(KEY);
  if (!draft) throw new Error('a section of the application form outside the form');
  return draft;
}

/** What a section's inputs bind to: ids, descriptions, and the checks as a person types and leaves. */
export function useFields() {
  const draft = useDraft();
  return {
    draft,
    form: draft.form,
    id: fieldId,
    /** The hint (when the question has one) and the error (when there is one) describe the input. */
    describedBy(field: string, hasHint = true): string | undefined {
      const ids = [hasHint ? `${fieldId(field)}-hint` : '', draft.errors.byField[field] ? `${fieldId(field)}-error` : ''];
      return ids.filter(Boolean).join(' ') || undefined;
    },
    left(field: string): void {
      draft.check(field);
    },
    /** While a field shows an error, it is checked again at each keystroke, so it goes once put right. */
    typed(field: string): void {
      if (draft.errors.byField[field]) draft.check(field);
    },
  };
}
