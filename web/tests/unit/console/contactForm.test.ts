import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ContactForm from '@/console/settings/ContactForm.vue';
import { answer, json, signInAs } from './fakes';

const INITIAL = { uscc: '91440106MA5AUK3L7C', name: '广州市天河区智汇企业服务有限公司', contact_name: '司马晓芸', email: null, mobile: null };

beforeEach(() => setActivePinia(createPinia()));

async function form() {
  await signInAs('station_operator');
  const wrapper = mount(ContactForm, { props: { initial: INITIAL }, global: { plugins: [ElementPlus] }, attachTo: document.body });
  return wrapper;
}

function errorOf(wrapper: Awaited<ReturnType<typeof form>>, inputId: string): string {
  const item = wrapper.find(`#${inputId}`).element.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

describe('the notice contact form', () => {
  it('shows each field the service refused beside that field, in Chinese', async () => {
    const seen = answer(() =>
      json(
        422,
        {
          type: 'https://sme.gz.gov.cn/problems/validation-failed',
          title: '请求参数有误 (Validation failed)',
          status: 422,
          detail: '有 2 项参数不符合要求 (2 field(s) failed validation)',
          errors: [
            { field: 'email', message: "String should match pattern '^[A-Za-z0-9._%+-]+@…$'", code: 'string_pattern_mismatch', location: 'body' },
            { field: 'body.contact_name', message: '姓名不能为空 (the name must not be blank)', code: 'invalid' },
          ],
        },
        'application/problem+json',
      ),
    );
    const wrapper = await form();
    await wrapper.find('#contact-email').setValue('wangfang-at-example');
    await wrapper.find('#contact-mobile').setValue('13800138000');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(new URL(seen[0]!.url).pathname).toBe('/api/notifications/me/contact');
    expect(seen[0]!.method).toBe('PUT');
    expect(await seen[0]!.json()).toEqual({ contact_name: '司马晓芸', email: 'wangfang-at-example', mobile: '13800138000' });
    // Element Plus shows a form item's error a moment later (it debounces the state).
    await vi.waitFor(() => expect(errorOf(wrapper, 'contact-email')).toBe('电子邮箱格式不正确'));
    expect(errorOf(wrapper, 'contact-name')).toBe('姓名不能为空');
    expect(errorOf(wrapper, 'contact-mobile')).toBe('');
    expect(wrapper.find('[role="alert"]').text()).toContain('请修改以下内容后重新保存');
    wrapper.unmount();
  });

  it('puts a refusal that names no field of the form above the form', async () => {
    answer(() =>
      json(403, { type: 'about:blank', status: 403, detail: '仅申请单位和服务站运营机构可维护本单位联系人 (only operators)' }, 'application/problem+json'),
    );
    const wrapper = await form();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('仅申请单位和服务站运营机构可维护本单位联系人');
    expect(wrapper.find('.el-form-item__error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('saves what was typed, empty parts as not given', async () => {
    const seen = answer(async (request) => json(200, { ...INITIAL, ...(await request.clone().json()) }));
    const wrapper = await form();
    await wrapper.find('#contact-name').setValue('  ');
    await wrapper.find('#contact-email').setValue(' service@tianhe-zhihui.example.cn ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(await seen[0]!.json()).toEqual({ contact_name: null, email: 'service@tianhe-zhihui.example.cn', mobile: null });
    expect(wrapper.emitted('saved')).toHaveLength(1);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
