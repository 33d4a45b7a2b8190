/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters with a check character, checked as the services check
 * it (python-stdnum `cn.uscc`): spaces and hyphens are ignored, letters are upper-cased.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function compactUscc(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export type UsccProblem = 'missing' | 'length' | 'format' | 'checksum';

/** What is wrong with the code, or null when it is valid. */
export function usccProblem(value: string): UsccProblem | null {
  const code = compactUscc(value);
  if (code === '') return 'missing';
  if (code.length !== 18) return 'length';
  if (!/^\d{8}$/.test(code.slice(0, 8))) return 'format';
  if ([...code.slice(8)].some((c) => !ALPHABET.includes(c))) return 'format';
  let total = 0;
  for (let i = 0; i < 17; i += 1) total += ALPHABET.indexOf(code[i]!) * WEIGHTS[i]!;
  const check = ALPHABET[(31 - (total % 31)) % 31];
  return code[17] === check ? null : 'checksum';
}

export function isValidUscc(value: string): boolean {
  return usccProblem(value) === null;
}
