/**
 * The dashboard's figures, worked out from what the services answer: each one says what it counts
 * and for which period, and holds its numbers as a table (categories × series) that both the chart
 * and the table under it show. Nothing here calls a service or draws.
 */
import { dateInShanghai } from '@/dates';
import type { components as Registry } from '@/api/generated/registry';
import type { components as Review } from '@/api/generated/review';
import { APPLICATION_STATUS_LABELS, DISTRICTS, REVIEW_CASE_STATUS_LABELS, STATION_STATUS_LABELS } from '@/labels';
import { figureTexts as t } from './texts';

type ApplicationStatus = Registry['schemas']['ApplicationStatus'];
type StationStatus = Registry['schemas']['StationStatus'];
type ReviewCaseStatus = Review['schemas']['CaseStatus'];

export interface Series {
  name: string;
  values: number[];
}

export interface Figure {
  key: string;
  title: string;
  /** What is counted, and for which period or as of when. */
  caption: string;
  /** Bars stacked by category (districts), or one bar per category. */
  kind: 'stacked' | 'single';
  categories: string[];
  series: Series[];
  /** Every count of the figure added up. */
  total: number;
}

/** A row of a figure's table: the category, its count in each series, and their sum. */
export interface FigureRow {
  category: string;
  values: number[];
  total: number;
}

export function rowsOf(figure: Figure): FigureRow[] {
  return figure.categories.map((category, index) => {
    const values = figure.series.map((series) => series.values[index] ?? 0);
    return { category, values, total: values.reduce((sum, value) => sum + value, 0) };
  });
}

/** The column sums of a figure's table (the last row of the table). */
export function totalsOf(figure: Figure): number[] {
  return figure.series.map((series) => series.values.reduce((sum, value) => sum + value, 0));
}

function figure(key: string, title: string, caption: string, kind: Figure['kind'], categories: string[], series: Series[]): Figure {
  const kept = series.filter((one) => one.values.some((value) => value > 0));
  const shown = kept.length > 0 ? kept : series.slice(0, 1);
  const total = shown.reduce((sum, one) => sum + one.values.reduce((a, b) => a + b, 0), 0);
  return { key, title, caption, kind, categories, series: shown, total };
}

const DISTRICT_NAMES = DISTRICTS.map((district) => district.name);
const districtIndex = new Map(DISTRICTS.map((district, index) => [district.code, index]));

/** One count per district in the city's order, for those keyed by district code. */
function perDistrict<T>(items: readonly T[], codeOf: (item: T) => string, counts: (item: T) => number = () => 1): number[] {
  const values = DISTRICTS.map(() => 0);
  for (const item of items) {
    const index = districtIndex.get(codeOf(item));
    if (index !== undefined) values[index] = (values[index] ?? 0) + counts(item);
  }
  return values;
}

// --- the applications of a round ---------------------------------------------------------------

/** What registry counts for one district: its applications of the round by status. */
export interface DistrictCounts {
  districtCode: string;
  byStatus: ReadonlyArray<{ status: ApplicationStatus; count: number }>;
}

/** Drafts are the applicant's own and no official sees them. */
const SUBMITTED_STATUSES: ApplicationStatus[] = ['submitted', 'returned', 'rejected', 'forwarded', 'recognised', 'declined'];

export function applicationsFigure(year: number, counts: readonly DistrictCounts[]): Figure {
  const series = SUBMITTED_STATUSES.map((status) => ({
    name: APPLICATION_STATUS_LABELS[status],
    values: perDistrict(counts, (line) => line.districtCode, (line) => line.byStatus.find((s) => s.status === status)?.count ?? 0),
  }));
  return figure('applications', t.applications.title, t.applications.caption(year), 'stacked', DISTRICT_NAMES, series);
}

// --- the experts' review of a round --------------------------------------------------------------

export function reviewFigure(year: number, casesByStatus: Readonly<Record<string, number>>): Figure {
  const statuses = Object.keys(REVIEW_CASE_STATUS_LABELS) as ReviewCaseStatus[];
  const series = [{ name: t.review.series, values: statuses.map((status) => casesByStatus[status] ?? 0) }];
  const categories = statuses.map((status) => REVIEW_CASE_STATUS_LABELS[status]);
  return figure('review', t.review.title, t.review.caption(year), 'single', categories, series);
}

// --- the register --------------------------------------------------------------------------------

export function stationsFigure(today: string, stations: ReadonlyArray<{ district_code: string; status: StationStatus }>): Figure {
  const statuses = Object.keys(STATION_STATUS_LABELS) as StationStatus[];
  const series = statuses.map((status) => ({
    name: STATION_STATUS_LABELS[status],
    values: perDistrict(
      stations.filter((station) => station.status === status),
      (station) => station.district_code,
    ),
  }));
  return figure('stations', t.stations.title, t.stations.caption(today), 'stacked', DISTRICT_NAMES, series);
}

// --- the promotion duty --------------------------------------------------------------------------

export interface PromotionLine {
  district_code: string;
  met: boolean;
  target: number;
}

export function promotionFigure(year: number, today: string, lines: readonly PromotionLine[]): Figure {
  const target = Math.max(0, ...lines.map((line) => line.target));
  const series = [
    { name: t.promotion.met, values: perDistrict(lines.filter((line) => line.met), (line) => line.district_code) },
    { name: t.promotion.behind, values: perDistrict(lines.filter((line) => !line.met), (line) => line.district_code) },
  ];
  return figure('promotion', t.promotion.title, t.promotion.caption(year, target, today), 'stacked', DISTRICT_NAMES, series);
}

// --- the annual assessment -----------------------------------------------------------------------

export interface AssessmentLine {
  district_code: string;
  qualified: number;
  unqualified: number;
  exempted: number;
  not_taking_part: number;
}

export function assessmentFigure(year: number, lines: readonly AssessmentLine[]): Figure {
  const columns: Array<[string, (line: AssessmentLine) => number]> = [
    [t.assessment.qualified, (line) => line.qualified],
    [t.assessment.unqualified, (line) => line.unqualified],
    [t.assessment.exempted, (line) => line.exempted],
    [t.assessment.notTakingPart, (line) => line.not_taking_part],
  ];
  const series = columns.map(([name, count]) => ({ name, values: perDistrict(lines, (line) => line.district_code, count) }));
  return figure('assessment', t.assessment.title, t.assessment.caption(year), 'stacked', DISTRICT_NAMES, series);
}

// --- service requests ----------------------------------------------------------------------------

export interface RequestLine {
  district_code: string;
  received_at: string;
  accepted_at?: string | null;
  accepted_late: boolean;
  escalated: boolean;
  /** A station let it run past its 5 working days, even if the head station has routed it on since. */
  lapsed?: boolean;
}

export type Timeliness = 'on_time' | 'late' | 'waiting' | 'overdue';

/**
 * Where a request stands against its deadline for acceptance (5 working days from the day after it
 * came). The enterprise waited past it once any station let it lapse: a request the head station
 * routed on counts late, or overdue, however quickly the next station answers.
 */
export function timelinessOf(request: RequestLine): Timeliness {
  const lapsed = request.escalated || Boolean(request.lapsed);
  if (request.accepted_at) return request.accepted_late || lapsed ? 'late' : 'on_time';
  return lapsed ? 'overdue' : 'waiting';
}

/** The requests received in `year` (Guangzhou's calendar), by district and timeliness. */
export function requestsFigure(year: number, today: string, requests: readonly RequestLine[]): Figure {
  const ofYear = requests.filter((request) => dateInShanghai(request.received_at).startsWith(`${year}-`));
  const kinds: Timeliness[] = ['on_time', 'late', 'waiting', 'overdue'];
  const series = kinds.map((kind) => ({
    name: t.requests.kinds[kind],
    values: perDistrict(
      ofYear.filter((request) => timelinessOf(request) === kind),
      (request) => request.district_code,
    ),
  }));
  return figure('requests', t.requests.title, t.requests.caption(year, today), 'stacked', DISTRICT_NAMES, series);
}
