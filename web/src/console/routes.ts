import type { RouteRecordRaw, Router } from 'vue-router';
import type { Role } from '@/api/notifications';
import type { MenuEntry } from './menu';

declare module 'vue-router' {
  interface RouteMeta {
    /** Under /console: the console's guard (guard.ts) decides. */
    console?: boolean;
    /** Open without a session: the sign-in page and the identity provider's callback. */
    signIn?: boolean;
    /** Only these roles may open the page; absent: every signed-in person. */
    roles?: readonly Role[];
    /** The page's menu entry (its title and what it is for). */
    entry?: MenuEntry;
  }
}

/**
 * The signed-in console (服务站、区级主管部门、服务总站、评审专家、市工业和信息化局、平台运维的工作台).
 * Everything under /console loads lazily and may use Element Plus; the public pages never import
 * this folder. Until the first visit the router knows the console as one placeholder route: the
 * guard, loaded then, adds the console's own routes (routeTree.ts, built from the menu).
 */
export const consoleRoutes: RouteRecordRaw[] = [
  { path: '/console/:rest(.*)*', name: 'console-loading', component: { render: () => null }, meta: { console: true } },
];

/** Every navigation under /console passes the console's guard, loaded with the console's first page. */
export function guardConsole(router: Router): void {
  router.beforeEach(async (to) => {
    if (!to.matched.some((record) => record.meta.console)) return true;
    const { consoleGuard } = await import('./guard');
    return consoleGuard(router, to);
  });
}
