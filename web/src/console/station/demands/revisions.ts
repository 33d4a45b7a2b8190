/**
 * A demand report's content, the current one or an earlier revision's (kept by the service as the
 * body it was submitted with). Earlier revisions come as untyped JSON: read tolerantly.
 */
import type { IndustryIn, NeedIn, Report, ServiceCategory } from './calls';

export interface ReportContent {
  industries: IndustryIn[];
  needs: NeedIn[];
  enterprise_conditions: string;
  service_needs: string;
  personalised_needs: string | null;
}

export function contentOfReport(report: Report): ReportContent {
  const { industries, needs, enterprise_conditions, service_needs, personalised_needs } = report;
  return { industries, needs, enterprise_conditions, service_needs, personalised_needs };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const records = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];

/** An earlier revision's stored content as a report's content; what is missing reads as empty. */
export function contentOfRevision(content: Record<string, unknown>): ReportContent {
  return {
    industries: records(content.industries).map((row) => ({
      industry: text(row.industry),
      enterprises_surveyed: count(row.enterprises_surveyed),
      main_needs: (Array.isArray(row.main_needs) ? row.main_needs : []).filter(
        (need): need is ServiceCategory => typeof need === 'string',
      ),
    })),
    needs: records(content.needs).map((row) => ({
      category: text(row.category) as ServiceCategory,
      enterprises: count(row.enterprises),
      description: text(row.description),
    })),
    enterprise_conditions: text(content.enterprise_conditions),
    service_needs: text(content.service_needs),
    personalised_needs: typeof content.personalised_needs === 'string' ? content.personalised_needs : null,
  };
}
