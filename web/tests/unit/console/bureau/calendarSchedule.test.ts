import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  isWeekend,
  parseDays,
  scheduleFromJson,
  scheduleSummary,
  type ScheduleForm,
} from '@/console/bureau/calendarSchedule';

const FORM: ScheduleForm = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: '2027-01-01\n2027-02-06~2027-02-08',
  workdays: '2027-02-20',
};

describe('the days a schedule names', () => {
  it('reads dates one per line or separated by commas, expands ranges, and keeps each once in order', () => {
    expect(parseDays('2027-01-02, 2027-01-01，2027-01-01\n2027-02-27至2027-03-01').days).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
    ]);
  });

  it('names what it cannot read and ranges that run backwards', () => {
    const parsed = parseDays('2027-13-01 元旦 2027-02-08~2027-02-06');
    expect(parsed.invalid).toEqual(['2027-13-01', '元旦']);
    expect(parsed.badRanges).toEqual(['2027-02-08~2027-02-06']);
  });

  it('knows a weekend from a weekday without any time zone', () => {
    expect([isWeekend('2027-02-20'), isWeekend('2027-02-21'), isWeekend('2027-02-22')]).toEqual([true, true, false]);
  });
});

describe('checking a schedule before it is loaded on every service', () => {
  it('gives the body every service takes', () => {
    expect(checkSchedule(FORM)).toEqual({
      body: {
        holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'],
        workdays: ['2027-02-20'],
        source: FORM.source,
      },
      errors: {},
    });
  });

  it('puts each problem on its field, as the services would refuse it', () => {
    const { body, errors } = checkSchedule({
      year: 2027,
      source: ' ',
      holidays: '2026-12-31 2027-01-01',
      workdays: '2027-02-22',
    });
    expect(body).toBeNull();
    expect(errors).toEqual({
      source: '请填写依据文件名称（2 至 255 字）',
      holidays: '不在2027年内：2026-12-31',
      workdays: '调休上班日期须为周六或周日：2027-02-22',
    });
  });

  it('refuses a day listed both as a holiday and as a make-up workday, and a schedule with no holiday', () => {
    expect(checkSchedule({ ...FORM, workdays: '2027-02-06' }).errors.workdays).toBe(
      '同时填在放假日期和调休上班日期中：2027-02-06',
    );
    expect(checkSchedule({ ...FORM, holidays: '' }).errors.holidays).toBe('请填写放假日期');
    expect(checkSchedule({ ...FORM, year: null }).errors.year).toBe('请填写 2000 至 2100 之间的年度');
  });

  it('sums up what will be loaded', () => {
    const { body } = checkSchedule(FORM);
    // 2027-02-06 and 2027-02-07 are a Saturday and a Sunday.
    expect(scheduleSummary(body!)).toBe('放假 4 天（其中工作日 2 天），调休上班 1 天');
  });
});

describe('a pasted schedule', () => {
  it('fills the form from the request body', () => {
    const pasted = scheduleFromJson(
      JSON.stringify({ holidays: ['2027-01-01'], workdays: ['2027-02-20'], source: '通知' }),
      2027,
    );
    expect(pasted).toEqual({
      form: { year: 2027, source: '通知', holidays: '2027-01-01', workdays: '2027-02-20' },
      error: null,
    });
  });

  it('fills the form from the services\' schedule file, taking its year', () => {
    const pasted = scheduleFromJson(JSON.stringify({ '2028': { holidays: ['2028-01-01'], source: '通知' } }), 2027);
    expect(pasted.form).toEqual({ year: 2028, source: '通知', holidays: '2028-01-01', workdays: '' });
  });

  it('asks which year when the file holds several, and says when it is not JSON at all', () => {
    const several = JSON.stringify({ '2027': { holidays: [] }, '2028': { holidays: [] } });
    expect(scheduleFromJson(several, null).error).toBe('JSON 中有多个年度（2027、2028），请先在表单中填写要载入的年度');
    expect(scheduleFromJson(several, 2028).form?.year).toBe(2028);
    expect(scheduleFromJson('{holidays: 1', 2027).error).toBe('无法解析 JSON，请检查格式');
    expect(scheduleFromJson('{"workdays": []}', 2027).error).toBe('未找到 holidays（放假日期）列表');
  });
});
