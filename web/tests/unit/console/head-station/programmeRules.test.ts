import { describe, expect, it } from 'vitest';
import type { ServiceRequest, StationProgress, Station, ThemeMonth, Training } from '@/console/head-station/programmeCalls';
import { dutyRows, dutySummary } from '@/console/head-station/promotionDuty';
import { awaitsHeadStation, headStationAction, mayRoute, queueOrder, routeTargets } from '@/console/head-station/requestQueue';
import { planAliases, planBody, planForm, planProblems } from '@/console/head-station/themePlan';
import {
  emptyTrainingForm,
  stationAttendance,
  trainingBody,
  trainingProblems,
  trainingStations,
} from '@/console/head-station/trainingAttendance';

const published = (month: number, over: Partial<ThemeMonth> = {}): ThemeMonth => ({
  id: `tm-2027-${String(month).padStart(2, '0')}`,
  year: 2027,
  month,
  theme: 'policy',
  title: '政策服务月',
  goals: ['开展惠企政策宣讲不少于 2 场'],
  revision: 1,
  planned_at: '2026-12-08T09:00:00+08:00',
  ...over,
});

describe('the themed-month plan of a year', () => {
  it('has twelve months, those that ended read-only and the published ones filled in', () => {
    const forms = planForm(2026, [{ ...published(12), year: 2026, id: 'tm-2026-12' }], '2026-12-08');
    expect(forms).toHaveLength(12);
    expect(forms.filter((f) => f.past).map((f) => f.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(forms[11]).toMatchObject({ theme: 'policy', goals: '开展惠企政策宣讲不少于 2 场', revision: 1, past: false });
    expect(planForm(2027, [], '2026-12-08').every((f) => !f.past)).toBe(true);
  });

  it('sends the filled-in months that changed, one goal a line, a default title left to the service', () => {
    const forms = planForm(2027, [published(3)], '2026-12-08');
    forms[2]!.goals = '开展惠企政策宣讲不少于 2 场'; // unchanged
    forms[5] = { ...forms[5]!, theme: 'finance_tax', goals: '开展减税降费政策宣讲\n\n  组织财税咨询日  ' };
    forms[8] = { ...forms[8]!, theme: 'custom', title: '数字化转型服务月', goals: '组织企业上云对接会' };
    expect(planProblems(forms)).toEqual({});
    expect(planBody(forms, [published(3)])).toEqual([
      { month: 6, theme: 'finance_tax', title: null, goals: ['开展减税降费政策宣讲', '组织财税咨询日'] },
      { month: 9, theme: 'custom', title: '数字化转型服务月', goals: ['组织企业上云对接会'] },
    ]);
  });

  it('asks for a theme, a custom theme its name, and at least one goal; a published month cannot be emptied', () => {
    const forms = planForm(2027, [published(3)], '2026-12-08');
    forms[2] = { ...forms[2]!, theme: '', title: '', goals: '' };
    forms[3] = { ...forms[3]!, theme: 'custom', goals: '' };
    forms[4] = { ...forms[4]!, goals: '举办沙龙' };
    forms[6] = { ...forms[6]!, theme: 'policy', goals: '好' };
    expect(planProblems(forms)).toEqual({
      'm3-theme': '3月已发布，不能删除，只能修改',
      'm4-title': '4月选择了“其他主题”，请填写主题名称',
      'm4-goals': '请填写4月的目标与内容（至少一项）',
      'm5-theme': '请选择5月的主题',
      'm7-goals': '7月的每项目标须为 2 至 500 字',
    });
  });

  it('puts the service field errors of the body sent on the fields of their months', () => {
    const aliases = planAliases([{ month: 9, theme: 'custom', title: null, goals: ['a', 'b'] }]);
    expect(aliases['months.0.title']).toBe('m9-title');
    expect(aliases['months.0.goals.1']).toBe('m9-goals');
  });
});

const station = (id: string, name: string, district_code = '440106'): Station => ({
  id,
  name,
  name_may_be_outdated: false,
  district_code,
  services: [],
  status: 'active',
  valid_until: null,
});
const training = (held_on: string, attendees: Training['attendees']): Training => ({
  id: held_on,
  title: '服务站工作人员业务培训',
  content: '',
  held_on,
  venue: null,
  attendees,
  attended_count: attendees.filter((a) => a.attended).length,
  recorded_at: `${held_on}T18:00:00+08:00`,
});

describe('trainings of station staff', () => {
  const a = station('st-a', '天河汇智', '440106');
  const b = station('st-b', '海珠琶洲', '440105');
  const held = [
    training('2026-12-03', [
      { station_id: 'st-a', staff_name: '梁婉仪', position: null, attended: true },
      { station_id: 'st-b', staff_name: '陈立', position: null, attended: false },
    ]),
    training('2026-12-07', [{ station_id: 'st-a', staff_name: '王晓', position: '服务专员', attended: true }]),
  ];

  it('counts each station over the year, those none of whose staff attended first', () => {
    expect(stationAttendance([a, b], held)).toEqual([
      { station: b, attended: 0, absent: 1, trainings: 0, lastAttended: null },
      { station: a, attended: 2, absent: 0, trainings: 2, lastAttended: '2026-12-07' },
    ]);
  });

  it('names the invited stations that had nobody at a training', () => {
    expect(trainingStations(held[0]!)).toEqual({ present: ['st-a'], missing: ['st-b'] });
  });

  it('is recorded once held, with each attendee’s station and name', () => {
    const form = { ...emptyTrainingForm(), title: '培', held_on: '2026-12-09' };
    form.attendees[0] = { station_id: '', staff_name: '王', position: '', attended: true };
    expect(trainingProblems(form, '2026-12-08')).toEqual({
      title: '请填写培训名称（2 至 200 字）',
      held_on: '举办日期不能晚于今天：培训举办后再登记',
      'attendees.0.station_id': '请选择第 1 名参训人员所在的服务站',
      'attendees.0.staff_name': '请填写第 1 名参训人员的姓名（2 至 100 字）',
    });
    const ok = { ...form, title: ' 第四季度业务培训 ', held_on: '2026-12-08', venue: ' ' };
    ok.attendees = [{ station_id: 'st-b', staff_name: ' 陈立 ', position: '', attended: false }];
    expect(trainingProblems(ok, '2026-12-08')).toEqual({});
    expect(trainingBody(ok)).toEqual({
      title: '第四季度业务培训',
      content: '',
      held_on: '2026-12-08',
      venue: null,
      attendees: [{ station_id: 'st-b', staff_name: '陈立', position: null, attended: false }],
    });
  });
});

const request = (id: string, over: Partial<ServiceRequest> = {}): ServiceRequest => ({
  id,
  company_name: id,
  uscc: '91440106MA59C1XE2H',
  contact_name: '李小明',
  contact_phone: '13800138000',
  contact_email: null,
  district_code: '440106',
  category: 'financing',
  personalised: false,
  details: '融资需求',
  station_id: 'st-a',
  assignment: 'district_match',
  status: 'received',
  received_at: '2026-12-08T10:00:00+08:00',
  acceptance_due_on: '2026-12-15',
  escalated: false,
  escalated_at: null,
  accepted_at: null,
  accepted_late: false,
  by_head_station: false,
  handling: null,
  institution_name: null,
  outcome: null,
  outcome_note: null,
  satisfaction: null,
  closed_at: null,
  lapsed: false,
  first_escalated_at: null,
  routed_at: null,
  routed_from_station_id: null,
  routed_by: null,
  route_reason: null,
  ...over,
});

describe('the city-wide queue of service requests', () => {
  const escalated = request('escalated', { escalated: true, escalated_at: '2026-12-16T00:00:00+08:00', acceptance_due_on: '2026-12-15' });
  const unassigned = request('unassigned', { station_id: null, assignment: 'head_station', acceptance_due_on: null });
  const overdue = request('overdue', { acceptance_due_on: '2026-12-14' });
  const dueToday = request('due-today', { acceptance_due_on: '2026-12-16' });
  const later = request('later', { acceptance_due_on: '2026-12-22' });
  const accepted = request('accepted', { status: 'accepted', accepted_at: '2026-12-09T10:00:00+08:00' });
  const closed = request('closed', { status: 'closed' });

  it('lists escalations first, then overdue, due today, the rest, and what is handled last', () => {
    const order = queueOrder([closed, later, accepted, dueToday, overdue, unassigned, escalated], '2026-12-16');
    expect(order.map((r) => r.id)).toEqual(['escalated', 'unassigned', 'overdue', 'due-today', 'later', 'accepted', 'closed']);
  });

  it('lets the head station take over only an escalated or unassigned request, then match and close its own', () => {
    expect([escalated, unassigned, overdue].map(awaitsHeadStation)).toEqual([true, true, false]);
    expect(headStationAction(escalated)).toBe('take-over');
    expect(headStationAction(overdue)).toBeNull();
    expect(headStationAction(request('x', { status: 'accepted', by_head_station: true }))).toBe('match');
    expect(headStationAction(request('x', { status: 'matched', by_head_station: true }))).toBe('close');
    expect(headStationAction(accepted)).toBeNull();
  });
});

describe('routing (转派) a request the head station holds', () => {
  const station = (id: string, name: string, district_code: string, status = 'active'): Station => ({
    id,
    name,
    district_code,
    status,
    services: ['financing'],
    valid_until: '2029-05-31',
    name_may_be_outdated: false,
  });
  const lapsedAt = request('lapsed', { station_id: 'st-a', escalated: true, escalated_at: '2026-12-16T00:00:00+08:00' });

  it('is offered while the head station holds the request, as taking it over is', () => {
    expect(mayRoute(lapsedAt)).toBe(true);
    expect(mayRoute(request('unassigned', { station_id: null, assignment: 'head_station' }))).toBe(true);
    expect(mayRoute(request('in-time'))).toBe(false);
    expect(mayRoute(request('routed', { station_id: 'st-b', routed_at: '2026-12-17T09:00:00+08:00', lapsed: true }))).toBe(false);
    expect(mayRoute({ ...lapsedAt, status: 'accepted' })).toBe(false);
  });

  it('offers the active stations but the one that let it lapse, its own district first', () => {
    const offered = routeTargets(
      [
        station('st-a', '天河甲站', '440106'),
        station('st-h', '海珠站', '440105'),
        station('st-r', '天河撤销站', '440106', 'revoked'),
        station('st-b', '天河乙站', '440106'),
      ],
      lapsedAt,
    );
    expect(offered.map((s) => s.id)).toEqual(['st-b', 'st-h']);
  });
});

const progress = (station_id: string, count: number, over: Partial<StationProgress> = {}): StationProgress => ({
  station_id,
  station_name: station_id,
  district_code: '440106',
  year: 2026,
  count,
  target: 3,
  met: count >= 3,
  warned_on: [],
  ...over,
});

describe('every station’s promotion duty', () => {
  it('marks the stations below the service’s minimum and lists them first, fewest sessions first', () => {
    const rows = dutyRows([progress('met', 4), progress('two', 2), progress('none', 0, { warned_on: ['2026-12-01'] })]);
    expect(rows.map((r) => [r.progress.station_id, r.behind, r.duty.percent])).toEqual([
      ['none', true, 0],
      ['two', true, 67],
      ['met', false, 100],
    ]);
    expect(dutySummary(rows)).toEqual({ stations: 3, met: 1, behind: 2, warned: 1, target: 3 });
  });

  it('takes the minimum from the service', () => {
    const [row] = dutyRows([progress('a', 3, { target: 4, met: false })]);
    expect([row!.behind, row!.duty.remaining]).toEqual([true, 1]);
  });
});
