import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/problem';
import { useResource } from '@/composables/useResource';

describe('useResource', () => {
  it('loads through the loading state into ready, empty or not found', async () => {
    const fetcher = vi.fn<() => Promise<number[]>>().mockResolvedValueOnce([1]).mockResolvedValueOnce([]);
    const resource = useResource(fetcher, { isEmpty: (items) => items.length === 0 });
    const loading = resource.load();
    expect(resource.state.value).toBe('loading');
    await loading;
    expect(resource.state.value).toBe('ready');
    await resource.load();
    expect(resource.state.value).toBe('empty');
    const missing = useResource(() => Promise.reject(new ApiError(404, null)));
    await missing.load();
    expect(missing.state.value).toBe('not-found');
  });

  it('refreshes in place: never shows loading, and keeps what it had when the refresh fails', async () => {
    const fetcher = vi
      .fn<() => Promise<{ left: number }>>()
      .mockResolvedValueOnce({ left: 3 })
      .mockResolvedValueOnce({ left: 2 })
      .mockRejectedValueOnce(new ApiError(0, null));
    const resource = useResource(fetcher);
    await resource.load();
    const refreshing = resource.refresh();
    expect(resource.state.value).toBe('ready');
    await refreshing;
    expect(resource.data.value).toEqual({ left: 2 });
    await resource.refresh();
    expect(resource.state.value).toBe('ready');
    expect(resource.data.value).toEqual({ left: 2 });
  });
});
