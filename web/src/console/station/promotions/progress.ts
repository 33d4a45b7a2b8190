/** The promotion duty of a year (§3.3(3)): at least 3 sessions; how far the station has come. */

/** The guideline's minimum ("每年……宣讲不少于三次"); the service sends its own target too. */
export const YEARLY_MINIMUM = 3;

export interface DutyProgress {
  count: number;
  target: number;
  met: boolean;
  /** Sessions still needed (0 once met). */
  remaining: number;
  /** For the progress bar: 0–100, full once met. */
  percent: number;
}

export function dutyProgress(count: number, target: number = YEARLY_MINIMUM): DutyProgress {
  const held = Math.max(0, Math.floor(count));
  const needed = Math.max(1, Math.floor(target));
  return {
    count: held,
    target: needed,
    met: held >= needed,
    remaining: Math.max(0, needed - held),
    percent: Math.min(100, Math.round((held / needed) * 100)),
  };
}
