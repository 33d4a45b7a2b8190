/** Field messages for the checks several forms share (USCC, the activities service's phone pattern). */
import { isEmail, mainlandMobile, matchesSchemaPhone } from './contact';
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

/**
 * The e-mail address of a form filed without signing in: its confirmation code goes by SMS to a
 * mobile number, else to this address, which is then required.
 */
export function codeEmailMessage(phone: string, email: string): string | null {
  const address = trimmed(email);
  if (address) return isEmail(address) ? null : ruleTexts.emailInvalid;
  return mainlandMobile(trimmed(phone)) || !matchesSchemaPhone(trimmed(phone)) ? null : ruleTexts.emailNeeded;
}
