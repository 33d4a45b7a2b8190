import { afterEach, describe, expect, it, vi } from 'vitest';
import { findActivities, type Activity } from '@/api/activities';

const activity = (n: number) => ({ id: `act-${n}`, starts_at: '2027-03-18T06:30:00Z' }) as Activity;

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** The service's answers: `total` activities in pages of at most `limit` (as the kit pages). */
function serve(total: number) {
  const seen: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL((input as Request).url);
      seen.push(url);
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      const count = Math.max(0, Math.min(limit, total - offset));
      const items = Array.from({ length: count }, (_, i) => activity(offset + i));
      return json({ items, total, limit, offset });
    }),
  );
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the activity calendar', () => {
  it('asks for the next page until it has every activity the service counts', async () => {
    const seen = serve(450);
    const found = await findActivities({ station_id: 'st-2026-0001', upcoming: true });
    expect(found).toHaveLength(450);
    expect(found.map((a) => a.id).slice(198, 202)).toEqual(['act-198', 'act-199', 'act-200', 'act-201']);
    expect(seen.map((url) => url.searchParams.get('offset'))).toEqual(['0', '200', '400']);
    expect(seen.every((url) => url.searchParams.get('limit') === '200')).toBe(true);
    expect(seen[0]!.pathname).toBe('/api/activities/activities');
    expect(seen[0]!.searchParams.get('station_id')).toBe('st-2026-0001');
  });

  it('asks once when the first page holds them all', async () => {
    const seen = serve(3);
    expect(await findActivities({ upcoming: false })).toHaveLength(3);
    expect(seen).toHaveLength(1);
  });
});
