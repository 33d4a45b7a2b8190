import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { useSessionStore } from '@/console/auth/session';
import { useUnreadStore } from '@/console/inbox/unread';
import { consoleRoutes, guardConsole } from '@/console/routes';
import { answer, DEV_CONFIG, json, signInAs } from './fakes';

const REFUSED = {
  type: 'https://sme.gz.gov.cn/problems/unauthorized',
  title: '需要身份认证 (Authentication required)',
  status: 401,
  detail: '令牌签名无效 (Invalid token signature)',
  code: 'invalid_signature',
};

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => useUnreadStore().stop());

async function consoleAt(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: consoleRoutes });
  guardConsole(router);
  const app = mount(RouterView, { global: { plugins: [router, ElementPlus] }, attachTo: document.body });
  await router.push(path);
  await flushPromises();
  return { app, router };
}

describe('a session a service no longer accepts', () => {
  it('ends on the page with a message and a way back to it through the sign-in', async () => {
    answer((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/config.json') return json(200, DEV_CONFIG);
      return json(401, REFUSED, 'application/problem+json');
    });
    await signInAs('district_officer');
    const { app, router } = await consoleAt('/console/inbox?filter=unread');

    await vi.waitFor(() => expect(app.text()).toContain('登录状态已失效，请重新登录'));
    expect(useSessionStore().status).toBe('ended');
    expect(app.find('[data-testid="console-person"]').exists()).toBe(false);
    expect(router.currentRoute.value.fullPath).toBe('/console/inbox?filter=unread');

    await app.find('.session-ended button').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('console-sign-in'));
    expect(router.currentRoute.value.query.redirect).toBe('/console/inbox?filter=unread');
    app.unmount();
  });

  it('says the session expired when the token ran out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    answer((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/config.json') return json(200, DEV_CONFIG);
      if (path.endsWith('/unread-count')) return json(200, { unread_count: 0 });
      return json(200, { unread_count: 0, items: [] });
    });
    await signInAs('expert', 30);
    const { app } = await consoleAt('/console');
    await vi.waitFor(() => expect(app.text()).toContain('您好，林晓明'));
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(() => expect(app.text()).toContain('会话已过期，请重新登录'));
    app.unmount();
    vi.useRealTimers();
  });
});
