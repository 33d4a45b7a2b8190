import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { reminderState, withReminders } from '@/console/head-station/reminders';
import RemindLateExpert from '@/console/head-station/RemindLateExpert.vue';
import { reminderTexts } from '@/console/head-station/texts';

const TODAY = '2026-12-03';

describe('a late expert’s reminders', () => {
  it('are none until the head station sends one', () => {
    expect(reminderState({ reminders_sent: 0, last_reminded_at: null }, TODAY)).toEqual({ kind: 'never' });
  });

  it('allow no second one on the same Guangzhou day, whatever the instant’s own offset', () => {
    // 07:30 in Guangzhou is 23:30 the evening before in UTC: still today for the head station.
    const early = '2026-12-02T23:30:00Z';
    expect(reminderState({ reminders_sent: 1, last_reminded_at: early }, TODAY)).toEqual({
      kind: 'today',
      count: 1,
      at: early,
    });
    expect(reminderState({ reminders_sent: 2, last_reminded_at: '2026-12-03T23:59:00+08:00' }, TODAY).kind).toBe('today');
  });

  it('allow another one the next day, counting those sent', () => {
    const lateYesterday = '2026-12-02T15:59:00Z'; // 23:59 on 2 December in Guangzhou
    expect(reminderState({ reminders_sent: 2, last_reminded_at: lateYesterday }, TODAY)).toEqual({
      kind: 'earlier',
      count: 2,
      at: lateYesterday,
    });
  });

  it('read as the page shows them', () => {
    expect(reminderTexts.remindFor('罗建新', '广州市番禺区南村产业服务中心有限公司')).toBe(
      '催办：罗建新（广州市番禺区南村产业服务中心有限公司）',
    );
    expect(reminderTexts.reminded('2026年12月3日 09:30', 2)).toBe('已于 2026年12月3日 09:30 催办（第 2 次）');
  });
});

describe('reminders just sent', () => {
  const assignment = (id: string, sent: number, at: string | null) => ({
    assignment_id: id,
    expert_id: `e-${id}`,
    reminders_sent: sent,
    last_reminded_at: at,
  });

  it('show on their assignment before the list reloads, and give way to a newer list', () => {
    const sent = new Map([['a1', { assignment_id: 'a1', reminders_sent: 1, last_reminded_at: '2026-12-03T09:30:00+08:00' }]]);
    const shown = withReminders([assignment('a1', 0, null), assignment('a2', 0, null)], sent);
    expect(shown.map((a) => [a.assignment_id, a.reminders_sent, a.last_reminded_at])).toEqual([
      ['a1', 1, '2026-12-03T09:30:00+08:00'],
      ['a2', 0, null],
    ]);
    expect(shown[0]?.expert_id).toBe('e-a1');

    const reloaded = [assignment('a1', 2, '2026-12-04T08:00:00+08:00')];
    expect(withReminders(reloaded, sent)).toEqual(reloaded);
  });
});

describe('the 催办 button', () => {
  const props = {
    caseId: 'c-1',
    expertId: 'expert-luo',
    expertName: '罗建新',
    applicant: '广州市番禺区南村产业服务中心有限公司',
    dueOn: '2026-12-01',
    today: TODAY,
  };

  it('names the expert and the applicant, and is ready for a late expert never reminded', () => {
    const wrapper = mount(RemindLateExpert, {
      props: { ...props, remindersSent: 0, lastRemindedAt: null },
      global: { plugins: [ElementPlus] },
    });
    const button = wrapper.get('button');
    expect(button.attributes('aria-label')).toBe('催办：罗建新（广州市番禺区南村产业服务中心有限公司）');
    expect(button.attributes('disabled')).toBeUndefined();
    expect(wrapper.find('[data-testid="reminder-state"]').exists()).toBe(false);
  });

  it('is disabled once the expert was reminded today, saying when, how many times and why', () => {
    const wrapper = mount(RemindLateExpert, {
      props: { ...props, remindersSent: 2, lastRemindedAt: '2026-12-02T23:30:00Z' },
      global: { plugins: [ElementPlus] },
    });
    const button = wrapper.get('button');
    expect(button.attributes('disabled')).toBeDefined();
    const state = wrapper.get('[data-testid="reminder-state"]');
    expect(state.text()).toContain('已于 2026年12月3日 07:30 催办（第 2 次）');
    expect(state.text()).toContain('每天至多催办一次');
    expect(button.attributes('aria-describedby')).toBe(state.attributes('id'));
  });

  it('may be used again the day after a reminder', () => {
    const wrapper = mount(RemindLateExpert, {
      props: { ...props, remindersSent: 1, lastRemindedAt: '2026-12-02T09:30:00+08:00' },
      global: { plugins: [ElementPlus] },
    });
    expect(wrapper.get('button').attributes('disabled')).toBeUndefined();
    expect(wrapper.get('[data-testid="reminder-state"]').text()).toBe('已于 2026年12月2日 09:30 催办（第 1 次）');
  });
});
