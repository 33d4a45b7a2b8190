import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { POLL_INTERVAL_MS, useUnreadStore } from '@/console/inbox/unread';
import InboxBell from '@/console/layout/InboxBell.vue';
import { consoleRouteTree } from '@/console/routeTree';
import { answer, json, signInAs } from './fakes';

let visibility: DocumentVisibilityState = 'visible';

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  setActivePinia(createPinia());
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  vi.useFakeTimers();
});
afterEach(() => {
  useUnreadStore().stop();
  vi.useRealTimers();
});

describe('the unread count', () => {
  it('is asked at once and every 60 s while the page is visible, and not while it is hidden', async () => {
    const counts = [3, 4, 5, 6];
    const source = vi.fn(async () => counts.shift() ?? 0);
    const unread = useUnreadStore();
    unread.start(source);
    await vi.advanceTimersByTimeAsync(0);
    expect(source).toHaveBeenCalledTimes(1);
    expect(unread.count).toBe(3);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(source).toHaveBeenCalledTimes(2);
    expect(unread.count).toBe(4);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(5 * POLL_INTERVAL_MS);
    expect(source).toHaveBeenCalledTimes(2);

    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(source).toHaveBeenCalledTimes(3);
    expect(unread.count).toBe(5);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(source).toHaveBeenCalledTimes(4);
  });

  it('changes at once when a message is marked, then takes the service’s number', async () => {
    let onService = 2;
    let release: () => void = () => {};
    const unread = useUnreadStore();
    unread.start(async () => onService);
    await vi.advanceTimersByTimeAsync(0);
    expect(unread.count).toBe(2);

    onService = 1;
    const marked = unread.markedRead(true);
    expect(unread.count).toBe(1);
    await marked;
    expect(unread.count).toBe(1);

    const slow = new Promise<void>((resolve) => (release = resolve));
    unread.start(async () => {
      await slow;
      return 7;
    });
    void unread.refresh(); // an answer that comes late …
    onService = 2;
    const back = unread.markedRead(false); // … loses against the newer question
    expect(unread.count).toBe(2);
    release();
    await back;
    await vi.advanceTimersByTimeAsync(0);
    expect(unread.count).toBe(7);
  });

  it('keeps the last number when a poll fails, and stops when told', async () => {
    const source = vi.fn().mockResolvedValueOnce(4).mockRejectedValueOnce(new Error('network'));
    const unread = useUnreadStore();
    unread.start(source);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(unread.count).toBe(4);
    unread.stop();
    await vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
    expect(source).toHaveBeenCalledTimes(2);
    expect(unread.count).toBeNull();
  });

  it('reaches the service as GET /api/notifications/inbox/unread-count with the session’s token', async () => {
    vi.useRealTimers();
    const seen = answer(() => json(200, { unread_count: 9 }));
    await signInAs('district_officer');
    const unread = useUnreadStore();
    unread.start();
    await vi.waitFor(() => expect(unread.count).toBe(9));
    expect(new URL(seen[0]!.url).pathname).toBe('/api/notifications/inbox/unread-count');
    expect(seen[0]!.headers.get('Authorization')).toMatch(/^Bearer ey/);
  });
});

describe('the header bell', () => {
  it('shows the count and says it in words, and no badge at zero', async () => {
    vi.useRealTimers();
    const router = createRouter({ history: createMemoryHistory(), routes: consoleRouteTree });
    const unread = useUnreadStore();
    unread.count = 12;
    const bell = mount(InboxBell, { global: { plugins: [router, ElementPlus] } });
    await flushPromises();
    expect(bell.attributes('aria-label')).toBe('站内信，12 条未读');
    expect(bell.find('.el-badge__content').text()).toBe('12');
    unread.count = 0;
    await flushPromises();
    expect(bell.attributes('aria-label')).toBe('站内信');
    const badge = bell.find('.el-badge__content');
    expect(badge.exists() && badge.isVisible()).toBe(false);
  });
});
