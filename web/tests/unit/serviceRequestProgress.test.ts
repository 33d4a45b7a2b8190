import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import App from '@/App.vue';
import { publicRoutes } from '@/router';

const PROGRESS = {
  id: 'SR-2027-0042',
  station_id: null,
  status: 'received',
  escalated: false,
  received_at: '2026-12-30T02:00:00Z',
  accepted_at: null,
  closed_at: null,
  acceptance_due_on: null,
  acceptance_due_waits_for_year: 2027,
};

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

async function follow(answer: (url: URL) => Response) {
  const seen: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL((input as Request).url);
      seen.push(url);
      return answer(url);
    }),
  );
  const router = createRouter({ history: createMemoryHistory(), routes: publicRoutes });
  await router.push('/service-requests/progress');
  const wrapper = mount(App, { global: { plugins: [createPinia(), router] }, attachTo: document.body });
  await router.isReady();
  await flushPromises();
  await wrapper.get('#field-reference').setValue(' SR-2027-0042 ');
  await wrapper.get('#field-uscc').setValue('91440106 MA59C1XE2H');
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return { wrapper, seen };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('following a service request', () => {
  it("says the deadline waits for the year's holiday schedule when it is not known yet", async () => {
    const { wrapper, seen } = await follow(() => json(200, PROGRESS));
    expect(seen[0]!.pathname).toBe('/api/activities/service-requests/SR-2027-0042/progress');
    expect(seen[0]!.searchParams.get('uscc')).toBe('91440106MA59C1XE2H');
    const result = wrapper.get('.progress-result');
    expect(result.text()).toContain('待受理');
    expect(result.text()).toContain('待 2027 年法定节假日安排公布后确定');
    expect(result.text()).toContain('广州市民营和中小企业服务总站');
  });

  it('shows the deadline as a Guangzhou date when it is known', async () => {
    const { wrapper } = await follow(() => json(200, { ...PROGRESS, acceptance_due_on: '2027-01-08', acceptance_due_waits_for_year: null }));
    expect(wrapper.get('.progress-result').text()).toContain('2027年1月8日 前');
  });

  it('says plainly when reference and USCC do not match', async () => {
    const { wrapper } = await follow(() =>
      json(404, { type: 'https://sme.gz.gov.cn/problems/not-found', status: 404, detail: '没有这项需求 (no such request)' }, 'application/problem+json'),
    );
    expect(wrapper.get('.error-summary').text()).toContain('没有找到与该受理编号和统一社会信用代码相符的服务需求');
    expect(wrapper.find('.progress-result').exists()).toBe(false);
  });

  it('checks the USCC before asking', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const router = createRouter({ history: createMemoryHistory(), routes: publicRoutes });
    await router.push('/service-requests/progress');
    const wrapper = mount(App, { global: { plugins: [createPinia(), router] }, attachTo: document.body });
    await router.isReady();
    await wrapper.get('#field-reference').setValue('SR-1');
    await wrapper.get('#field-uscc').setValue('91440106MA59C1XE2J');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#field-uscc-error').text()).toContain('统一社会信用代码无效，请核对');
    expect(fetch).not.toHaveBeenCalled();
  });
});
