import { describe, expect, it } from 'vitest';
import { chartOption } from '@/console/statistics/chart';
import {
  applicationsFigure,
  assessmentFigure,
  promotionFigure,
  requestsFigure,
  reviewFigure,
  rowsOf,
  stationsFigure,
  timelinessOf,
  totalsOf,
  type Figure,
} from '@/console/statistics/figures';

const TIANHE = '440106';
const YUEXIU = '440104';

function row(figure: Figure, category: string): Record<string, number> {
  const found = rowsOf(figure).find((one) => one.category === category);
  if (!found) throw new Error(`no row ${category}`);
  return Object.fromEntries(figure.series.map((series, index) => [series.name, found.values[index] ?? 0]));
}

describe('applications by district and status', () => {
  const figure = applicationsFigure(2026, [
    { districtCode: TIANHE, byStatus: [{ status: 'submitted', count: 2 }, { status: 'forwarded', count: 1 }] },
    { districtCode: YUEXIU, byStatus: [{ status: 'returned', count: 1 }, { status: 'draft', count: 4 }] },
  ]);

  it('counts each district in its row, every district of the city in the official order', () => {
    expect(figure.categories).toHaveLength(11);
    expect(figure.categories[0]).toBe('荔湾区');
    expect(row(figure, '天河区')).toEqual({ 待区级初审: 2, 退回补正: 0, 已上报市工业和信息化局: 1 });
    expect(row(figure, '越秀区')).toEqual({ 待区级初审: 0, 退回补正: 1, 已上报市工业和信息化局: 0 });
  });

  it('leaves drafts out (no official sees them) and statuses nobody is in', () => {
    expect(figure.series.map((series) => series.name)).toEqual(['待区级初审', '退回补正', '已上报市工业和信息化局']);
    expect(figure.total).toBe(4);
    expect(totalsOf(figure)).toEqual([2, 1, 1]);
  });

  it('says what it counts and for which round', () => {
    expect(figure.caption).toContain('2026年度批次');
    expect(figure.caption).toContain('不含申请单位尚未提交的草稿');
  });
});

describe('the experts’ review', () => {
  it('counts the round’s cases by stage, one bar each', () => {
    const figure = reviewFigure(2026, { in_review: 3, submitted: 2 });
    expect(figure.kind).toBe('single');
    expect(figure.categories).toContain('专家评审中');
    expect(rowsOf(figure).find((one) => one.category === '专家评审中')?.total).toBe(3);
    expect(figure.total).toBe(5);
  });

  it('shows an empty figure, not an error, before the round has cases', () => {
    const figure = reviewFigure(2027, {});
    expect(figure.total).toBe(0);
    expect(figure.series).toHaveLength(1);
  });
});

describe('the register', () => {
  it('counts stations by district and status as of the day', () => {
    const figure = stationsFigure('2026年12月8日', [
      { district_code: TIANHE, status: 'active' },
      { district_code: TIANHE, status: 'active' },
      { district_code: YUEXIU, status: 'revoked' },
    ]);
    expect(row(figure, '天河区')).toEqual({ 有效: 2, 已撤销: 0 });
    expect(row(figure, '越秀区')).toEqual({ 有效: 0, 已撤销: 1 });
    expect(figure.caption).toContain('截至 2026年12月8日');
  });
});

describe('the promotion duty', () => {
  it('counts stations that met the year’s minimum and those behind, and names the minimum', () => {
    const figure = promotionFigure(2026, '2026年12月8日', [
      { district_code: TIANHE, met: true, target: 3 },
      { district_code: TIANHE, met: false, target: 3 },
      { district_code: YUEXIU, met: false, target: 3 },
    ]);
    expect(row(figure, '天河区')).toEqual({ 已完成年度推广任务: 1, 尚未完成: 1 });
    expect(row(figure, '越秀区')).toEqual({ 已完成年度推广任务: 0, 尚未完成: 1 });
    expect(figure.caption).toContain('不少于 3 场');
  });
});

describe('the assessment', () => {
  it('counts the published results by district', () => {
    const figure = assessmentFigure(2026, [
      { district_code: TIANHE, qualified: 4, unqualified: 1, exempted: 0, not_taking_part: 0 },
      { district_code: YUEXIU, qualified: 2, unqualified: 0, exempted: 1, not_taking_part: 0 },
    ]);
    expect(row(figure, '天河区')).toEqual({ 合格: 4, 不合格: 1, 免于考核: 0 });
    expect(figure.total).toBe(8);
  });
});

describe('service requests', () => {
  const base = { district_code: TIANHE, accepted_late: false, escalated: false };

  it('tells on time, late, waiting and overdue apart', () => {
    expect(timelinessOf({ ...base, received_at: '2026-12-01T02:00:00Z', accepted_at: '2026-12-02T02:00:00Z' })).toBe('on_time');
    expect(
      timelinessOf({ ...base, received_at: '2026-12-01T02:00:00Z', accepted_at: '2026-12-10T02:00:00Z', accepted_late: true }),
    ).toBe('late');
    expect(timelinessOf({ ...base, received_at: '2026-12-01T02:00:00Z' })).toBe('waiting');
    expect(timelinessOf({ ...base, received_at: '2026-12-01T02:00:00Z', escalated: true })).toBe('overdue');
    // Routed on by the head station after a station let it lapse: late however quickly the next one accepts.
    expect(timelinessOf({ ...base, received_at: '2026-12-01T02:00:00Z', lapsed: true })).toBe('overdue');
    expect(timelinessOf({ ...base, received_at: '2026-12-01T02:00:00Z', accepted_at: '2026-12-11T02:00:00Z', lapsed: true })).toBe(
      'late',
    );
  });

  it('counts the requests received in the year on Guangzhou’s calendar', () => {
    const figure = requestsFigure(2027, '2027年1月5日', [
      // 2026-12-31 23:30 in Guangzhou: last year's.
      { ...base, received_at: '2026-12-31T15:30:00Z' },
      // 2027-01-01 00:30 in Guangzhou: this year's.
      { ...base, received_at: '2026-12-31T16:30:00Z' },
      { ...base, district_code: YUEXIU, received_at: '2027-01-02T02:00:00Z', escalated: true },
    ]);
    expect(row(figure, '天河区')).toEqual({ '待受理（未逾期）': 1, '逾期未受理（已转服务总站）': 0 });
    expect(row(figure, '越秀区')).toEqual({ '待受理（未逾期）': 0, '逾期未受理（已转服务总站）': 1 });
    expect(figure.total).toBe(2);
  });
});

describe('the chart', () => {
  it('draws the figure’s numbers: stacked bars per district, a legend when there are several series', () => {
    const figure = assessmentFigure(2026, [{ district_code: TIANHE, qualified: 4, unqualified: 1, exempted: 0, not_taking_part: 0 }]);
    const option = chartOption(figure);
    expect(option.xAxis.data).toEqual(figure.categories);
    expect(option.series.map((series) => [series.name, series.stack])).toEqual([
      ['合格', 'total'],
      ['不合格', 'total'],
    ]);
    expect(option.series[0]?.data[figure.categories.indexOf('天河区')]).toBe(4);
    expect(option.legend.show).toBe(true);
    expect(option.aria.enabled).toBe(false); // the table under the chart is its text
  });

  it('draws a single series without stacking or legend', () => {
    const option = chartOption(reviewFigure(2026, { in_review: 1 }));
    expect(option.series).toHaveLength(1);
    expect(option.series[0]?.stack).toBeUndefined();
    expect(option.legend.show).toBe(false);
  });
});
