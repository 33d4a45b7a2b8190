import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { Role } from '@/api/notifications';
import { ROLES } from '@/console/auth/claims';
import { useSessionStore } from '@/console/auth/session';
import { decide } from '@/console/guard';
import { COMMON_MENU, ROLE_MENUS, menuFor, rolesFor } from '@/console/menu';
import { consoleRoutes, guardConsole } from '@/console/routes';
import { answer, DEV_CONFIG, json, signInAs } from './fakes';

/** What each role's side menu holds besides the common entries (the task's list, in order). */
const EXPECTED: Record<Role, string[]> = {
  station_operator: ['我的申请', '服务站', '活动', '推广', '服务需求', '考核'],
  district_officer: ['申请审核', '本区服务站', '本区需求', '考核'],
  head_station_staff: ['评审', '专家库', '公示与异议', '主题月', '培训', '服务需求', '推广任务', '考核', '统计'],
  expert: ['我的评审任务'],
  bureau_admin: ['审定与公示', '认定名单', '考核与撤销', '工作日历', '统计', '操作记录'],
  platform_operator: ['投递记录', '系统状态'],
};

function consoleRouter(): Router {
  const router = createRouter({ history: createMemoryHistory(), routes: [...consoleRoutes] });
  guardConsole(router);
  return router;
}

beforeEach(() => {
  setActivePinia(createPinia());
  answer((request) => (new URL(request.url).pathname === '/config.json' ? json(200, DEV_CONFIG) : json(404, {})));
});

describe('one menu definition, keyed by role', () => {
  it.each(ROLES)('gives %s exactly its own entries', (role) => {
    expect(menuFor(role).map((entry) => entry.title)).toEqual(EXPECTED[role]);
  });

  it('gives every entry a route of its own that only its role may open', () => {
    const names = Object.values(ROLE_MENUS).flatMap((entries) => entries.map((entry) => entry.name));
    expect(new Set(names).size).toBe(names.length);
    for (const role of ROLES) {
      for (const entry of ROLE_MENUS[role]) expect(rolesFor(entry.name)).toEqual([role]);
    }
    for (const entry of COMMON_MENU) expect(rolesFor(entry.name)).toBeNull();
  });
});

describe('the console guard', () => {
  it('sends someone without a session to the sign-in page, to come back afterwards', async () => {
    const router = consoleRouter();
    await router.push('/console/inbox?filter=unread');
    expect(router.currentRoute.value.name).toBe('console-sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/console/inbox?filter=unread');
  });

  it.each(ROLES)('lets %s open its own pages and shows 403 on every other role’s, keeping the address', async (role) => {
    const router = consoleRouter();
    await signInAs(role);
    for (const entry of ROLE_MENUS[role]) {
      await router.push(`/console/${entry.path}`);
      expect(router.currentRoute.value.name).toBe(entry.name);
    }
    for (const other of ROLES.filter((r) => r !== role)) {
      for (const entry of ROLE_MENUS[other]) {
        await router.push(`/console/${entry.path}`);
        expect(router.currentRoute.value.name).toBe('console-forbidden');
        expect(router.currentRoute.value.fullPath).toBe(`/console/${entry.path}`);
      }
    }
    for (const entry of COMMON_MENU) {
      await router.push(`/console/${entry.path}`);
      expect(router.currentRoute.value.name).toBe(entry.name);
    }
  });

  it('answers an unknown console address with its own 404, not 403', async () => {
    const router = consoleRouter();
    await signInAs('expert');
    await router.push('/console/no/such/page');
    expect(router.currentRoute.value.name).toBe('console-not-found');
  });

  it('leaves a page whose session ended where it is: the page says so and links to the sign-in', () => {
    const to = { meta: { roles: ['bureau_admin'] }, fullPath: '/console/bureau/statistics' } as never;
    expect(decide(to, { status: 'ended', role: 'bureau_admin' })).toBe(true);
    expect(decide(to, { status: 'signed-out', role: null })).toEqual({
      name: 'console-sign-in',
      query: { redirect: '/console/bureau/statistics' },
    });
  });

  it('reads the runtime configuration once, before the first console page', async () => {
    const seen = answer(() => json(200, DEV_CONFIG));
    const router = consoleRouter();
    await router.push('/console');
    await router.push('/console/inbox');
    expect(seen.filter((r) => new URL(r.url).pathname === '/config.json')).toHaveLength(1);
    expect(useSessionStore().mode).toBe('dev');
  });
});
