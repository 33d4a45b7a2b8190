/**
 * The header bell's number: unread messages in all of the signed-in person's inboxes. Asked
 * every 60 s while the page is visible (at once when it becomes visible again), and after each
 * read or unread mark.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { notificationsApi } from '../api';

export const POLL_INTERVAL_MS = 60_000;

export const useUnreadStore = defineStore('console-unread', () => {
  const count = ref<number | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let latest = 0;
  let fetchCount: () => Promise<number> = () => notificationsApi().unreadCount();

  /** Ask now; a failure keeps the last number (a 401 ends the session elsewhere). */
  async function refresh(): Promise<void> {
    const mine = ++latest;
    try {
      const found = await fetchCount();
      if (mine === latest) count.value = found;
    } catch {
      // Keep showing the last known number; the next poll tries again.
    }
  }

  function visible(): boolean {
    return typeof document === 'undefined' || document.visibilityState !== 'hidden';
  }

  function schedule(): void {
    clearTimeout(timer);
    if (running && visible()) timer = setTimeout(tick, POLL_INTERVAL_MS);
  }

  async function tick(): Promise<void> {
    await refresh();
    schedule();
  }

  function onVisibilityChange(): void {
    if (!running) return;
    if (visible()) void tick();
    else clearTimeout(timer);
  }

  /** Starts polling (once); `source` replaces the service call (tests). */
  function start(source?: () => Promise<number>): void {
    if (source) fetchCount = source;
    if (running) return;
    running = true;
    document.addEventListener('visibilitychange', onVisibilityChange);
    if (visible()) void tick();
  }

  function stop(): void {
    running = false;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    count.value = null;
  }

  /** After marking a message: show the change at once, then ask the service. */
  async function markedRead(read: boolean): Promise<void> {
    if (count.value !== null) count.value = Math.max(0, count.value + (read ? -1 : 1));
    await refresh();
  }

  return { count, start, stop, refresh, markedRead };
});
