import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { CodeSent } from '@/api/activities';
import { ApiError } from '@/api/problem';
import { mainlandMobile } from '@/rules/contact';
import ConfirmCodeForm from '@/public/confirmation/ConfirmCodeForm.vue';
import { codeProblem, compactCode, sentTo } from '@/public/confirmation/codeRules';

const sent: CodeSent = {
  channel: 'sms',
  sent_to: '138****0011',
  expires_at: '2026-12-08T02:30:00Z',
  attempts_left: 5,
  resend_after: '2026-12-08T02:01:00Z',
  resends_left: 3,
};

describe('the confirmation code', () => {
  it('is six digits, spaces and dashes ignored', () => {
    expect(codeProblem('')).toBe('请输入收到的 6 位验证码');
    expect(codeProblem('12345')).toBe('验证码为 6 位数字');
    expect(codeProblem('12a456')).toBe('验证码为 6 位数字');
    expect(codeProblem(' 123 456 ')).toBeNull();
    expect(compactCode('123-456')).toBe('123456');
  });

  it('says where it went, masked as the service masked it', () => {
    expect(sentTo(sent)).toBe('验证码已通过短信发送至 138****0011。');
    expect(sentTo({ ...sent, channel: 'email', sent_to: 's***@example.com' })).toBe('验证码已通过电子邮件发送至 s***@example.com。');
  });

  it('goes by SMS to the same mobile numbers the service recognises', () => {
    expect(mainlandMobile('138 0013 8000')).toBe('13800138000');
    expect(mainlandMobile('+86 13800138000')).toBe('13800138000');
    expect(mainlandMobile('008613800138000')).toBe('13800138000');
    expect(mainlandMobile('020-12345678')).toBeNull();
    expect(mainlandMobile('12800138000')).toBeNull();
  });
});

describe('ConfirmCodeForm', () => {
  function wrongCode(attemptsLeft: number): ApiError {
    const detail = `验证码不正确，还可尝试 ${attemptsLeft} 次 (the code is not the one sent; attempts left: ${attemptsLeft})`;
    return new ApiError(422, {
      type: 'about:blank',
      status: 422,
      detail,
      errors: [{ field: 'code', message: detail, code: 'wrong_code', location: 'body' }],
    });
  }

  it('checks the code before sending it, and sends only the digits', async () => {
    const confirm = vi.fn(() => Promise.resolve());
    const form = mount(ConfirmCodeForm, { props: { sent, confirm, resend: vi.fn() } });
    await form.find('form').trigger('submit');
    expect(confirm).not.toHaveBeenCalled();
    expect(form.find('#field-code-error').text()).toContain('请输入收到的 6 位验证码');
    await form.find('input[name="code"]').setValue('123 456');
    await form.find('form').trigger('submit');
    await flushPromises();
    expect(confirm).toHaveBeenCalledWith('123456');
  });

  it("shows the service's refusal of a wrong code on the code field, with the attempts left", async () => {
    const confirm = vi.fn(() => Promise.reject(wrongCode(4)));
    const form = mount(ConfirmCodeForm, { props: { sent, confirm, resend: vi.fn() } });
    await form.find('input[name="code"]').setValue('000000');
    await form.find('form').trigger('submit');
    await flushPromises();
    expect(form.find('#field-code-error').text()).toContain('验证码不正确，还可尝试 4 次');
    expect(form.find('#field-code-error').text()).not.toContain('attempt');
    expect(form.find('input[name="code"]').attributes('aria-invalid')).toBe('true');
  });

  it('offers to start again once the code is gone (expired or too many wrong codes)', async () => {
    const gone = new ApiError(410, { type: 'about:blank', status: 410, detail: '验证码已失效 (gone)' });
    const form = mount(ConfirmCodeForm, { props: { sent, confirm: () => Promise.reject(gone), resend: vi.fn() } });
    await form.find('input[name="code"]').setValue('123456');
    await form.find('form').trigger('submit');
    await flushPromises();
    expect(form.text()).toContain('验证码已失效');
    await form.find('button').trigger('click');
    expect(form.emitted('restart')).toHaveLength(1);
  });

  it('asks for a new code and says where it went; a refusal to resend is shown', async () => {
    const resend = vi
      .fn<() => Promise<CodeSent>>()
      .mockResolvedValueOnce({ ...sent, resends_left: 2 })
      .mockRejectedValueOnce(
        new ApiError(429, { type: 'about:blank', status: 429, detail: '请于 60 秒后再重新发送验证码 (too soon)' }),
      );
    const form = mount(ConfirmCodeForm, { props: { sent, confirm: vi.fn(), resend } });
    await form.find('button.link-button').trigger('click');
    await flushPromises();
    expect(form.text()).toContain('新的验证码已发送至 138****0011');
    await form.find('button.link-button').trigger('click');
    await flushPromises();
    expect(form.text()).toContain('请于 60 秒后再重新发送验证码');
  });

  it('stops offering new codes when none are left', () => {
    const form = mount(ConfirmCodeForm, { props: { sent: { ...sent, resends_left: 0 }, confirm: vi.fn(), resend: vi.fn() } });
    expect(form.find('button.link-button').exists()).toBe(false);
    expect(form.text()).toContain('已达到重新发送的次数上限');
  });
});
