import { createRouter, createWebHistory, type RouteRecordRaw, type RouterScrollBehavior } from 'vue-router';
import { consoleRoutes, guardConsole } from '@/console/routes';
import PublicLayout from '@/public/layout/PublicLayout.vue';

/**
 * The public pages, each loaded when first visited. None of them imports Element Plus: that is
 * the console's (src/console/), loaded only under /console.
 */
export const publicRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    component: PublicLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/public/home/HomeView.vue') },
      { path: 'notices', name: 'notices', component: () => import('@/public/notices/NoticeListView.vue') },
      { path: 'notices/:id', name: 'notice', component: () => import('@/public/notices/NoticeView.vue'), props: true },
      {
        path: 'notices/:id/objection',
        name: 'objection',
        component: () => import('@/public/notices/ObjectionView.vue'),
        props: true,
      },
      { path: 'stations', name: 'stations', component: () => import('@/public/stations/StationListView.vue') },
      {
        path: 'stations/:id',
        name: 'station',
        component: () => import('@/public/stations/StationView.vue'),
        props: true,
      },
      {
        path: 'final-lists',
        name: 'final-lists',
        component: () => import('@/public/final-lists/FinalListsView.vue'),
      },
      {
        path: 'final-lists/:year',
        name: 'final-list',
        component: () => import('@/public/final-lists/FinalListView.vue'),
        props: true,
      },
      { path: 'activities', name: 'activities', component: () => import('@/public/activities/ActivitiesView.vue') },
      {
        path: 'activities/:id',
        name: 'activity',
        component: () => import('@/public/activities/ActivityView.vue'),
        props: true,
      },
      {
        path: 'service-requests/new',
        name: 'service-request-new',
        component: () => import('@/public/service-requests/NewRequestView.vue'),
      },
      {
        path: 'service-requests/progress',
        name: 'service-request-progress',
        component: () => import('@/public/service-requests/ProgressView.vue'),
      },
      { path: 'guide', name: 'guide', component: () => import('@/public/guide/GuideView.vue') },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/public/NotFoundView.vue'),
      },
    ],
  },
];

/** Scroll to the top on a new page or a new page of results; keep the place on back and forward. */
const scrollBehavior: RouterScrollBehavior = (to, from, saved) => {
  if (saved) return saved;
  if (to.hash) return { el: to.hash };
  if (to.path !== from.path || to.query.page !== from.query.page || to.query.step !== from.query.step) {
    return { top: 0 };
  }
  return false;
};

export function makeRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [...consoleRoutes, ...publicRoutes],
    scrollBehavior,
  });
  guardConsole(router);
  return router;
}
