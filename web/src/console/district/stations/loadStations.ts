/** Everything the district's station list shows, each service asked once (pages of 200). */
import { fetchAllRows } from '../../export/workbook';
import {
  assessmentCycles,
  cycleResults,
  listServiceRequests,
  listStations,
  promotionProgress,
  stationChanges,
  type InfoChange,
  type ServiceRequest,
  type StationQuery,
  type StationRecord,
} from '../calls';
import { newestPublished, stationRows, type StationExtras, type StationRow } from './stationRows';

export interface StationList {
  rows: StationRow[];
  /** Open service requests in the district (all stations, the head station's included). */
  openRequests: number | null;
  /** What could not be loaded: the list shows the rest. */
  missing: string[];
}

export function allStations(query: Omit<StationQuery, 'limit' | 'offset'>): Promise<StationRecord[]> {
  return fetchAllRows((limit, offset) => listStations({ ...query, limit, offset }));
}

async function openRequests(): Promise<ServiceRequest[]> {
  const statuses = ['received', 'accepted', 'matched'] as const;
  const pages = await Promise.all(
    statuses.map((status) => fetchAllRows((limit, offset) => listServiceRequests({ status, limit, offset }))),
  );
  return pages.flat();
}

async function latestResults() {
  const cycle = newestPublished(await assessmentCycles());
  return cycle ? cycleResults(cycle.id) : [];
}

async function changesOf(stations: readonly StationRecord[]): Promise<Map<string, InfoChange[]>> {
  const found = await Promise.all(stations.map(async (s) => [s.id, await stationChanges(s.id)] as const));
  return new Map(found);
}

function settled<T>(outcome: PromiseSettledResult<T>, what: string, missing: string[]): T | null {
  if (outcome.status === 'fulfilled') return outcome.value;
  missing.push(what);
  return null;
}

export async function loadStationList(
  query: Omit<StationQuery, 'limit' | 'offset'>,
  year: number,
  today: string,
  names: { progress: string; results: string; changes: string; requests: string },
): Promise<StationList> {
  const stations = await allStations(query);
  const [progress, results, changes, requests] = await Promise.allSettled([
    promotionProgress(year),
    latestResults(),
    changesOf(stations),
    openRequests(),
  ]);
  const missing: string[] = [];
  const extras: StationExtras = {
    progress: settled(progress, names.progress, missing),
    results: settled(results, names.results, missing),
    changes: settled(changes, names.changes, missing),
    openRequests: settled(requests, names.requests, missing),
  };
  return {
    rows: stationRows(stations, extras, today),
    openRequests: extras.openRequests ? extras.openRequests.length : null,
    missing,
  };
}
