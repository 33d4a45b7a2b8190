import { describe, expect, it } from 'vitest';
import { compactPhone, isEmail, isMobileOrLandline, matchesSchemaPhone } from '@/rules/contact';
import { schemaPhoneMessage, usccMessage } from '@/rules/messages';
import { residentIdProblem } from '@/rules/residentId';
import { charCount, lengthBetween } from '@/rules/text';
import { compactUscc, isValidUscc, usccProblem } from '@/rules/uscc';

// Expected values checked against python-stdnum, which the services use.
describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91440106MA59C1XE2H', '91110000600037341L', '91440106-MA59C1XE2H', ' 91440106 MA59C1XE2H ', '91440106MA59C1XE2h'])(
    'accepts %s',
    (code) => expect(isValidUscc(code)).toBe(true),
  );

  it('names what is wrong', () => {
    expect(usccProblem('')).toBe('missing');
    expect(usccProblem('91440106MA59C1XE2')).toBe('length');
    expect(usccProblem('9144010IMA59C1XE2H')).toBe('format');
    expect(usccProblem('91440106MA59C1XE2J')).toBe('checksum');
    expect(usccProblem('91440106MA59C1XEIH')).toBe('format'); // I is not in the code's alphabet
  });

  it('is sent without separators, upper-cased', () => {
    expect(compactUscc(' 91440106-ma59c1xe2h ')).toBe('91440106MA59C1XE2H');
  });

  it('has Chinese messages', () => {
    expect(usccMessage('')).toBe('请填写统一社会信用代码');
    expect(usccMessage('123')).toBe('统一社会信用代码应为 18 位');
    expect(usccMessage('91440106MA59C1XE2J')).toBe('统一社会信用代码无效，请核对');
    expect(usccMessage('91440106MA59C1XE2H')).toBeNull();
  });
});

describe('resident ID number (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '11010519491231002x', '440106199001011235', '440106200002290016'])('accepts %s', (id) =>
    expect(residentIdProblem(id)).toBeNull(),
  );

  it.each([
    ['', 'missing'],
    ['440106199001011234', 'invalid'], // check digit
    ['440106199002301234', 'invalid'], // 30 February, although its check digit is right
    ['44010619900101123', 'invalid'],
    ['4401061990010112X5', 'invalid'],
  ])('refuses %s', (id, problem) => expect(residentIdProblem(id)).toBe(problem));
});

describe('telephone numbers', () => {
  it('for an objection: a mainland mobile or a landline with its area code', () => {
    for (const ok of ['13800138000', '+8613800138000', '138 0013 8000', '020-12345678', '02012345678', '(020)12345678', '0757-1234567-801']) {
      expect(isMobileOrLandline(ok), ok).toBe(true);
    }
    for (const bad of ['12345678', '1380013800', '23800138000', '020-123', 'phone']) {
      expect(isMobileOrLandline(bad), bad).toBe(false);
    }
    expect(compactPhone('（020）1234 5678')).toBe('02012345678');
  });

  it("for the activities service: its schema's pattern", () => {
    expect(matchesSchemaPhone('020-1234 5678')).toBe(true);
    expect(matchesSchemaPhone('+86 (20) 12345678')).toBe(true);
    expect(matchesSchemaPhone('123456')).toBe(false);
    expect(matchesSchemaPhone('13800138000 ext')).toBe(false);
    expect(schemaPhoneMessage('')).toBe('请填写联系电话');
    expect(schemaPhoneMessage('abc')).toMatch(/格式不正确/);
  });

  it('e-mail addresses', () => {
    expect(isEmail('li@example.com')).toBe(true);
    expect(isEmail('li@example')).toBe(false);
  });
});

describe('text length', () => {
  it('counts characters as Python does (code points)', () => {
    expect(charCount('𠀀𠀀')).toBe(2);
    expect(lengthBetween('张三', 2, 50)).toBe(true);
    expect(lengthBetween('张', 2, 50)).toBe(false);
  });
});
