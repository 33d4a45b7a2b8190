/** The id of a form field's control, which the error summary links to. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Puts the focus on a field (its first radio, for a group) and brings its label into view. */
export function focusField(name: string): boolean {
  const control = document.getElementById(fieldId(name));
  if (!control) return false;
  control.focus({ preventScroll: true });
  const label = control.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${control.id}"]`);
  (label ?? control).scrollIntoView?.({ block: 'start' });
  return true;
}
