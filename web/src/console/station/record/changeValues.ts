/**
 * What a reported change held before and after, in words: the registry keeps each kind's values
 * as it stood (`before`) and as reported (`after`), in the shapes of its change report.
 */
import { districtName } from '@/labels';
import type { ChangeKind } from './calls';
import { changeValueTexts as texts } from './texts';

type Value = unknown;

function record(value: Value): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function labelled(pairs: Array<[string, string]>): string[] {
  return pairs.filter(([, value]) => value !== '').map(([label, value]) => `${label}：${value}`);
}

/** One line per value of `kind` as `value` holds it; a placeholder when there was none. */
export function describeChangeValue(kind: ChangeKind, value: Value): string[] {
  if (value === null || value === undefined) return [texts.none];
  const fields = record(value);
  switch (kind) {
    case 'name':
      return labelled([
        [texts.entityName, text(fields.entity_name)],
        [texts.stationName, text(fields.station_name)],
      ]);
    case 'address':
      return labelled([
        [texts.stationAddress, text(fields.station_address)],
        [texts.district, districtName(text(fields.district_code))],
        [texts.registeredAddress, text(fields.registered_address)],
      ]);
    case 'legal_representative':
      return [text(value)];
    case 'contact':
      return [[text(fields.name), text(fields.phone), text(fields.email)].filter(Boolean).join('　')];
    case 'staff':
      return Array.isArray(value)
        ? value.map((member) => {
            const m = record(member);
            return [text(m.name), text(m.role), text(m.phone)].filter(Boolean).join('　');
          })
        : [texts.none];
    default:
      return [JSON.stringify(value)];
  }
}
