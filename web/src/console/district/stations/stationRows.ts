/**
 * A row of the district's station list: the register's record joined with what the other services
 * know of the station — this year's promotion sessions (activities), the newest published
 * assessment result, late change reports (registry) and open service requests (activities).
 */
import type { AssessmentCycle, AssessmentResult, InfoChange, PromotionProgress, ServiceRequest, StationRecord } from '../calls';
import { daysUntil } from '../dayCount';

export interface StationRow {
  station: StationRecord;
  daysLeft: number | null;
  progress: PromotionProgress | null;
  result: AssessmentResult | null;
  /** Reported changes; null when they could not be loaded. */
  changes: number | null;
  lateChanges: number | null;
  openRequests: number | null;
}

export interface StationExtras {
  progress: PromotionProgress[] | null;
  results: AssessmentResult[] | null;
  changes: Map<string, InfoChange[]> | null;
  openRequests: ServiceRequest[] | null;
}

/** The newest published cycle: the results a district sees. */
export function newestPublished(cycles: readonly AssessmentCycle[]): AssessmentCycle | null {
  return [...cycles].filter((c) => c.status === 'published').sort((a, b) => b.year - a.year)[0] ?? null;
}

/** Requests still being handled: received, accepted or matched (not closed). */
export function isOpen(request: ServiceRequest): boolean {
  return request.status !== 'closed';
}

export function stationRows(stations: readonly StationRecord[], extras: StationExtras, today: string): StationRow[] {
  return stations.map((station) => {
    const changes = extras.changes?.get(station.id) ?? null;
    return {
      station,
      daysLeft: daysUntil(station.valid_until, today),
      progress: extras.progress?.find((p) => p.station_id === station.id) ?? null,
      result: extras.results?.find((r) => r.station_id === station.id) ?? null,
      changes: changes ? changes.length : null,
      lateChanges: changes ? changes.filter((c) => c.late).length : null,
      openRequests: extras.openRequests ? extras.openRequests.filter((r) => r.station_id === station.id && isOpen(r)).length : null,
    };
  });
}
