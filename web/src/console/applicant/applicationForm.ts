/**
 * The application form as the page holds it (text boxes hold text), and the two ways across:
 * the registry's ApplicationFormModel body to save, and back from an application or a station.
 */
import { isDistrictCode } from '@/labels';
import { compactUscc } from '@/rules/uscc';
import type { Application, ApplicationBody, ApplicationKind, OperatorType, ServiceCategory, Station } from './calls';

export interface StaffRow {
  name: string;
  role: string;
  phone: string;
}

export interface InstitutionRow {
  name: string;
  services: string;
}

export interface ApplicationFormState {
  kind: ApplicationKind;
  station_id: string | null;
  uscc: string;
  entity_name: string;
  legal_representative: string;
  registered_address: string;
  district_code: string;
  station_name: string;
  station_address: string;
  station_district_code: string;
  /** As typed (a text box); a number once saved. */
  office_area_sqm: string;
  operator_type: OperatorType | '';
  services: ServiceCategory[];
  personalised_services: string;
  /** As typed: names separated by 、 or commas. */
  industries: string;
  service_area: string;
  service_experience: string;
  management_system: string;
  resident_institutions: InstitutionRow[];
  contact: { name: string; phone: string; email: string };
  staff: StaffRow[];
}

/** How many staff rows a new form offers: the guideline's minimum. */
export const MIN_STAFF = 2;

export const blankStaff = (): StaffRow => ({ name: '', role: '', phone: '' });
export const blankInstitution = (): InstitutionRow => ({ name: '', services: '' });

/** The district a USCC was registered in (characters 3–8), when it is one of the eleven. */
export function districtOfUscc(uscc: string): string {
  const division = compactUscc(uscc).slice(2, 8);
  return isDistrictCode(division) ? division : '';
}

/** A new application of the signed-in organisation: its code, and the district that code names. */
export function emptyForm(org: string): ApplicationFormState {
  const uscc = compactUscc(org);
  return {
    kind: 'new',
    station_id: null,
    uscc,
    entity_name: '',
    legal_representative: '',
    registered_address: '',
    district_code: districtOfUscc(uscc),
    station_name: '',
    station_address: '',
    station_district_code: '',
    office_area_sqm: '',
    operator_type: '',
    services: [],
    personalised_services: '',
    industries: '',
    service_area: '',
    service_experience: '',
    management_system: '',
    resident_institutions: [],
    contact: { name: '', phone: '', email: '' },
    staff: Array.from({ length: MIN_STAFF }, blankStaff),
  };
}

/** Splits "新一代信息技术、跨境电商, 先进制造" into its names. */
export function splitIndustries(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export const joinIndustries = (names: readonly string[]): string => names.join('、');

function areaText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A saved application back in the form (to continue a draft or complete a returned one). */
export function formFromApplication(application: Application): ApplicationFormState {
  const staff = application.staff.map((member) => ({ ...member }));
  while (staff.length < MIN_STAFF) staff.push(blankStaff());
  return {
    kind: application.kind,
    station_id: application.station_id,
    uscc: application.uscc,
    entity_name: application.entity_name,
    legal_representative: application.legal_representative ?? '',
    registered_address: application.registered_address ?? '',
    district_code: application.district_code,
    station_name: application.station_name ?? '',
    station_address: application.station_address ?? '',
    // The service answers the registration district when none was chosen: keep the answer.
    station_district_code: application.station_district_code ?? '',
    office_area_sqm: areaText(application.office_area_sqm),
    operator_type: application.operator_type ?? '',
    services: [...application.services],
    personalised_services: application.personalised_services,
    industries: joinIndustries(application.industries),
    service_area: application.service_area,
    service_experience: application.service_experience,
    management_system: application.management_system,
    resident_institutions: application.resident_institutions.map((i) => ({ name: i.name, services: i.services ?? '' })),
    contact: {
      name: application.contact?.name ?? '',
      phone: application.contact?.phone ?? '',
      email: application.contact?.email ?? '',
    },
    staff,
  };
}

/**
 * A re-review of a recognised station (§4.2): the form filled from the station's record as it
 * stands now (after reported changes), and what the register does not hold (office area,
 * experience, management system) from the application that made it a station, when known.
 */
export function formForReReview(org: string, station: Station, original: Application | null): ApplicationFormState {
  const base = original ? formFromApplication(original) : emptyForm(org);
  const staff = station.staff.map((member) => ({ ...member }));
  while (staff.length < MIN_STAFF) staff.push(blankStaff());
  return {
    ...base,
    kind: 're_review',
    station_id: station.id,
    uscc: compactUscc(org),
    entity_name: station.entity_name,
    legal_representative: station.legal_representative,
    registered_address: station.registered_address,
    district_code: original?.district_code ?? (districtOfUscc(org) || station.district_code),
    station_name: station.name,
    station_address: station.address,
    station_district_code: station.district_code,
    operator_type: station.operator_type,
    services: [...station.services],
    personalised_services: station.personalised_services,
    industries: joinIndustries(station.industries),
    service_area: station.service_area,
    resident_institutions: station.resident_institutions.map((i) => ({ name: i.name, services: i.services ?? '' })),
    contact: {
      name: station.contact?.name ?? base.contact.name,
      phone: station.contact?.phone ?? base.contact.phone,
      email: station.contact?.email ?? base.contact.email,
    },
    staff,
  };
}

const text = (value: string): string => value.trim();
const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export const isBlankStaff = (row: StaffRow): boolean => !row.name.trim() && !row.role.trim() && !row.phone.trim();
export const isBlankInstitution = (row: InstitutionRow): boolean => !row.name.trim() && !row.services.trim();

/** The office area as a number, null when left empty, NaN when it is not a number. */
export function areaValue(typed: string): number | null {
  const compact = typed.replace(/[\s,，]/g, '');
  if (compact === '') return null;
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/**
 * The body to POST or PUT: text trimmed, empty optional answers null, rows nobody filled in left
 * out (a draft may stop half way), the contact only when something of it is given.
 */
export function toBody(form: ApplicationFormState): ApplicationBody {
  const contactGiven = [form.contact.name, form.contact.phone, form.contact.email].some((v) => v.trim() !== '');
  const area = areaValue(form.office_area_sqm);
  return {
    uscc: compactUscc(form.uscc),
    entity_name: text(form.entity_name),
    district_code: form.district_code,
    kind: form.kind,
    station_id: form.kind === 're_review' ? form.station_id : null,
    legal_representative: optional(form.legal_representative),
    registered_address: optional(form.registered_address),
    station_name: optional(form.station_name),
    station_address: optional(form.station_address),
    station_district_code: form.station_district_code || null,
    operator_type: form.operator_type || null,
    office_area_sqm: area === null || Number.isNaN(area) ? null : area,
    services: [...form.services],
    personalised_services: text(form.personalised_services),
    industries: splitIndustries(form.industries),
    service_area: text(form.service_area),
    service_experience: text(form.service_experience),
    management_system: text(form.management_system),
    resident_institutions: form.resident_institutions
      .filter((row) => !isBlankInstitution(row))
      .map((row) => ({ name: text(row.name), services: text(row.services) })),
    contact: contactGiven
      ? { name: text(form.contact.name), phone: text(form.contact.phone), email: optional(form.contact.email) }
      : null,
    staff: form.staff
      .filter((row) => !isBlankStaff(row))
      .map((row) => ({ name: text(row.name), role: text(row.role), phone: text(row.phone) })),
  };
}
