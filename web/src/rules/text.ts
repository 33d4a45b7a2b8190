/** Small checks the forms share. Lengths count characters as the services do (code points). */

export function trimmed(value: string | null | undefined): string {
  return (value ?? '').trim();
}

export function charCount(value: string): number {
  return [...value].length;
}

export function lengthBetween(value: string, min: number, max: number): boolean {
  const n = charCount(value);
  return n >= min && n <= max;
}
