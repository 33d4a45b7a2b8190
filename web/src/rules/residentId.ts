/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0-9 or X), with a real birth date.
 * The review service also checks the place code against its register; that part is left to it.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function compactResidentId(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

export type ResidentIdProblem = 'missing' | 'invalid';

export function residentIdProblem(value: string): ResidentIdProblem | null {
  const id = compactResidentId(value);
  if (id === '') return 'missing';
  if (!/^\d{17}[\dX]$/.test(id)) return 'invalid';
  let total = 0;
  for (let i = 0; i < 17; i += 1) total += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK[total % 11] !== id[17]) return 'invalid';
  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const born = new Date(Date.UTC(year, month - 1, day));
  if (born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day) {
    return 'invalid';
  }
  return null;
}
