import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, detailLines, roleLabel, targetLabel } from '@/console/audit/actions';

describe('the audit trail’s words', () => {
  it('names an action by its object and verb', () => {
    expect(actionLabel({ target_type: 'objection', action: 'read_objector' })).toBe('查阅异议人身份');
    expect(actionLabel({ target_type: 'application', action: 'return' })).toBe('退回补正');
    expect(actionLabel({ target_type: 'revocation', action: 'revoke' })).toBe('决定撤销');
  });

  it('shows an action no label knows by its code rather than dropping it', () => {
    expect(actionLabel({ target_type: 'station', action: 'something_new' })).toBe('something_new');
    expect(targetLabel('unknown_thing')).toBe('unknown_thing');
  });

  it('says who acted: a role’s name, or the system itself', () => {
    expect(roleLabel('bureau_admin')).toBe('市工业和信息化局');
    expect(roleLabel('system')).toBe('系统自动');
    expect(roleLabel('public')).toBe('公众（未登录）');
    expect(roleLabel('auditor')).toBe('auditor');
  });

  it('writes the details as lines, leaving out empty values', () => {
    expect(detailLines({ district_code: '440106', after_forwarding_deadline: false, note: '', none: null })).toEqual([
      'district_code：440106',
      'after_forwarding_deadline：false',
    ]);
  });

  it('has a label for every action of the applications’ district review', () => {
    for (const action of ['submit', 'resubmit', 'forward', 'return', 'reject']) {
      expect(ACTION_LABELS[`application.${action}`]).toBeTruthy();
    }
  });
});
