/** The registration form's rules, as the activities service's RegistrationIn states them. */
import type { Registration } from '@/api/activities';
import { codeEmailMessage, schemaPhoneMessage, usccMessage } from '@/rules/messages';
import { lengthBetween, trimmed } from '@/rules/text';
import { compactUscc } from '@/rules/uscc';
import { activityTexts } from './texts';

export type RegistrationDraft = Omit<Registration, 'contact_email'> & { contact_email: string };
export const REGISTRATION_FIELDS = ['company_name', 'uscc', 'contact_name', 'contact_phone', 'contact_email'] as const;

export function emptyRegistration(): RegistrationDraft {
  return { company_name: '', uscc: '', contact_name: '', contact_phone: '', contact_email: '' };
}

export function registrationProblems(draft: RegistrationDraft): Record<string, string> {
  const errors = activityTexts.errors;
  const problems: Record<string, string> = {};
  if (!lengthBetween(trimmed(draft.company_name), 2, 200)) problems.company_name = errors.companyName;
  const uscc = usccMessage(draft.uscc);
  if (uscc) problems.uscc = uscc;
  if (!lengthBetween(trimmed(draft.contact_name), 2, 100)) problems.contact_name = errors.contactName;
  const phone = schemaPhoneMessage(draft.contact_phone);
  if (phone) problems.contact_phone = phone;
  const email = codeEmailMessage(draft.contact_phone, draft.contact_email);
  if (email) problems.contact_email = email;
  return problems;
}

/** What is sent: trimmed, the USCC without spaces or hyphens. */
export function registrationBody(draft: RegistrationDraft): Registration {
  return {
    company_name: trimmed(draft.company_name),
    uscc: compactUscc(draft.uscc),
    contact_name: trimmed(draft.contact_name),
    contact_phone: trimmed(draft.contact_phone),
    contact_email: trimmed(draft.contact_email) || null,
  };
}
