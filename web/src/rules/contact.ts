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
