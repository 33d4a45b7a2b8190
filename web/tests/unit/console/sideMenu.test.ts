import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '@/api/notifications';
import { ROLES } from '@/console/auth/claims';
import ConsoleSideMenu from '@/console/layout/ConsoleSideMenu.vue';
import { COMMON_MENU, ROLE_MENUS } from '@/console/menu';
import { consoleRouteTree } from '@/console/routeTree';

beforeEach(() => setActivePinia(createPinia()));

async function menuOf(role: Role) {
  const router = createRouter({ history: createMemoryHistory(), routes: consoleRouteTree });
  await router.push('/console/inbox');
  return mount(ConsoleSideMenu, { props: { role }, global: { plugins: [router, ElementPlus] } });
}

describe('the side menu', () => {
  it.each(ROLES)('shows %s the common entries and its own, nothing of another role', async (role) => {
    const menu = await menuOf(role);
    const shown = menu.findAll('[data-menu-entry]').map((item) => item.text());
    expect(shown).toEqual([...COMMON_MENU, ...ROLE_MENUS[role]].map((entry) => entry.title));
    const foreign = ROLES.filter((r) => r !== role).flatMap((r) => ROLE_MENUS[r].map((e) => e.name));
    const mine = new Set(ROLE_MENUS[role].map((e) => e.name));
    for (const name of foreign.filter((n) => !mine.has(n))) {
      expect(menu.find(`[data-menu-entry="${name}"]`).exists()).toBe(false);
    }
  });

  it('marks the page one is on and opens an entry’s page when chosen', async () => {
    const menu = await menuOf('district_officer');
    expect(menu.find('[data-menu-entry="console-inbox"]').classes()).toContain('is-active');
    await menu.find('[data-menu-entry="district-reviews"]').trigger('click');
    await vi.waitFor(() => expect(menu.vm.$router.currentRoute.value.name).toBe('district-reviews'));
    expect(menu.emitted('navigated')).toHaveLength(1);
  });
});
