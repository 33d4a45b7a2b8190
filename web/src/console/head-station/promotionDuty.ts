/**
 * Every station's promotion duty of a year (§3.3(3): "每年结合主题月活动宣讲不少于三次"): how far
 * each has come against the service's minimum, those behind first.
 */
import { dutyProgress, type DutyProgress } from '../station/promotions/progress';
import type { StationProgress } from './programmeCalls';

export interface DutyRow {
  progress: StationProgress;
  duty: DutyProgress;
  /** Below the minimum. */
  behind: boolean;
}

export function dutyRows(progress: readonly StationProgress[]): DutyRow[] {
  return progress
    .map((p): DutyRow => {
      const duty = dutyProgress(p.count, p.target);
      return { progress: p, duty, behind: !p.met };
    })
    .sort(
      (a, b) =>
        Number(b.behind) - Number(a.behind) ||
        a.duty.count - b.duty.count ||
        a.progress.district_code.localeCompare(b.progress.district_code) ||
        a.progress.station_name.localeCompare(b.progress.station_name, 'zh-CN'),
    );
}

export interface DutySummary {
  stations: number;
  met: number;
  behind: number;
  warned: number;
  /** The service's minimum (the same for every station); null when no station is listed. */
  target: number | null;
}

export function dutySummary(rows: readonly DutyRow[]): DutySummary {
  return {
    stations: rows.length,
    met: rows.filter((r) => !r.behind).length,
    behind: rows.filter((r) => r.behind).length,
    warned: rows.filter((r) => r.progress.warned_on.length > 0).length,
    target: rows[0]?.progress.target ?? null,
  };
}
