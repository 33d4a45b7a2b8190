/**
 * The form of a quarter's demand report and the body of PUT /demand-reports/{year}/{quarter}:
 * industries surveyed (each with its enterprises and main needs), needs by common-service category,
 * and the written findings. A quarter already reported opens with its current revision.
 */
import type { IndustryIn, NeedIn, Report, ReportIn, ServiceCategory } from './calls';
import { reportTexts } from './texts';

export interface IndustryRow {
  industry: string;
  enterprises_surveyed: number | null;
  main_needs: ServiceCategory[];
}

export interface NeedRow {
  category: ServiceCategory | '';
  enterprises: number | null;
  description: string;
}

export interface ReportForm {
  industries: IndustryRow[];
  needs: NeedRow[];
  enterprise_conditions: string;
  service_needs: string;
  personalised_needs: string;
}

export const MAX_INDUSTRIES = 100;
export const MAX_NEEDS = 50;

/** Every field the form can show an error on: the service names a row's field by its index. */
export const REPORT_FIELDS: readonly string[] = [
  'industries',
  ...Array.from({ length: MAX_INDUSTRIES }, (_, i) =>
    ['industry', 'enterprises_surveyed', 'main_needs'].map((field) => `industries.${i}.${field}`),
  ).flat(),
  'needs',
  ...Array.from({ length: MAX_NEEDS }, (_, i) =>
    ['category', 'enterprises', 'description'].map((field) => `needs.${i}.${field}`),
  ).flat(),
  'enterprise_conditions',
  'service_needs',
  'personalised_needs',
];

export const emptyIndustry = (): IndustryRow => ({ industry: '', enterprises_surveyed: null, main_needs: [] });
export const emptyNeed = (): NeedRow => ({ category: '', enterprises: null, description: '' });

/** A new report's form; or, for a quarter already reported, its current revision to revise. */
export function reportFormOf(report: Report | null): ReportForm {
  if (!report) {
    return { industries: [emptyIndustry()], needs: [], enterprise_conditions: '', service_needs: '', personalised_needs: '' };
  }
  return {
    industries: report.industries.map((row: IndustryIn) => ({
      industry: row.industry,
      enterprises_surveyed: row.enterprises_surveyed,
      main_needs: [...(row.main_needs ?? [])],
    })),
    needs: report.needs.map((row: NeedIn) => ({
      category: row.category,
      enterprises: row.enterprises,
      description: row.description ?? '',
    })),
    enterprise_conditions: report.enterprise_conditions,
    service_needs: report.service_needs,
    personalised_needs: report.personalised_needs ?? '',
  };
}

export function reportBody(form: ReportForm): ReportIn {
  return {
    industries: form.industries.map((row) => ({
      industry: row.industry.trim(),
      enterprises_surveyed: row.enterprises_surveyed ?? 0,
      main_needs: [...new Set(row.main_needs)],
    })),
    needs: form.needs.map((row) => ({
      category: row.category as ServiceCategory,
      enterprises: row.enterprises ?? 0,
      description: row.description.trim(),
    })),
    enterprise_conditions: form.enterprise_conditions.trim(),
    service_needs: form.service_needs.trim(),
    personalised_needs: form.personalised_needs.trim() === '' ? null : form.personalised_needs.trim(),
  };
}

/** Enterprises surveyed over every industry (what the service totals as well). */
export function enterprisesSurveyed(form: ReportForm): number {
  return form.industries.reduce((sum, row) => sum + (row.enterprises_surveyed ?? 0), 0);
}

const isCount = (value: number | null, min: number, max: number) =>
  value !== null && Number.isInteger(value) && value >= min && value <= max;

/** What must be put right before it is sent, by field ("industries.0.industry", …). */
export function reportProblems(form: ReportForm): Record<string, string> {
  const say = reportTexts.problems;
  const problems: Record<string, string> = {};
  if (form.industries.length === 0) problems.industries = say.industries;
  const seen = new Set<string>();
  form.industries.forEach((row, i) => {
    const name = row.industry.trim();
    if (name.length < 2 || name.length > 100) problems[`industries.${i}.industry`] = say.industry;
    else if (seen.has(name)) problems[`industries.${i}.industry`] = say.industryTwice;
    seen.add(name);
    if (!isCount(row.enterprises_surveyed, 0, 1_000_000)) problems[`industries.${i}.enterprises_surveyed`] = say.surveyed;
  });
  form.needs.forEach((row, i) => {
    if (!row.category) problems[`needs.${i}.category`] = say.category;
    if (!isCount(row.enterprises, 1, 1_000_000)) problems[`needs.${i}.enterprises`] = say.needEnterprises;
    if (row.description.trim().length > 2000) problems[`needs.${i}.description`] = say.needDescription;
  });
  const conditions = form.enterprise_conditions.trim().length;
  if (conditions < 2 || conditions > 10000) problems.enterprise_conditions = say.conditions;
  const needs = form.service_needs.trim().length;
  if (needs < 2 || needs > 10000) problems.service_needs = say.serviceNeeds;
  if (form.personalised_needs.trim().length > 10000) problems.personalised_needs = say.personalised;
  return problems;
}
