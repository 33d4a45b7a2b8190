/** Field messages for the checks several forms share (USCC, the activities service's phone pattern). */
import { matchesSchemaPhone } from './contact';
import { trimmed } from './text';
import { ruleTexts } from './texts';
import { usccProblem } from './uscc';

export function usccMessage(value: string): string | null {
  switch (usccProblem(value)) {
    case null:
      return null;
    case 'missing':
      return ruleTexts.usccMissing;
    case 'length':
      return ruleTexts.usccLength;
    default:
      return ruleTexts.usccInvalid;
  }
}

export function schemaPhoneMessage(value: string): string | null {
  const phone = trimmed(value);
  if (!phone) return ruleTexts.phoneMissing;
  return matchesSchemaPhone(phone) ? null : ruleTexts.phoneInvalid;
}
