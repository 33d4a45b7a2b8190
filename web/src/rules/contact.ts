/** Telephone and e-mail checks, as the services apply them. */

/** The review service's objection contact: a mainland mobile or a landline with its area code. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Spaces and brackets are ignored, as the review service ignores them. */
export function compactPhone(value: string): string {
  return value.replace(/[\s()（）]/g, '');
}

export function isMobileOrLandline(value: string): boolean {
  const phone = compactPhone(value.trim());
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** The activities service's `contact_phone` pattern (RegistrationIn, RequestIn). */
export const SCHEMA_PHONE = /^[0-9+\-() ]{7,20}$/;

export function matchesSchemaPhone(value: string): boolean {
  return SCHEMA_PHONE.test(value.trim());
}

/**
 * The mainland mobile number written in `value` (spaces, dashes, brackets and a +86 / 0086
 * prefix allowed), else null: as the activities service decides whether a code goes by SMS.
 */
export function mainlandMobile(value: string): string | null {
  let digits = value.replace(/[\s\-()（）]/g, '');
  for (const prefix of ['+86', '0086']) if (digits.startsWith(prefix)) digits = digits.slice(prefix.length);
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
