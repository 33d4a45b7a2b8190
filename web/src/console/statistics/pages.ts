/** The dashboard (see ../pages.ts): 统计, the same city-wide figures for the bureau and the head station. */
import type { AreaPages } from '../pages';

export const statisticsPages: AreaPages = {
  entries: {
    'bureau-statistics': () => import('./StatisticsView.vue'),
    'head-station-statistics': () => import('./StatisticsView.vue'),
  },
  further: [],
};
