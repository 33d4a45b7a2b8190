/** Forms of the station's promotion, activity, request and report pages ↔ the bodies the activities service takes. */
import { describe, expect, it } from 'vitest';
import type { Report } from '@/console/station/demands/calls';
import {
  emptyIndustry,
  emptyNeed,
  enterprisesSurveyed,
  REPORT_FIELDS,
  reportBody,
  reportFormOf,
  reportProblems,
} from '@/console/station/demands/reportForm';
import { closeBody, closeProblems, matchBody, matchProblems } from '@/console/station/demands/requestForms';
import { contentOfRevision } from '@/console/station/demands/revisions';
import {
  emptyScheduleForm,
  institutionsOf,
  scheduleBody,
  scheduleProblems,
  shanghaiInstant,
} from '@/console/station/activities/scheduleForm';
import { emptySessionForm, sessionBody, sessionProblems } from '@/console/station/promotions/sessionForm';

describe('a promotion session', () => {
  const filled = {
    ...emptySessionForm(),
    held_on: '2026-12-03',
    activity_id: 'act-1',
    venue: '  天河创新园路演厅 ',
    audience_count: 45,
    notes: '',
  };

  it('promotes both the service platform and 穗小信 unless unticked', () => {
    expect(emptySessionForm().subjects).toEqual(['sme_service_platform', 'suixiaoxin']);
  });

  it('becomes the body of POST /promotions for the station, blanks as null', () => {
    expect(sessionBody(filled, 'st-2026-0001')).toEqual({
      station_id: 'st-2026-0001',
      held_on: '2026-12-03',
      subjects: ['sme_service_platform', 'suixiaoxin'],
      activity_id: 'act-1',
      venue: '天河创新园路演厅',
      audience_count: 45,
      notes: null,
    });
    expect(sessionBody({ ...filled, activity_id: '', subjects: ['suixiaoxin', 'suixiaoxin'] }, 'st-1')).toMatchObject({
      activity_id: null,
      subjects: ['suixiaoxin'],
    });
  });

  it('is recorded once held: a day after today, no subject or no audience count is put right first', () => {
    expect(sessionProblems(filled, '2026-12-08')).toEqual({});
    expect(sessionProblems(filled, '2026-12-03')).toEqual({});
    const problems = sessionProblems({ ...filled, held_on: '2026-12-09', subjects: [], audience_count: null }, '2026-12-08');
    expect(Object.keys(problems).sort()).toEqual(['audience_count', 'held_on', 'subjects']);
    expect(problems.held_on).toContain('不能晚于今天');
  });
});

describe('an activity to schedule', () => {
  const filled = {
    ...emptyScheduleForm(),
    activity_type: 'salon' as const,
    title: ' 知识产权质押融资政策沙龙 ',
    theme_month_id: 'tm-2026-12',
    starts_at: '2026-12-18T14:30:00',
    ends_at: '2026-12-18T17:00:00',
    venue: '天河区天河路 385 号服务站活动室',
    capacity: 40,
    co_organiser_station_ids: ['st-2026-0002'],
    institutions: '广州某知识产权代理有限公司\n\n广州某律师事务所\n广州某知识产权代理有限公司',
  };
  const now = new Date('2026-12-08T01:00:00Z');

  it('is timed in Beijing time whatever the browser’s zone', () => {
    expect(shanghaiInstant('2026-12-18T14:30')).toBe('2026-12-18T14:30:00+08:00');
    expect(shanghaiInstant('2026-12-18T14:30:15')).toBe('2026-12-18T14:30:15+08:00');
    expect(shanghaiInstant('')).toBe('');
  });

  it('names each institution once, a line each', () => {
    expect(institutionsOf(filled.institutions)).toEqual(['广州某知识产权代理有限公司', '广州某律师事务所']);
  });

  it('becomes the body of POST /activities', () => {
    expect(scheduleBody(filled)).toEqual({
      activity_type: 'salon',
      title: '知识产权质押融资政策沙龙',
      description: '',
      theme_month_id: 'tm-2026-12',
      starts_at: '2026-12-18T14:30:00+08:00',
      ends_at: '2026-12-18T17:00:00+08:00',
      venue: '天河区天河路 385 号服务站活动室',
      online_link: null,
      capacity: 40,
      co_organiser_station_ids: ['st-2026-0002'],
      institutions: ['广州某知识产权代理有限公司', '广州某律师事务所'],
    });
    expect(scheduleBody({ ...filled, theme_month_id: '' }).theme_month_id).toBeNull();
  });

  it('starts in the future, ends after it starts, and has a place or a link', () => {
    expect(scheduleProblems(filled, now)).toEqual({});
    const problems = scheduleProblems(
      { ...filled, starts_at: '2026-12-08T08:30:00', ends_at: '2026-12-08T08:00:00', venue: '', online_link: 'zoom.example' },
      now,
    );
    expect(Object.keys(problems).sort()).toEqual(['ends_at', 'online_link', 'starts_at']);
    expect(scheduleProblems({ ...filled, ends_at: '2026-12-18T14:00:00' }, now).ends_at).toBe('结束时间须晚于开始时间');
    expect(scheduleProblems({ ...filled, venue: '', online_link: '' }, now).venue).toBe('请填写活动地点或线上链接');
    expect(scheduleProblems({ ...filled, venue: '', online_link: 'https://meeting.example.cn/s/1' }, now)).toEqual({});
  });

  it('asks for a form, a title and a capacity', () => {
    const problems = scheduleProblems({ ...emptyScheduleForm(), starts_at: filled.starts_at, ends_at: filled.ends_at, venue: 'x' }, now);
    expect(Object.keys(problems).sort()).toEqual(['activity_type', 'capacity', 'title']);
  });
});

describe('handling a service request', () => {
  it('matches to a named resident institution, or serves it itself (no name sent)', () => {
    expect(matchBody({ handling: 'institution', institution_name: ' 广州某律师事务所 ' })).toEqual({
      handling: 'institution',
      institution_name: '广州某律师事务所',
    });
    expect(matchBody({ handling: 'self', institution_name: '留下的名字' })).toEqual({ handling: 'self', institution_name: null });
    expect(matchProblems({ handling: '', institution_name: '' })).toHaveProperty('handling');
    expect(matchProblems({ handling: 'institution', institution_name: ' ' })).toHaveProperty('institution_name');
    expect(matchProblems({ handling: 'self', institution_name: '' })).toEqual({});
  });

  it('closes with an outcome, a note and the enterprise’s rating of 1 to 5', () => {
    expect(closeBody({ outcome: 'resolved', note: ' 已对接合作银行，获批贷款 ', satisfaction: 5 })).toEqual({
      outcome: 'resolved',
      note: '已对接合作银行，获批贷款',
      satisfaction: 5,
    });
    expect(Object.keys(closeProblems({ outcome: '', note: '好', satisfaction: undefined })).sort()).toEqual([
      'note',
      'outcome',
      'satisfaction',
    ]);
  });
});

describe('a quarter’s demand report', () => {
  const submitted: Report = {
    id: 'rep-1',
    station_id: 'st-2026-0001',
    district_code: '440106',
    year: 2026,
    quarter: 4,
    revision: 2,
    submitted_at: '2026-12-08T02:00:00Z',
    enterprises_surveyed: 50,
    industries: [
      { industry: '智能制造', enterprises_surveyed: 32, main_needs: ['financing', 'talent'] },
      { industry: '跨境电商', enterprises_surveyed: 18, main_needs: ['legal'] },
    ],
    needs: [{ category: 'financing', enterprises: 12, description: '抵押物不足，融资难' }],
    enterprise_conditions: '园区企业订单总体平稳。',
    service_needs: '希望开展知识产权质押融资培训。',
    personalised_needs: null,
  };

  it('opens blank with one industry for a quarter not yet reported', () => {
    expect(reportFormOf(null)).toEqual({
      industries: [emptyIndustry()],
      needs: [],
      enterprise_conditions: '',
      service_needs: '',
      personalised_needs: '',
    });
  });

  it('opens with the current revision to revise, and sends the same body back unchanged', () => {
    const form = reportFormOf(submitted);
    expect(enterprisesSurveyed(form)).toBe(50);
    expect(reportBody(form)).toEqual({
      industries: submitted.industries,
      needs: submitted.needs,
      enterprise_conditions: submitted.enterprise_conditions,
      service_needs: submitted.service_needs,
      personalised_needs: null,
    });
  });

  it('names each problem by the field the service would name', () => {
    const form = reportFormOf(submitted);
    form.industries.push({ ...emptyIndustry(), industry: '智能制造', enterprises_surveyed: 3 });
    form.needs.push(emptyNeed());
    form.service_needs = '';
    expect(Object.keys(reportProblems(form)).sort()).toEqual([
      'industries.2.industry',
      'needs.1.category',
      'needs.1.enterprises',
      'service_needs',
    ]);
    for (const field of Object.keys(reportProblems(form))) expect(REPORT_FIELDS).toContain(field);
    expect(reportProblems({ ...reportFormOf(null), industries: [] })).toHaveProperty('industries');
  });

  it('reads an earlier revision’s stored content tolerantly', () => {
    expect(
      contentOfRevision({
        industries: [{ industry: '智能制造', enterprises_surveyed: 30, main_needs: ['financing', 7] }, 'junk'],
        enterprise_conditions: '平稳',
        service_needs: '融资',
      }),
    ).toEqual({
      industries: [{ industry: '智能制造', enterprises_surveyed: 30, main_needs: ['financing'] }],
      needs: [],
      enterprise_conditions: '平稳',
      service_needs: '融资',
      personalised_needs: null,
    });
  });
});
