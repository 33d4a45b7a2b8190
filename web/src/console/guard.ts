/**
 * Who may open which console page: nobody without a session (to the sign-in page, returning
 * afterwards), and a page of the menu only for the role it belongs to (403 in its place).
 */
import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import type { Role } from '@/api/notifications';
import { useSessionStore, type SessionStatus } from './auth/session';
import { consoleRouteTree } from './routeTree';

export interface GuardState {
  status: SessionStatus;
  role: Role | null;
}

/** Where the console sends a navigation: on (true) or somewhere else. */
export function decide(to: RouteLocationNormalized, state: GuardState): true | RouteLocationRaw {
  if (to.meta.signIn) return true;
  // The page itself says the session ended and links to the sign-in page, coming back here.
  if (state.status === 'ended') return true;
  if (state.status !== 'signed-in' || state.role === null) {
    return { name: 'console-sign-in', query: { redirect: to.fullPath } };
  }
  const roles = to.meta.roles;
  if (roles && !roles.includes(state.role)) {
    return {
      name: 'console-forbidden',
      params: { forbidden: to.path.replace(/^\/console\/?/, '').split('/').filter(Boolean) },
      query: to.query,
      hash: to.hash,
      replace: true,
    };
  }
  return true;
}

/** Adds the console's routes once, in place of the placeholder; true when it did. */
export function installConsoleRoutes(router: Router): boolean {
  if (router.hasRoute('console-home')) return false;
  if (router.hasRoute('console-loading')) router.removeRoute('console-loading');
  for (const route of consoleRouteTree) router.addRoute(route);
  return true;
}

export async function consoleGuard(router: Router, to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  // The first visit: the same address again, now matched by the console's own routes.
  if (installConsoleRoutes(router)) return to.fullPath;
  const session = useSessionStore();
  await session.start();
  return decide(to, { status: session.status, role: session.profile?.role ?? null });
}
