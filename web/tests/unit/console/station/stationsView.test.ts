import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useSessionStore } from '@/console/auth/session';
import StationsView from '@/console/station/record/StationsView.vue';
import { answer, fakeToken, json, PEOPLE } from '../fakes';

beforeEach(() => setActivePinia(createPinia()));

const ACTING = 'st-pazhou';
const OTHER = 'st-xingang';

function station(id: string, name: string, number: string) {
  return {
    id,
    station_number: number,
    plaque_number: '穗中小服站〔2026〕001号',
    name,
    entity_name: '广州市海珠区琶洲企业服务中心有限公司',
    district_code: '440105',
    district_name: '海珠区',
    address: '广州市海珠区阅江中路 688 号',
    operator_type: 'sme_service_centre',
    services: ['information'],
    service_names: ['信息服务'],
    personalised_services: '',
    industries: [],
    service_area: '',
    resident_institutions: [],
    valid_from: '2026-12-08',
    valid_until: '2029-12-07',
    uscc: '91440105MA5H7Q2W4J',
    application_id: 'a-1',
    registered_address: '广州市海珠区阅江中路 688 号 801 室',
    legal_representative: '钟振华',
    contact: null,
    staff: [],
    status: 'active',
    revocation_ground: null,
    revocation_reason: null,
    revoked_on: null,
    registered_at: '2026-12-08T09:00:00+08:00',
    updated_at: '2026-12-08T09:00:00+08:00',
    convention: null,
    convention_signed: false,
  };
}

function signInFor(stationId: string | null): void {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const operator = PEOPLE.station_operator;
  const claims = { ...operator, exp, station_id: stationId };
  useSessionStore().acceptDevToken({
    access_token: fakeToken(claims),
    token_type: 'Bearer',
    expires_at: new Date(exp * 1000).toISOString(),
    expires_in: 3600,
    person: {
      subject: String(operator.sub),
      role: 'station_operator',
      name: String(operator.name),
      district_code: null,
      district_name: null,
      org: null,
      org_name: null,
      station_ids: stationId ? [stationId] : [],
    },
  });
}

async function page() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/console/station/stations', name: 'station-stations', component: StationsView },
      { path: '/console/station/applications', name: 'station-applications', component: { template: '<p />' } },
      { path: '/console/station/stations/changes/new', name: 'station-change-report', component: { template: '<p />' } },
    ],
  });
  await router.push('/console/station/stations');
  const wrapper = mount(StationsView, { global: { plugins: [ElementPlus, router] } });
  await flushPromises();
  return wrapper;
}

describe('the 服务站 page', () => {
  it('shows the station acted for, names the organisation’s others and how to act for one', async () => {
    signInFor(ACTING);
    const seen = answer((request) => {
      const path = new URL(request.url).pathname;
      if (path === `/api/registry/stations/${ACTING}`) return json(200, station(ACTING, '服务站（海珠琶洲）', 'GZSME-2026-0001'));
      if (path === '/api/registry/stations') {
        const items = [station(ACTING, '服务站（海珠琶洲）', 'GZSME-2026-0001'), station(OTHER, '服务站（海珠新港）', 'GZSME-2026-0007')];
        return json(200, { items, total: 2, limit: 200, offset: 0 });
      }
      if (path.endsWith('/history')) return json(200, { items: [], total: 0, limit: 200, offset: 0 });
      return json(404, { type: 'about:blank', status: 404, detail: 'not here' });
    });
    const wrapper = await page();

    expect(wrapper.find('[data-testid="station-number"]').text()).toBe('GZSME-2026-0001');
    const others = wrapper.find('[data-testid="other-stations"]');
    expect(others.text()).toContain('本单位共运营 2 个服务站');
    expect(others.text()).toContain('当前办理的是“服务站（海珠琶洲）”');
    expect(others.text()).toContain('服务站（海珠新港）（GZSME-2026-0007）');
    expect(others.text()).toContain('使用该服务站的账号登录');
    expect(seen.every((request) => request.headers.get('Authorization')?.startsWith('Bearer '))).toBe(true);
  });

  it('before recognition says so, asks the services nothing and points to the applications', async () => {
    signInFor(null);
    const seen = answer(() => json(500, {}));
    const wrapper = await page();
    expect(wrapper.find('[data-testid="station-not-recognised"]').text()).toContain('本单位尚无经认定的服务站');
    expect(wrapper.find('a[href="/console/station/applications"]').exists()).toBe(true);
    expect(seen).toHaveLength(0);
  });
});
