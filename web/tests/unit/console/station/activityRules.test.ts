import { describe, expect, it } from 'vitest';
import { canAddEvidence, canCancel, canComplete, roleOf } from '@/console/station/activities/activityState';
import type { Activity } from '@/console/station/activities/calls';
import { evidenceProblem, fileSize, MAX_EVIDENCE_BYTES } from '@/console/station/activities/evidenceRules';
import { themeMonthName } from '@/console/station/activities/themeMonthNames';

const salon: Activity = {
  id: 'act-1',
  activity_type: 'salon',
  activity_type_name: '沙龙',
  title: '知识产权质押融资政策沙龙',
  description: '',
  theme_month_id: 'tm-2026-12',
  organiser_station_id: 'st-1',
  organiser_district_code: '440106',
  co_organiser_station_ids: ['st-2'],
  institutions: [],
  starts_at: '2026-12-18T14:30:00+08:00',
  ends_at: '2026-12-18T17:00:00+08:00',
  venue: '服务站活动室',
  online_link: null,
  capacity: 40,
  registered_count: 3,
  places_left: 37,
  status: 'scheduled',
  attendance_count: null,
  summary: null,
  cancel_reason: null,
};
const before = new Date('2026-12-18T06:00:00Z'); // 14:00 in Guangzhou
const during = new Date('2026-12-18T07:00:00Z'); // 15:00
const after = new Date('2026-12-18T10:00:00Z'); // 18:00

describe('what a station may do with an activity', () => {
  it('knows its part: organiser, co-organiser or none', () => {
    expect(roleOf(salon, 'st-1')).toBe('organiser');
    expect(roleOf(salon, 'st-2')).toBe('co_organiser');
    expect(roleOf(salon, 'st-3')).toBeNull();
  });

  it('lets the organiser cancel a scheduled activity until it has ended', () => {
    expect(canCancel(salon, 'st-1', before)).toBe(true);
    expect(canCancel(salon, 'st-1', during)).toBe(true);
    expect(canCancel(salon, 'st-1', after)).toBe(false);
    expect(canCancel(salon, 'st-2', before)).toBe(false);
    expect(canCancel({ ...salon, status: 'cancelled' }, 'st-1', before)).toBe(false);
  });

  it('takes evidence once it has started, and completes it only with evidence kept', () => {
    expect(canAddEvidence(salon, 'st-1', before)).toBe(false);
    expect(canAddEvidence(salon, 'st-1', during)).toBe(true);
    expect(canAddEvidence(salon, 'st-2', after)).toBe(false);
    expect(canAddEvidence({ ...salon, status: 'completed' }, 'st-1', after)).toBe(false);
    expect(canComplete(salon, 'st-1', after, 0)).toBe(false);
    expect(canComplete(salon, 'st-1', after, 1)).toBe(true);
  });
});

describe('a photo or sign-in sheet before it is uploaded', () => {
  const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

  it('is a PDF, PNG, JPEG or DOCX file of up to 20 MB', () => {
    expect(evidenceProblem(file('签到表.pdf', 'application/pdf', 2048))).toBeNull();
    expect(evidenceProblem(file('现场.JPG', '', 2048))).toBeNull();
    expect(evidenceProblem(file('签到表.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 10))).toBeNull();
    expect(evidenceProblem(file('现场.gif', 'image/gif', 2048))).toBe('仅支持 PDF、PNG、JPEG 或 DOCX 文件');
    expect(evidenceProblem(file('空.pdf', 'application/pdf', 0))).toBe('所选文件为空，请重新选择');
    expect(evidenceProblem(null)).toBe('请选择要上传的文件');
  });

  it('is refused above 20 MB', () => {
    const big = { name: '视频截图.png', type: 'image/png', size: MAX_EVIDENCE_BYTES + 1 } as File;
    expect(evidenceProblem(big)).toBe('文件不能超过 20 MB');
    expect(fileSize(1536 * 1024)).toBe('1.5 MB');
    expect(fileSize(300)).toBe('1 KB');
  });
});

describe('a themed month named by its id', () => {
  it('uses the plan’s title, or the month when the plan is not at hand', () => {
    const plan = [
      { id: 'tm-2026-12', year: 2026, month: 12, theme: 'policy' as const, title: '政策服务月', goals: [], revision: 1, planned_at: '' },
    ];
    expect(themeMonthName('tm-2026-12', plan)).toBe('2026年12月 · 政策服务月');
    expect(themeMonthName('tm-2027-03', plan)).toBe('2027年3月主题月');
    expect(themeMonthName(null, plan)).toBe('');
  });
});
