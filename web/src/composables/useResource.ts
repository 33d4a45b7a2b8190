import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { ApiError, loadFailureMessage } from '@/api/problem';

export type LoadState = 'loading' | 'ready' | 'empty' | 'error' | 'not-found';

export interface Resource<T> {
  state: Ref<LoadState>;
  data: ShallowRef<T | null>;
  /** What to tell the visitor when `state` is 'error'. */
  error: Ref<string>;
  load: () => Promise<void>;
  /** Loads again in place: the page keeps what it shows, and keeps it if the new load fails. */
  refresh: () => Promise<void>;
}

interface Options<T> {
  /** When true for the loaded data, `state` is 'empty'. */
  isEmpty?: (data: T) => boolean;
}

/**
 * Something a page loads, with the states every page shows: loading, ready, empty, not found
 * (a 404) and error. A newer `load()` wins over one still under way.
 */
export function useResource<T>(fetcher: () => Promise<T>, options: Options<T> = {}): Resource<T> {
  const state = ref<LoadState>('loading');
  const data = shallowRef<T | null>(null);
  const error = ref('');
  let latest = 0;

  async function load(): Promise<void> {
    const mine = ++latest;
    state.value = 'loading';
    error.value = '';
    try {
      const result = await fetcher();
      if (mine !== latest) return;
      data.value = result;
      state.value = options.isEmpty?.(result) ? 'empty' : 'ready';
    } catch (failure) {
      if (mine !== latest) return;
      data.value = null;
      if (failure instanceof ApiError && failure.status === 404) {
        state.value = 'not-found';
      } else {
        error.value = loadFailureMessage(failure);
        state.value = 'error';
      }
    }
  }

  async function refresh(): Promise<void> {
    const mine = ++latest;
    try {
      const result = await fetcher();
      if (mine !== latest) return;
      data.value = result;
      state.value = options.isEmpty?.(result) ? 'empty' : 'ready';
    } catch {
      // What is shown stays: it was right a moment ago, and the next visit loads afresh.
    }
  }

  return { state, data, error, load, refresh };
}
