/**
 * The application form read back, section by section, as label and answer: for checking one's
 * answers before submitting, and on the application's own page. Reads what was (or is about to
 * be) sent, so both show exactly what the district will read.
 */
import { districtName, labelOf, OPERATOR_TYPE_LABELS, SERVICE_CATEGORY_LABELS } from '@/labels';
import type { ApplicationBody } from './calls';
import { formTexts, KIND_LABELS, pageTexts, readoutTexts, SECTION_TITLES, type SectionKey } from './texts';

export interface ReadoutRow {
  label: string;
  value: string;
}

export interface ReadoutSection {
  key: Exclude<SectionKey, 'attachments' | 'review'>;
  title: string;
  rows: ReadoutRow[];
}

/** The fields of a form body the readout shows (an ApplicationView has all of them too). */
export type Answers = Pick<
  ApplicationBody,
  | 'uscc'
  | 'entity_name'
  | 'district_code'
  | 'kind'
  | 'legal_representative'
  | 'registered_address'
  | 'station_name'
  | 'station_address'
  | 'station_district_code'
  | 'operator_type'
  | 'office_area_sqm'
  | 'services'
  | 'personalised_services'
  | 'industries'
  | 'service_area'
  | 'service_experience'
  | 'management_system'
  | 'resident_institutions'
  | 'contact'
  | 'staff'
>;

const f = formTexts.fields;
const none = readoutTexts.none;
const answer = (value: string | null | undefined): string => (value && value.trim() ? value.trim() : none);

export function readoutOf(answers: Answers): ReadoutSection[] {
  const stationDistrict = answers.station_district_code || answers.district_code;
  return [
    {
      key: 'applicant',
      title: SECTION_TITLES.applicant,
      rows: [
        { label: pageTexts.kind, value: KIND_LABELS[answers.kind ?? 'new'] },
        { label: f.uscc, value: answer(answers.uscc) },
        { label: f.entityName, value: answer(answers.entity_name) },
        { label: f.legalRepresentative, value: answer(answers.legal_representative) },
        { label: f.registeredAddress, value: answer(answers.registered_address) },
        { label: f.district, value: answer(districtName(answers.district_code)) },
      ],
    },
    {
      key: 'premises',
      title: SECTION_TITLES.premises,
      rows: [
        {
          label: f.stationName,
          value: answers.station_name?.trim() ? answers.station_name.trim() : readoutTexts.byEntityName(answers.entity_name),
        },
        { label: f.stationAddress, value: answer(answers.station_address) },
        { label: f.stationDistrict, value: answer(districtName(stationDistrict)) },
        {
          label: f.officeArea,
          value: answers.office_area_sqm === null || answers.office_area_sqm === undefined ? none : readoutTexts.area(answers.office_area_sqm),
        },
      ],
    },
    {
      key: 'capability',
      title: SECTION_TITLES.capability,
      rows: [
        { label: f.operatorType, value: answer(labelOf(OPERATOR_TYPE_LABELS, answers.operator_type)) },
        { label: f.services, value: answer((answers.services ?? []).map((s) => labelOf(SERVICE_CATEGORY_LABELS, s)).join('、')) },
        { label: f.personalisedServices, value: answer(answers.personalised_services) },
        { label: f.industries, value: answer((answers.industries ?? []).join('、')) },
        { label: f.serviceArea, value: answer(answers.service_area) },
        { label: f.serviceExperience, value: answer(answers.service_experience) },
      ],
    },
    {
      key: 'management',
      title: SECTION_TITLES.management,
      rows: [{ label: f.managementSystem, value: answer(answers.management_system) }],
    },
    {
      key: 'people',
      title: SECTION_TITLES.people,
      rows: [
        { label: f.contactName, value: answer(answers.contact?.name) },
        { label: f.contactPhone, value: answer(answers.contact?.phone) },
        { label: f.contactEmail, value: answer(answers.contact?.email) },
        { label: f.staffHeading, value: f.staffCount((answers.staff ?? []).length) },
      ],
    },
  ];
}
