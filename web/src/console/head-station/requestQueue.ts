/**
 * The city-wide queue of service requests as the head station works it (§3.4): escalations first
 * (not accepted within 5 working days, now the head station's), then those overdue or due today,
 * then the rest; and what the head station may do with each.
 */
import { acceptanceState, type AcceptanceState } from '../station/demands/deadline';
import type { ServiceRequest, Station } from './programmeCalls';

/** Lower comes first. */
export function urgency(request: ServiceRequest, today: string): number {
  if (request.status === 'received') {
    if (request.escalated || request.station_id === null) return 0;
    const state = acceptanceState(request, today);
    if (state.kind === 'overdue') return 1;
    if (state.kind === 'due-today') return 2;
    return 3;
  }
  if (request.status === 'closed') return 5;
  return 4;
}

/** The queue in the order the head station works it; within a rank the oldest deadline, then the oldest request first. */
export function queueOrder(requests: readonly ServiceRequest[], today: string): ServiceRequest[] {
  const key = (r: ServiceRequest) => [urgency(r, today), r.acceptance_due_on ?? '9999-12-31', r.received_at] as const;
  return [...requests].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}

/** An escalation: not accepted by its station in time and now with the head station, still not accepted. */
export function awaitsHeadStation(request: ServiceRequest): boolean {
  return request.status === 'received' && (request.escalated || request.station_id === null);
}

export type HeadStationAction = 'take-over' | 'match' | 'close' | null;

/**
 * What the head station may do now: take over an escalated or unassigned request (the service
 * refuses while the station's 5 working days run), then match and close what it took over.
 */
export function headStationAction(request: ServiceRequest): HeadStationAction {
  if (awaitsHeadStation(request)) return 'take-over';
  if (request.by_head_station && request.status === 'accepted') return 'match';
  if (request.by_head_station && request.status === 'matched') return 'close';
  return null;
}

export function deadlineOf(request: ServiceRequest, today: string): AcceptanceState {
  return acceptanceState(request, today);
}

/** The head station may route (转派) a request it holds to a station, as it may take it over. */
export function mayRoute(request: ServiceRequest): boolean {
  return awaitsHeadStation(request);
}

/**
 * The stations a request may be routed to: the active ones but the station that let it lapse, those
 * of the request's district first, then by district and name (Chinese collation).
 */
export function routeTargets(stations: readonly Station[], request: ServiceRequest): Station[] {
  const collator = new Intl.Collator('zh-CN');
  const rank = (s: Station) => (s.district_code === request.district_code ? 0 : 1);
  return stations
    .filter((s) => s.status === 'active' && s.id !== request.station_id)
    .sort((a, b) => rank(a) - rank(b) || a.district_code.localeCompare(b.district_code) || collator.compare(a.name, b.name));
}
