/** The dashboard (see ../pages.ts): the bureau's 统计. */
import type { AreaPages } from '../pages';

export const statisticsPages: AreaPages = {
  entries: {
    'bureau-statistics': () => import('./StatisticsView.vue'),
  },
  further: [],
};
