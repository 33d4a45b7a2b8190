import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '@/console/district/calls';
import { daysUntil } from '@/console/district/dayCount';
import { timeliness } from '@/console/district/demands/demandColumns';
import { applicantNotice, cleanReasons } from '@/console/district/reviews/decisionNotice';
import { previewKind } from '@/console/district/reviews/attachmentFiles';

const facts = { entityName: '广州市天河智汇商会', roundYear: 2026, districtCode: '440106', kindLabel: '新申请', deadline: '2026年12月31日' };

describe('what the applicant is told of the district’s decision', () => {
  it('a return lists the reasons as they will be read, and says to resubmit before the deadline', () => {
    const notice = applicantNotice('return', facts, [' 请补充场地证明 ', '', '   ']);
    expect(notice.subject).toBe('服务站认定申请被退回补正');
    expect(notice.body).toContain('天河区民营和中小企业主管部门退回补正');
    expect(notice.reasons).toEqual(['请补充场地证明']);
    expect(notice.mandatory).toBe(true);
    expect(notice.next).toContain('2026年12月31日');
  });

  it('a rejection closes the application; a forward goes to expert review', () => {
    expect(applicantNotice('reject', facts, ['不具备固定办公场所']).next).toContain('办结');
    const forward = applicantNotice('forward', facts, []);
    expect(forward.body).toContain('已通过天河区民营和中小企业主管部门初审');
    expect(forward.reasons).toEqual([]);
    expect(forward.mandatory).toBe(false);
  });

  it('sends no blank reason', () => {
    expect(cleanReasons(['', ' a ', 'b'])).toEqual(['a', 'b']);
  });
});

describe('days, attachments and timeliness', () => {
  it('counts calendar days between two days', () => {
    expect(daysUntil('2026-12-31', '2026-12-01')).toBe(30);
    expect(daysUntil('2026-11-30', '2026-12-01')).toBe(-1);
    expect(daysUntil(null, '2026-12-01')).toBeNull();
  });

  it('previews PDFs and images, and downloads Word documents', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/jpeg')).toBe('image');
    expect(previewKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx')).toBe('download');
  });

  it('tells a request accepted in time from one accepted late or overdue', () => {
    const request = (changes: Partial<ServiceRequest>) =>
      ({ status: 'received', accepted_at: null, accepted_late: false, acceptance_due_on: '2026-12-03', acceptance_due_waits_for_year: null, ...changes }) as ServiceRequest;
    expect(timeliness(request({}), '2026-12-03')).toBe('pending');
    expect(timeliness(request({}), '2026-12-04')).toBe('overdue');
    expect(timeliness(request({ status: 'accepted', accepted_at: '2026-12-02T10:00:00+08:00' }), '2026-12-04')).toBe('onTime');
    expect(timeliness(request({ status: 'accepted', accepted_at: 'x', accepted_late: true }), '2026-12-04')).toBe('late');
    expect(timeliness(request({ acceptance_due_on: null, acceptance_due_waits_for_year: 2027 }), '2026-12-04')).toBe('waiting');
  });
});
