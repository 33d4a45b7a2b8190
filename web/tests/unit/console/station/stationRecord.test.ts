import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, anniversary, daysBetween, todayInShanghai } from '@/dates';
import { ApiError } from '@/api/problem';
import { blankChangeForm, changeFormProblems, changeReportBody, inOwnWords } from '@/console/station/record/changeReport';
import { describeChangeValue } from '@/console/station/record/changeValues';
import { changeTiming, validityOf } from '@/console/station/record/rules';
import { changeFormTexts, chineseNumeral } from '@/console/station/record/texts';

// The browser may be anywhere: run as if it were in Los Angeles, 15 or 16 hours behind Guangzhou.
let zone: string | undefined;
beforeAll(() => {
  zone = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = zone;
});

describe('calendar days of date-only values', () => {
  it('counts the days between two dates, across months, years and a leap day', () => {
    expect(daysBetween('2026-11-07', '2026-12-08')).toBe(31);
    expect(daysBetween('2026-12-08', '2026-11-07')).toBe(-31);
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
    expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1); // a daylight-saving night in Los Angeles
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNull();
  });

  it('adds days and finds anniversaries as the registry counts validity', () => {
    expect(addDays('2026-11-07', 30)).toBe('2026-12-07');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(anniversary('2026-12-08', 2)).toBe('2028-12-08');
    expect(anniversary('2028-02-29', 1)).toBe('2029-03-01');
    expect(anniversary('not a date', 1)).toBe('');
  });

  it("takes today from Guangzhou's calendar, not the browser's", () => {
    // 2026-12-07 17:30 in Los Angeles is already the 8th in Guangzhou.
    expect(todayInShanghai(new Date('2026-12-08T01:30:00Z'))).toBe('2026-12-08');
  });
});

describe('the 30 days within which a change is reported (§4.4)', () => {
  it('is on time up to day 30 and late from day 31, as the registry records it', () => {
    expect(changeTiming('2026-11-08', '2026-12-08')).toEqual({
      kind: 'in-time',
      reportBy: '2026-12-08',
      elapsed: 30,
      daysLeft: 0,
    });
    expect(changeTiming('2026-11-07', '2026-12-08')).toEqual({
      kind: 'late',
      reportBy: '2026-12-07',
      elapsed: 31,
      daysOver: 1,
    });
    expect(changeTiming('2026-12-08', '2026-12-08')).toMatchObject({ kind: 'in-time', daysLeft: 30 });
  });

  it('refuses a completion after today and ignores what is not yet a date', () => {
    expect(changeTiming('2026-12-09', '2026-12-08')).toEqual({ kind: 'future' });
    expect(changeTiming('', '2026-12-08')).toEqual({ kind: 'unknown' });
    expect(changeTiming('2026-1', '2026-12-08')).toEqual({ kind: 'unknown' });
  });

  it('says so in words against the completion date', () => {
    expect(changeFormTexts.timingLate('2026-11-07', 31, 1)).toBe(
      '变更完成之日起 30 日内报告；本次变更完成于 2026年11月7日，至今已 31 日，已超过 1 日，将标记为逾期报告。',
    );
    expect(changeFormTexts.timingInTime('2026-11-28', '2026-12-28', 20)).toContain('请于 2026年12月28日 前报告（还有 20 日）');
  });
});

describe('validity of three years and its third year (§4.2)', () => {
  const from = '2026-12-08';
  const until = '2029-12-07';

  it('counts the days left to the last day, which is still valid', () => {
    expect(validityOf(from, until, '2026-12-08')).toMatchObject({ state: 'valid', daysLeft: 1095 });
    expect(validityOf(from, until, '2029-12-07')).toMatchObject({ state: 'expiring', daysLeft: 0 });
    expect(validityOf(from, until, '2029-12-08')).toMatchObject({ state: 'ended', daysLeft: -1 });
    expect(validityOf(from, until, '2026-12-07').state).toBe('not-yet');
  });

  it('warns from the day the registry reminds, 90 days before the last day', () => {
    expect(validityOf(from, until, '2029-09-08')).toMatchObject({ state: 'expiring', daysLeft: 90 });
    expect(validityOf(from, until, '2029-09-07')).toMatchObject({ state: 'valid', daysLeft: 91 });
  });

  it('opens re-review in the third year, in the round of the year the validity ends', () => {
    expect(validityOf(from, until, '2028-12-07')).toMatchObject({ reReviewOpen: false, reReviewOpensOn: '2028-12-08' });
    expect(validityOf(from, until, '2028-12-08')).toMatchObject({ reReviewOpen: true, reReviewRoundYear: 2029 });
    expect(validityOf(from, until, '2030-01-01').reReviewOpen).toBe(true);
  });
});

describe('the change report', () => {
  const station = { staff: [{ name: '李明', role: '服务站站长', phone: '13800138000' }] };

  it('sends only the kinds chosen, with empty optional values left out', () => {
    const form = blankChangeForm(station);
    form.kinds = ['name', 'legal_representative'];
    form.completed_on = '2026-11-07';
    form.name.entity_name = ' 广州市天河区创新企业服务集团有限公司 ';
    form.legal_representative = '赵磊';
    form.contact.name = 'not chosen';
    expect(changeReportBody(form)).toEqual({
      completed_on: '2026-11-07',
      name: { entity_name: '广州市天河区创新企业服务集团有限公司', station_name: null },
      legal_representative: '赵磊',
    });
  });

  it('names what is missing before anything is sent', () => {
    const form = blankChangeForm(station);
    expect(Object.keys(changeFormProblems(form, '2026-12-08')).sort()).toEqual(['completed_on', 'kinds']);
    form.kinds = ['staff', 'address'];
    form.completed_on = '2026-12-09';
    expect(changeFormProblems(form, '2026-12-08')).toEqual({
      completed_on: changeFormTexts.timingFuture,
      address: changeFormTexts.address.required,
      staff: changeFormTexts.staff.tooFew,
    });
  });
});

describe('the registry refusing a format', () => {
  it('is said in the form’s own words on the field it names', () => {
    const refused = new ApiError(422, {
      type: 'about:blank',
      status: 422,
      errors: [
        { field: 'body.contact.phone', message: "String should match pattern '^...$'", code: 'string_pattern_mismatch' },
        { field: 'body.staff.1.phone', message: "String should match pattern '^...$'", code: 'string_pattern_mismatch' },
        { field: 'body.completed_on', message: '变更完成日期不能晚于今天', code: 'in_future' },
      ],
    });
    const said = inOwnWords(refused) as ApiError;
    expect(said.problem?.errors?.map((e) => e.message)).toEqual([
      changeFormTexts.phoneInvalid,
      changeFormTexts.phoneInvalid,
      '变更完成日期不能晚于今天',
    ]);
    expect(inOwnWords('not a refusal')).toBe('not a refusal');
  });
});

describe('a change as it was and as reported', () => {
  it('reads the registry’s values in words', () => {
    expect(describeChangeValue('address', { station_address: '天河路 1 号', district_code: '440106', registered_address: '' })).toEqual([
      '服务站地址：天河路 1 号',
      '所在区：天河区',
    ]);
    expect(describeChangeValue('legal_representative', '张伟')).toEqual(['张伟']);
    expect(describeChangeValue('contact', null)).toEqual(['（无）']);
    expect(describeChangeValue('staff', [{ name: '李明', role: '站长', phone: '13800138000' }])).toEqual(['李明　站长　13800138000']);
  });

  it('numbers articles in Chinese', () => {
    expect([1, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十三']);
  });
});
