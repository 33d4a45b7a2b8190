/** The console's routes, built from the menu definition: added to the router on the first visit to /console. */
import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@/api/notifications';
import { COMMON_MENU, ROLE_MENUS, type MenuEntry } from './menu';

const comingSoon = () => import('./views/ComingSoonView.vue');

const commonViews: Record<string, RouteRecordRaw['component']> = {
  'console-home': () => import('./views/HomeView.vue'),
  'console-inbox': () => import('./inbox/InboxView.vue'),
  'console-settings': () => import('./settings/SettingsView.vue'),
};

/** One route per menu entry of each role, open to that role only. */
function roleRoutes(): RouteRecordRaw[] {
  return (Object.entries(ROLE_MENUS) as Array<[Role, readonly MenuEntry[]]>).flatMap(([role, entries]) =>
    entries.map((entry) => ({
      path: entry.path,
      name: entry.name,
      component: comingSoon,
      meta: { roles: [role], entry },
    })),
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
          ...roleRoutes(),
          // The same pattern twice: a path matches the first (404); the guard sends a page of
          // another role to the second by name, so the address typed stays in the address bar.
          { path: ':pathMatch(.*)*', name: 'console-not-found', component: () => import('./views/NotFoundView.vue') },
          { path: ':forbidden(.*)*', name: 'console-forbidden', component: () => import('./views/ForbiddenView.vue') },
        ],
      },
    ],
  },
];
