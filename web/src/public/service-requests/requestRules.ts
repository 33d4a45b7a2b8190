/** The service request form's rules, as the activities service's RequestIn states them. */
import type { ServiceCategory, ServiceRequest } from '@/api/activities';
import { isDistrictCode } from '@/labels';
import { codeEmailMessage, schemaPhoneMessage, usccMessage } from '@/rules/messages';
import { lengthBetween, trimmed } from '@/rules/text';
import { compactUscc } from '@/rules/uscc';
import { newRequestTexts } from './texts';

export const MAX_DETAILS = 5000;

export interface RequestDraft {
  company_name: string;
  uscc: string;
  district_code: string;
  /** A common service, 'personalised' for a need outside the nine (sent as none), '' unanswered. */
  category: ServiceCategory | 'personalised' | '';
  details: string;
  /** '' lets the service choose (a station of the district, else the head station). */
  station_id: string;
  contact_name: string;
  contact_phone: string;
  /** Needed when the phone is not a mobile number: the confirmation code goes here. */
  contact_email: string;
}

export type RequestField = keyof RequestDraft;

export function emptyRequest(): RequestDraft {
  return {
    company_name: '',
    uscc: '',
    district_code: '',
    category: '',
    details: '',
    station_id: '',
    contact_name: '',
    contact_phone: '',
    contact_email: '',
  };
}

export const REQUEST_STEPS = ['company', 'need', 'station', 'contact', 'check'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

export const STEP_FIELDS: Record<RequestStep, RequestField[]> = {
  company: ['company_name', 'uscc', 'district_code'],
  need: ['category', 'details'],
  station: ['station_id'],
  contact: ['contact_name', 'contact_phone', 'contact_email'],
  check: [],
};

export const ALL_FIELDS: RequestField[] = REQUEST_STEPS.flatMap((step) => STEP_FIELDS[step]);

export function stepOf(field: string): RequestStep {
  return REQUEST_STEPS.find((step) => (STEP_FIELDS[step] as string[]).includes(field)) ?? 'company';
}

export function requestProblems(draft: RequestDraft): Partial<Record<RequestField, string>> {
  const errors = newRequestTexts.errors;
  const problems: Partial<Record<RequestField, string>> = {};
  if (!lengthBetween(trimmed(draft.company_name), 2, 200)) problems.company_name = errors.companyName;
  const uscc = usccMessage(draft.uscc);
  if (uscc) problems.uscc = uscc;
  if (!isDistrictCode(draft.district_code)) problems.district_code = errors.district;
  if (draft.category === '') problems.category = errors.category;
  if (!lengthBetween(trimmed(draft.details), 5, MAX_DETAILS)) problems.details = errors.details;
  if (!lengthBetween(trimmed(draft.contact_name), 2, 100)) problems.contact_name = errors.contactName;
  const phone = schemaPhoneMessage(draft.contact_phone);
  if (phone) problems.contact_phone = phone;
  const email = codeEmailMessage(draft.contact_phone, draft.contact_email);
  if (email) problems.contact_email = email;
  return problems;
}

export function requestBody(draft: RequestDraft): ServiceRequest {
  return {
    company_name: trimmed(draft.company_name),
    uscc: compactUscc(draft.uscc),
    district_code: draft.district_code,
    category: draft.category === 'personalised' || draft.category === '' ? null : draft.category,
    details: trimmed(draft.details),
    station_id: draft.station_id || null,
    contact_name: trimmed(draft.contact_name),
    contact_phone: trimmed(draft.contact_phone),
    contact_email: trimmed(draft.contact_email) || null,
  };
}
