/**
 * The objection form's rules, as the guideline §4.1.3(4) and the review service state them:
 * "单位意见需加盖公章并注明联系方式，个人意见需署实名并注明联系方式". An organisation names itself
 * and attaches its sealed written objection; a person gives a real name and resident ID number;
 * both give a telephone number. The service checks all of this again and has the last word
 * (it also checks the scan's bytes and the ID number's place code).
 */
import type { ObjectionFields } from '@/api/review';
import type { ObjectorType } from '@/labels';
import { isEmail, isMobileOrLandline } from '@/rules/contact';
import { residentIdProblem } from '@/rules/residentId';
import { charCount, lengthBetween, trimmed } from '@/rules/text';
import { objectionTexts } from './texts';

export const MIN_GROUNDS = 10;
export const MAX_TEXT = 5000;
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
export const SEAL_SCAN_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const SEAL_SCAN_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const SEAL_SCAN_EXTENSIONS = /\.(pdf|png|jpe?g)$/i;

export interface ObjectionDraft {
  target_application_id: string;
  grounds: string;
  objector_type: ObjectorType | '';
  organisation_name: string;
  contact_person: string;
  real_name: string;
  id_number: string;
  contact_phone: string;
  contact_email: string;
  contact_address: string;
  seal_scan: File | null;
}

export type ObjectionField = keyof ObjectionDraft;

export function emptyDraft(): ObjectionDraft {
  return {
    target_application_id: '',
    grounds: '',
    objector_type: '',
    organisation_name: '',
    contact_person: '',
    real_name: '',
    id_number: '',
    contact_phone: '',
    contact_email: '',
    contact_address: '',
    seal_scan: null,
  };
}

export const OBJECTION_STEPS = ['target', 'grounds', 'objector', 'identity', 'contact', 'check'] as const;
export type ObjectionStep = (typeof OBJECTION_STEPS)[number];

/** The fields each step asks for (identity depends on who objects). */
export function stepFields(step: ObjectionStep, objectorType: ObjectorType | ''): ObjectionField[] {
  switch (step) {
    case 'target':
      return ['target_application_id'];
    case 'grounds':
      return ['grounds'];
    case 'objector':
      return ['objector_type'];
    case 'identity':
      if (objectorType === 'organisation') return ['organisation_name', 'contact_person', 'seal_scan'];
      if (objectorType === 'individual') return ['real_name', 'id_number'];
      return [];
    case 'contact':
      return ['contact_phone', 'contact_email', 'contact_address'];
    case 'check':
      return [];
  }
}

/** What is wrong with the chosen scan, judged by its declared type, name and size. */
export function sealScanProblem(file: File | null): string | null {
  const errors = objectionTexts.errors;
  if (!file) return errors.sealScanMissing;
  if (file.size === 0) return errors.sealScanEmpty;
  if (!SEAL_SCAN_TYPES.has(file.type) && !SEAL_SCAN_EXTENSIONS.test(file.name)) return errors.sealScanType;
  if (file.size > MAX_SCAN_BYTES) return errors.sealScanSize;
  return null;
}

/**
 * Every reason the objection cannot be filed yet, by field. `onNotice` says whether an
 * application is on this notice.
 */
export function objectionProblems(
  draft: ObjectionDraft,
  onNotice: (applicationId: string) => boolean,
): Partial<Record<ObjectionField, string>> {
  const errors = objectionTexts.errors;
  const problems: Partial<Record<ObjectionField, string>> = {};

  const target = trimmed(draft.target_application_id);
  if (!target) problems.target_application_id = errors.target;
  else if (!onNotice(target)) problems.target_application_id = errors.targetNotOnNotice;

  const grounds = trimmed(draft.grounds);
  if (!grounds) problems.grounds = errors.groundsMissing;
  else if (!lengthBetween(grounds, MIN_GROUNDS, MAX_TEXT)) problems.grounds = errors.groundsLength;

  if (draft.objector_type !== 'organisation' && draft.objector_type !== 'individual') {
    problems.objector_type = errors.objectorType;
  }

  const phone = trimmed(draft.contact_phone);
  if (!phone) problems.contact_phone = errors.phoneMissing;
  else if (!isMobileOrLandline(phone)) problems.contact_phone = errors.phoneInvalid;
  const email = trimmed(draft.contact_email);
  if (email && !isEmail(email)) problems.contact_email = errors.emailInvalid;

  if (draft.objector_type === 'organisation') {
    if (charCount(trimmed(draft.organisation_name)) < 2) problems.organisation_name = errors.organisationName;
    const scan = sealScanProblem(draft.seal_scan);
    if (scan) problems.seal_scan = scan;
  } else if (draft.objector_type === 'individual') {
    if (!lengthBetween(trimmed(draft.real_name), 2, 50)) problems.real_name = errors.realName;
    const id = residentIdProblem(draft.id_number);
    if (id === 'missing') problems.id_number = errors.idNumberMissing;
    else if (id === 'invalid') problems.id_number = errors.idNumberInvalid;
  }
  return problems;
}

/**
 * The text fields to send: only what the objector's type needs (an individual's scan or an
 * organisation's ID number is never sent — data minimisation).
 */
export function objectionFields(draft: ObjectionDraft): ObjectionFields {
  const common: ObjectionFields = {
    objector_type: draft.objector_type || null,
    target_application_id: trimmed(draft.target_application_id),
    grounds: trimmed(draft.grounds),
    contact_phone: trimmed(draft.contact_phone),
    contact_email: trimmed(draft.contact_email) || null,
    contact_address: trimmed(draft.contact_address) || null,
  };
  if (draft.objector_type === 'organisation') {
    return {
      ...common,
      organisation_name: trimmed(draft.organisation_name),
      contact_person: trimmed(draft.contact_person) || null,
    };
  }
  return { ...common, real_name: trimmed(draft.real_name), id_number: trimmed(draft.id_number).toUpperCase() };
}

/** The scan to send: an organisation's only. */
export function objectionScan(draft: ObjectionDraft): File | null {
  return draft.objector_type === 'organisation' ? draft.seal_scan : null;
}
