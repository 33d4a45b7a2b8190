/** The rules of the confirmation code as the activities service applies them (6 digits). */
import type { CodeSent } from '@/api/activities';
import { confirmationTexts as t } from './texts';

/** What is sent: the digits alone (a code read aloud or copied may carry spaces). */
export function compactCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function codeProblem(value: string): string | null {
  const code = compactCode(value);
  if (code === '') return t.codeMissing;
  return /^\d{6}$/.test(code) ? null : t.codeFormat;
}

/** Where the code went, as the person reads it: the channel and the masked address. */
export function sentTo(sent: CodeSent): string {
  return sent.channel === 'sms' ? t.sentBySms(sent.sent_to) : t.sentByEmail(sent.sent_to);
}
