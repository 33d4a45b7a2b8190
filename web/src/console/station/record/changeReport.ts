/**
 * The change report form (§4.4) as data: what the person filled in, what is missing before it can
 * be sent, and the body the registry takes (only the kinds that changed, each with its new values).
 */
import { ApiError } from '@/api/problem';
import { daysBetween } from '@/dates';
import type { ChangeKind, ChangeReport, StaffMember, Station } from './calls';
import { changeFormTexts as texts } from './texts';

/** The order the form offers the kinds in (the registry's own). */
export const CHANGE_KINDS: readonly ChangeKind[] = ['name', 'address', 'legal_representative', 'contact', 'staff'];
/** §3.3(2): not fewer than two full-time staff. */
export const MIN_STAFF = 2;

export interface ChangeForm {
  kinds: ChangeKind[];
  completed_on: string;
  name: { entity_name: string; station_name: string };
  address: { station_address: string; district_code: string; registered_address: string };
  legal_representative: string;
  contact: { name: string; phone: string; email: string };
  staff: StaffMember[];
}

/** A blank form, the staff as the register has them now (a staff change reports the whole list). */
export function blankChangeForm(station: Pick<Station, 'staff'>): ChangeForm {
  return {
    kinds: [],
    completed_on: '',
    name: { entity_name: '', station_name: '' },
    address: { station_address: '', district_code: '', registered_address: '' },
    legal_representative: '',
    contact: { name: '', phone: '', email: '' },
    staff: station.staff.map((member) => ({ ...member })),
  };
}

const filled = (value: string) => value.trim() !== '';
const orNull = (value: string) => (filled(value) ? value.trim() : null);

/** What must be filled in before sending, by field (the registry checks formats and the rest). */
export function changeFormProblems(form: ChangeForm, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const has = (kind: ChangeKind) => form.kinds.includes(kind);
  if (form.kinds.length === 0) problems.kinds = texts.kindsRequired;
  if (!filled(form.completed_on)) problems.completed_on = texts.completedOnRequired;
  else if ((daysBetween(form.completed_on, today) ?? 0) < 0) problems.completed_on = texts.timingFuture;
  if (has('name') && !filled(form.name.entity_name)) problems['name.entity_name'] = texts.required;
  if (has('address') && ![form.address.station_address, form.address.district_code, form.address.registered_address].some(filled)) {
    problems.address = texts.address.required;
  }
  if (has('legal_representative') && !filled(form.legal_representative)) problems.legal_representative = texts.required;
  if (has('contact')) {
    if (!filled(form.contact.name)) problems['contact.name'] = texts.required;
    if (!filled(form.contact.phone)) problems['contact.phone'] = texts.required;
  }
  if (has('staff')) {
    if (form.staff.length < MIN_STAFF) problems.staff = texts.staff.tooFew;
    form.staff.forEach((member, i) => {
      for (const field of ['name', 'role', 'phone'] as const) {
        if (!filled(member[field])) problems[`staff.${i}.${field}`] = texts.required;
      }
    });
  }
  return problems;
}

/** The registry's body: the completion date and the new values of the kinds chosen, nothing else. */
export function changeReportBody(form: ChangeForm): ChangeReport {
  const has = (kind: ChangeKind) => form.kinds.includes(kind);
  const body: ChangeReport = { completed_on: form.completed_on };
  if (has('name')) body.name = { entity_name: form.name.entity_name.trim(), station_name: orNull(form.name.station_name) };
  if (has('address')) {
    body.address = {
      station_address: orNull(form.address.station_address),
      district_code: orNull(form.address.district_code),
      registered_address: orNull(form.address.registered_address),
    };
  }
  if (has('legal_representative')) body.legal_representative = form.legal_representative.trim();
  if (has('contact')) {
    body.contact = { name: form.contact.name.trim(), phone: form.contact.phone.trim(), email: orNull(form.contact.email) };
  }
  if (has('staff')) {
    body.staff = form.staff.map((member) => ({ name: member.name.trim(), role: member.role.trim(), phone: member.phone.trim() }));
  }
  return body;
}

/** The most staff a report lists (the registry's limit). */
const STAFF_LIMIT = 100;

/** Every field the form may show a message on, in the order of the error summary. */
export const CHANGE_FORM_FIELDS: readonly string[] = [
  'kinds',
  'completed_on',
  'name.entity_name',
  'name.station_name',
  'address',
  'address.station_address',
  'address.district_code',
  'address.registered_address',
  'legal_representative',
  'contact.name',
  'contact.phone',
  'contact.email',
  'staff',
  ...Array.from({ length: STAFF_LIMIT }, (_, i) => [`staff.${i}.name`, `staff.${i}.role`, `staff.${i}.phone`]).flat(),
];

/** What a format the registry refuses means on this form: its own words name only the pattern. */
function formatMessage(field: string): string | null {
  if (/^(contact|staff\.\d+)\.phone$/.test(field)) return texts.phoneInvalid;
  if (field === 'contact.email') return texts.emailInvalid;
  return null;
}

/** The registry's refusal, its format errors said the way this form says them. */
export function inOwnWords(failure: unknown): unknown {
  if (!(failure instanceof ApiError) || !failure.problem?.errors) return failure;
  const errors = failure.problem.errors.map((item) => {
    const own = formatMessage(item.field.replace(/^body\./, ''));
    return item.code === 'string_pattern_mismatch' && own ? { ...item, message: own } : item;
  });
  return new ApiError(failure.status, { ...failure.problem, errors });
}
