/** A return address from the query, only ever a console page of this site. */
export function safeReturnTo(value: unknown): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== 'string') return '/console';
  if (!/^\/console(?:[/?#]|$)/.test(candidate) || candidate.startsWith('/console/sign-in')) return '/console';
  return candidate;
}
