/**
 * The application form's checks, as the registry applies them: what stops a draft being saved
 * (the applicant's own eligibility, §4.1.2(1), and the format of what is typed), and what stops
 * it being submitted (the rest of §4.1.2: every required answer, 2 full-time staff, the
 * materials). Each problem is keyed by the field path the service would name in its 422.
 */
import { usccMessage } from '@/rules/messages';
import { charCount } from '@/rules/text';
import { compactUscc, usccProblem } from '@/rules/uscc';
import { isDistrictCode } from '@/labels';
import {
  areaValue,
  isBlankInstitution,
  isBlankStaff,
  splitIndustries,
  type ApplicationFormState,
} from './applicationForm';
import type { AttachmentKind } from './calls';
import { ATTACHMENT_KINDS, formTexts, ruleTexts, type SectionKey } from './texts';

export type Problems = Record<string, string>;

/** Guangzhou's division codes start so (GB/T 2260); the municipal registry's own are 4401xx too. */
const GUANGZHOU_DIVISION_PREFIX = '4401';
/** Entity type 92: an individual business (个体工商户), which is not a legal person. */
const INDIVIDUAL_BUSINESS_PREFIX = '92';
const PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_AREA = 1_000_000;
const MAX_INDUSTRIES = 30;
export const MIN_FULL_TIME_STAFF = 2;

const f = formTexts.fields;

/**
 * Why this code may not apply, or null: the check digit (GB 32100-2015), then who may apply at all
 * (§4.1.2(1)): registered in Guangzhou (characters 3–8), a legal person (not type 92). When the
 * signed-in organisation is known, the code must be its own (the service refuses any other).
 */
export function usccEligibility(value: string, org: string | null = null): string | null {
  const format = usccMessage(value);
  if (format) return format;
  const code = compactUscc(value);
  const division = code.slice(2, 8);
  if (!division.startsWith(GUANGZHOU_DIVISION_PREFIX)) return ruleTexts.usccNotGuangzhou(division);
  if (code.startsWith(INDIVIDUAL_BUSINESS_PREFIX)) return ruleTexts.usccIndividualBusiness;
  if (org !== null && code !== compactUscc(org)) return ruleTexts.usccNotOwn;
  return null;
}

/** True when only the eligibility rules (not a typing slip) refuse the code: nothing about it can be fixed here. */
export function isIneligibleEntity(value: string): boolean {
  return usccProblem(value) === null && usccEligibility(value) !== null;
}

function longerThan(value: string, max: number): boolean {
  return charCount(value.trim()) > max;
}

/** Limits of the free-text answers (ApplicationFormModel), with their labels. */
const TEXT_LIMITS: ReadonlyArray<[keyof ApplicationFormState, string, number]> = [
  ['legal_representative', f.legalRepresentative, 50],
  ['registered_address', f.registeredAddress, 300],
  ['station_name', f.stationName, 200],
  ['station_address', f.stationAddress, 300],
  ['personalised_services', f.personalisedServices, 2000],
  ['service_area', f.serviceArea, 500],
  ['service_experience', f.serviceExperience, 5000],
  ['management_system', f.managementSystem, 5000],
];

function phoneProblem(value: string, label: string): string | null {
  const phone = value.trim();
  if (phone === '') return ruleTexts.required(label);
  return PHONE.test(phone) ? null : ruleTexts.phone;
}

function staffProblems(form: ApplicationFormState): Problems {
  const problems: Problems = {};
  form.staff.forEach((row, index) => {
    if (isBlankStaff(row)) return;
    const n = index + 1;
    if (!row.name.trim()) problems[`staff.${index}.name`] = ruleTexts.staffRow(n, f.staffName);
    else if (longerThan(row.name, 50)) problems[`staff.${index}.name`] = ruleTexts.tooLong(f.staffName, 50);
    if (!row.role.trim()) problems[`staff.${index}.role`] = ruleTexts.staffRow(n, f.staffRole);
    else if (longerThan(row.role, 50)) problems[`staff.${index}.role`] = ruleTexts.tooLong(f.staffRole, 50);
    const phone = row.phone.trim() ? phoneProblem(row.phone, f.staffPhone) : ruleTexts.staffRow(n, f.staffPhone);
    if (phone) problems[`staff.${index}.phone`] = phone;
  });
  return problems;
}

function institutionProblems(form: ApplicationFormState): Problems {
  const problems: Problems = {};
  form.resident_institutions.forEach((row, index) => {
    if (isBlankInstitution(row)) return;
    if (!row.name.trim()) problems[`resident_institutions.${index}.name`] = ruleTexts.institutionRow(index + 1);
    else if (longerThan(row.name, 200))
      problems[`resident_institutions.${index}.name`] = ruleTexts.tooLong(f.institutionName, 200);
    if (longerThan(row.services, 500))
      problems[`resident_institutions.${index}.services`] = ruleTexts.tooLong(f.institutionServices, 500);
  });
  return problems;
}

function contactProblems(form: ApplicationFormState): Problems {
  const { name, phone, email } = form.contact;
  const problems: Problems = {};
  if (![name, phone, email].some((v) => v.trim() !== '')) return problems;
  if (!name.trim()) problems['contact.name'] = ruleTexts.required(f.contactName);
  else if (longerThan(name, 50)) problems['contact.name'] = ruleTexts.tooLong(f.contactName, 50);
  const phoneIssue = phoneProblem(phone, f.contactPhone);
  if (phoneIssue) problems['contact.phone'] = phoneIssue;
  if (email.trim() && !EMAIL.test(email.trim())) problems['contact.email'] = ruleTexts.email;
  return problems;
}

/** What stops the draft being saved: the applicant's eligibility and the form of each answer given. */
export function draftProblems(form: ApplicationFormState, org: string | null): Problems {
  const problems: Problems = {};
  const uscc = usccEligibility(form.uscc, org);
  if (uscc) problems.uscc = uscc;
  const name = form.entity_name.trim();
  if (!name) problems.entity_name = ruleTexts.required(f.entityName);
  else if (charCount(name) < 2) problems.entity_name = ruleTexts.tooShort(f.entityName, 2);
  else if (charCount(name) > 200) problems.entity_name = ruleTexts.tooLong(f.entityName, 200);
  if (!isDistrictCode(form.district_code)) problems.district_code = ruleTexts.choose(f.district);
  for (const [field, label, max] of TEXT_LIMITS) {
    if (longerThan(String(form[field]), max)) problems[field] = ruleTexts.tooLong(label, max);
  }
  const area = areaValue(form.office_area_sqm);
  if (area !== null && (Number.isNaN(area) || area > MAX_AREA)) problems.office_area_sqm = ruleTexts.area;
  if (splitIndustries(form.industries).length > MAX_INDUSTRIES) problems.industries = ruleTexts.tooManyIndustries;
  return { ...problems, ...institutionProblems(form), ...contactProblems(form), ...staffProblems(form) };
}

/** Full-time staff as the service counts them: the rows that are filled in. */
export function staffCount(form: ApplicationFormState): number {
  return form.staff.filter((row) => !isBlankStaff(row)).length;
}

export function tooFewStaff(form: ApplicationFormState): string | null {
  const count = staffCount(form);
  return count < MIN_FULL_TIME_STAFF ? ruleTexts.tooFewStaff(count) : null;
}

/** What stops the submission (§4.1.2), as the service checks it: everything of the draft, and more. */
export function submitProblems(
  form: ApplicationFormState,
  org: string | null,
  attached: ReadonlySet<AttachmentKind>,
): Problems {
  const problems = draftProblems(form, org);
  const missing = (field: string, message: string) => {
    if (!(field in problems)) problems[field] = message;
  };
  const requiredTexts: ReadonlyArray<[keyof ApplicationFormState, string]> = [
    ['legal_representative', f.legalRepresentative],
    ['registered_address', f.registeredAddress],
    ['station_address', f.stationAddress],
    ['service_experience', f.serviceExperience],
    ['management_system', f.managementSystem],
  ];
  for (const [field, label] of requiredTexts) {
    if (!String(form[field]).trim()) missing(field, ruleTexts.required(label));
  }
  if (!form.operator_type) missing('operator_type', ruleTexts.choose(f.operatorType));
  if (form.services.length === 0 && !form.personalised_services.trim()) missing('services', ruleTexts.servicesNeeded);
  if (!form.contact.name.trim()) missing('contact.name', ruleTexts.required(f.contactName));
  if (!form.contact.phone.trim()) missing('contact.phone', ruleTexts.required(f.contactPhone));
  const staff = tooFewStaff(form);
  if (staff) missing('staff', staff);
  for (const { kind, title, required } of ATTACHMENT_KINDS) {
    if (required && !attached.has(kind)) missing(`attachments.${kind}`, ruleTexts.attachmentMissing(title));
  }
  return problems;
}

/** The section of the form a field is in (for the error summary's links). */
export function sectionOf(field: string): SectionKey {
  const head = field.split('.')[0]!;
  if (['station_name', 'station_address', 'station_district_code', 'office_area_sqm'].includes(head)) return 'premises';
  if (
    ['operator_type', 'services', 'personalised_services', 'industries', 'service_area', 'service_experience'].includes(
      head,
    ) ||
    head === 'resident_institutions'
  )
    return 'capability';
  if (head === 'management_system') return 'management';
  if (head === 'contact' || head === 'staff') return 'people';
  if (head === 'attachments') return 'attachments';
  if (head === 'declaration') return 'review';
  return 'applicant';
}

/** The id of the input of a field path: `staff.1.phone` → `app-staff-1-phone`. */
export function fieldId(field: string): string {
  return `app-${field.replace(/[._]/g, '-')}`;
}

const SECTION_ORDER: readonly SectionKey[] = ['applicant', 'premises', 'capability', 'management', 'people', 'attachments'];

/** Every field path of this form, in the order a person meets them (the error summary's order). */
export function fieldOrder(form: ApplicationFormState): string[] {
  const fields = [
    'uscc',
    'entity_name',
    'legal_representative',
    'registered_address',
    'district_code',
    'station_id',
    'station_name',
    'station_address',
    'station_district_code',
    'office_area_sqm',
    'operator_type',
    'services',
    'personalised_services',
    'industries',
    'service_area',
    'service_experience',
    ...form.resident_institutions.flatMap((_, i) => [`resident_institutions.${i}.name`, `resident_institutions.${i}.services`]),
    'resident_institutions',
    'management_system',
    'contact.name',
    'contact.phone',
    'contact.email',
    'staff',
    ...form.staff.flatMap((_, i) => [`staff.${i}.name`, `staff.${i}.role`, `staff.${i}.phone`]),
    ...ATTACHMENT_KINDS.map(({ kind }) => `attachments.${kind}`),
  ];
  return [...fields].sort((a, b) => SECTION_ORDER.indexOf(sectionOf(a)) - SECTION_ORDER.indexOf(sectionOf(b)));
}

/**
 * The service numbers the rows it was sent; the form leaves blank rows out of the body, so
 * `staff.0.phone` in an answer may be the form's second row. Aliases from the body's paths to the form's.
 */
export function rowAliases(form: ApplicationFormState): Record<string, string> {
  const aliases: Record<string, string> = {};
  const map = (list: string, rows: number[], columns: readonly string[]) =>
    rows.forEach((formIndex, bodyIndex) => {
      for (const column of columns) aliases[`${list}.${bodyIndex}.${column}`] = `${list}.${formIndex}.${column}`;
      aliases[`${list}.${bodyIndex}`] = `${list}.${formIndex}.${columns[0]}`;
    });
  const kept = <T>(rows: readonly T[], blank: (row: T) => boolean) =>
    rows.flatMap((row, index) => (blank(row) ? [] : [index]));
  map('staff', kept(form.staff, isBlankStaff), ['name', 'role', 'phone']);
  map('resident_institutions', kept(form.resident_institutions, isBlankInstitution), ['name', 'services']);
  aliases['contact'] = 'contact.name';
  return aliases;
}
