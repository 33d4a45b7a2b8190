import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import StationSwitch from '@/console/layout/StationSwitch.vue';
import type { DevToken } from '@/api/notifications';
import { useSessionStore } from '@/console/auth/session';
import { answer, DEV_CONFIG, fakeToken, json, PEOPLE } from './fakes';

const ORG = String(PEOPLE.station_operator.org);
const STATIONS = [
  { id: 'st-a', name: '服务站（天河创新园）', district_name: '天河区' },
  { id: 'st-b', name: '服务站（黄埔科学城）', district_name: '黄埔区' },
];

function token(stationId: string): string {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return fakeToken({ ...PEOPLE.station_operator, station_id: stationId, exp, iat: exp - 3600 });
}

function minted(stationId: string): DevToken {
  return {
    access_token: token(stationId),
    token_type: 'Bearer',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    expires_in: 3600,
    person: {
      subject: String(PEOPLE.station_operator.sub),
      role: 'station_operator' as const,
      name: String(PEOPLE.station_operator.name),
      district_code: '440106',
      district_name: '天河区',
      org: ORG,
      org_name: null,
      station_ids: ['st-a', 'st-b'],
    },
  };
}

beforeEach(() => setActivePinia(createPinia()));

describe('the station an organisation of several stations acts for', () => {
  it('is shown, and another one is chosen explicitly: a token for that station', async () => {
    const seen = answer(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/config.json') return json(200, DEV_CONFIG);
      if (url.pathname === '/api/registry/stations') return json(200, { items: STATIONS, total: 2, limit: 200, offset: 0 });
      if (url.pathname === '/api/notifications/dev/tokens') {
        const body = (await request.json()) as { station_id: string };
        return json(200, minted(body.station_id));
      }
      return json(404, {});
    });
    const session = useSessionStore();
    await session.start();
    session.acceptDevToken(minted('st-a'));

    const view = mount(StationSwitch, { attachTo: document.body });
    await flushPromises();
    expect(view.get('[data-testid="station-switch"]').text()).toContain('服务站（天河创新园）');
    expect(view.find('label[for="station-switch-select"]').exists()).toBe(true);

    await (view.vm as unknown as { choose: (id: string) => Promise<void> }).choose('st-b');
    await flushPromises();
    const asked = seen.find((r) => new URL(r.url).pathname === '/api/notifications/dev/tokens');
    expect(asked && (await asked.json())).toEqual({ subject: PEOPLE.station_operator.sub, station_id: 'st-b' });
    expect(session.profile?.stationId).toBe('st-b');
    view.unmount();
  });

  it('stays away for an organisation with one station', async () => {
    answer((request) =>
      new URL(request.url).pathname === '/api/registry/stations'
        ? json(200, { items: STATIONS.slice(0, 1), total: 1, limit: 200, offset: 0 })
        : json(200, DEV_CONFIG),
    );
    const session = useSessionStore();
    await session.start();
    session.acceptDevToken(minted('st-a'));
    const view = mount(StationSwitch);
    await flushPromises();
    expect(view.find('[data-testid="station-switch"]').exists()).toBe(false);
  });
});
