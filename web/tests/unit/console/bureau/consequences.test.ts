import { describe, expect, it } from 'vitest';
import type { CaseSummary, ObjectionSummary } from '@/console/bureau/calls';
import { finalListForecast, resolutionConsequences } from '@/console/bureau/consequences';

function objection(id: string, caseId: string, changes: Partial<ObjectionSummary> = {}): ObjectionSummary {
  return {
    id,
    case_id: caseId,
    notice_id: 'notice-1',
    round_year: 2026,
    target_application_id: `app-${caseId}`,
    filed_at: '2026-12-02T10:00:00+08:00',
    status: 'received',
    outcome: null,
    findings: '',
    resolved_at: null,
    ...changes,
  };
}

function summary(id: string, name: string, changes: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    application_id: `app-${id}`,
    round_year: 2026,
    kind: 'new',
    status: 'shortlisted',
    uscc: '91440106MA59C1XE2H',
    entity_name: name,
    district_code: '440106',
    experts_assigned: 3,
    experts_scored: 3,
    score: 85,
    recommendation: 'recommend',
    plaque_number: null,
    ...changes,
  };
}

const CONTEXT = { entityName: '广州市番禺区科创企业服务有限公司', year: 2026, objectionId: 'o1', caseId: 'c1' };

describe('what resolving an objection does to the applicant', () => {
  it('upheld: the applicant is not on the final list, declined with the findings, and told at once', () => {
    expect(resolutionConsequences('upheld', { ...CONTEXT, objections: [objection('o1', 'c1')] })).toEqual([
      '“广州市番禺区科创企业服务有限公司”将不列入2026年度服务站最终认定名单，不予认定，不发放牌匾。',
      '公布最终认定名单时，该单位将收到“未予认定”的正式通知（站内信、电子邮件和短信），理由为“公示期内收到异议，经市工业和信息化局调查核实，异议成立”，并附本次填写的调查核实情况。',
      '提交后，被异议单位即收到调查结论通知（异议成立）；异议人的信息不会告知该单位。',
      '处理结论提交后不能更改。',
    ]);
  });

  it('not upheld: the applicant is recognised at the final list, unless other objections are still open', () => {
    const alone = resolutionConsequences('not_upheld', { ...CONTEXT, objections: [objection('o1', 'c1')] });
    expect(alone[0]).toBe(
      '异议不影响“广州市番禺区科创企业服务有限公司”的认定：公示期满后公布最终认定名单时，该单位予以认定并按入围顺序编发牌匾号。',
    );
    expect(alone).toHaveLength(3);

    const withOthers = resolutionConsequences('not_upheld', {
      ...CONTEXT,
      objections: [objection('o1', 'c1'), objection('o2', 'c1'), objection('o3', 'c2')],
    });
    expect(withOthers[1]).toBe('该单位另有 1 件异议尚在调查核实，认定结果还取决于那些异议的结论。');
  });

  it('not upheld after another objection to the same applicant was upheld: it stays off the list', () => {
    const effects = resolutionConsequences('not_upheld', {
      ...CONTEXT,
      objections: [objection('o1', 'c1'), objection('o2', 'c1', { status: 'resolved', outcome: 'upheld' })],
    });
    expect(effects[0]).toBe('该单位已有 1 件异议经调查核实成立，无论本次结论如何，该单位均不列入最终认定名单。');
  });
});

describe('who the final list recognises and declines', () => {
  it('recognises the shortlist in its order except an upheld objection, and declines the rest with their reasons', () => {
    const cases = [
      summary('c1', '甲'),
      summary('c2', '乙'),
      summary('c3', '丙'),
      summary('c4', '丁', { status: 'not_shortlisted', recommendation: 'not_recommend' }),
      summary('c5', '戊', { status: 'not_shortlisted' }),
    ];
    const objections = [
      objection('o1', 'c2', { status: 'resolved', outcome: 'upheld' }),
      objection('o2', 'c3', { status: 'resolved', outcome: 'not_upheld' }),
    ];

    expect(finalListForecast(['app-c3', 'app-c2', 'app-c1'], cases, objections)).toEqual({
      recognised: ['丙', '甲'],
      declined: [
        { name: '乙', code: 'objection_upheld' },
        { name: '丁', code: 'not_recommended' },
        { name: '戊', code: 'not_shortlisted' },
      ],
    });
  });
});
