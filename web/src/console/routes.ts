import type { RouteRecordRaw } from 'vue-router';

/**
 * The signed-in console (服务站、区级主管部门、服务总站、市工业和信息化局的工作台). Everything under
 * /console loads lazily and may use Element Plus; the public pages never import this folder's views.
 */
export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleLayout.vue'),
    children: [
      { path: '', name: 'console', component: () => import('./ConsolePlaceholderView.vue') },
      { path: ':pathMatch(.*)*', redirect: { name: 'console' } },
    ],
  },
];
