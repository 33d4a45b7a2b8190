/** The console's routes, built from the menu definition: added to the router on the first visit to /console. */
import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@/api/notifications';
import { applicantPages } from './applicant/pages';
import { auditPages } from './audit/pages';
import { assessmentPages } from './assessment/pages';
import { bureauPages } from './bureau/pages';
import { districtPages } from './district/pages';
import { expertPages } from './expert/pages';
import { headStationPages } from './head-station/pages';
import { COMMON_MENU, ROLE_MENUS, type MenuEntry } from './menu';
import { noticesPages } from './notices/pages';
import type { AreaPages } from './pages';
import { stationPages } from './station/pages';
import { statisticsPages } from './statistics/pages';

const comingSoon = () => import('./views/ComingSoonView.vue');

const commonViews: Record<string, RouteRecordRaw['component']> = {
  'console-home': () => import('./views/HomeView.vue'),
  'console-inbox': () => import('./inbox/InboxView.vue'),
  'console-settings': () => import('./settings/SettingsView.vue'),
};

const AREAS: readonly AreaPages[] = [applicantPages, stationPages, districtPages, bureauPages, expertPages, headStationPages, statisticsPages, assessmentPages, auditPages, noticesPages];

/** One route per menu entry of each role, open to that role only: its page, or "coming soon". */
function roleRoutes(areas: readonly AreaPages[]): RouteRecordRaw[] {
  const pages = Object.assign({}, ...areas.map((area) => area.entries)) as AreaPages['entries'];
  return (Object.entries(ROLE_MENUS) as Array<[Role, readonly MenuEntry[]]>).flatMap(([role, entries]) =>
    entries.map((entry) => ({
      path: entry.path,
      name: entry.name,
      component: pages[entry.name] ?? comingSoon,
      meta: { roles: [role], entry },
    })),
  );
}

/** The areas' further pages, each open to the role of the menu entry it belongs to. */
export function furtherRoutes(areas: readonly AreaPages[]): RouteRecordRaw[] {
  const owners = (Object.entries(ROLE_MENUS) as Array<[Role, readonly MenuEntry[]]>).flatMap(([role, entries]) =>
    entries.map((entry) => ({ role, entry })),
  );
  return areas.flatMap((area) =>
    area.further.map((page) => {
      const owner = owners.find(({ entry }) => entry.name === page.entry);
      if (!owner) throw new Error(`${page.name}: no menu entry named ${page.entry}`);
      return {
        path: page.path,
        name: page.name,
        component: page.component,
        props: true,
        meta: { roles: [owner.role], entry: owner.entry },
      };
    }),
  );
}

/** Everything under /console: the sign-in pages, and the layout with a page per menu entry. */
export const consoleRouteTree: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleRoot.vue'),
    meta: { console: true },
    children: [
      {
        path: 'sign-in',
        name: 'console-sign-in',
        component: () => import('./views/SignInView.vue'),
        meta: { signIn: true },
      },
      {
        path: 'auth/callback',
        name: 'console-auth-callback',
        component: () => import('./views/SignInCallbackView.vue'),
        meta: { signIn: true },
      },
      {
        path: '',
        component: () => import('./layout/ConsoleLayout.vue'),
        children: [
          ...COMMON_MENU.map((entry) => ({
            path: entry.path,
            name: entry.name,
            component: commonViews[entry.name]!,
            meta: { entry },
          })),
          {
            path: 'inbox/:id',
            name: 'console-inbox-message',
            component: () => import('./inbox/InboxMessageView.vue'),
            props: true,
          },
          ...roleRoutes(AREAS),
          ...furtherRoutes(AREAS),
          // The same pattern twice: a path matches the first (404); the guard sends a page of
          // another role to the second by name, so the address typed stays in the address bar.
          { path: ':pathMatch(.*)*', name: 'console-not-found', component: () => import('./views/NotFoundView.vue') },
          { path: ':forbidden(.*)*', name: 'console-forbidden', component: () => import('./views/ForbiddenView.vue') },
        ],
      },
    ],
  },
];
