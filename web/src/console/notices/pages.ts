/** The head station's 公示与异议 (see ../pages.ts): the round's notices and objections, without who objected. */
import type { AreaPages } from '../pages';

export const noticesPages: AreaPages = {
  entries: {
    'head-station-notices': () => import('./NoticesView.vue'),
  },
  further: [
    {
      path: 'head-station/notices/objections/:id',
      name: 'head-station-objection',
      entry: 'head-station-notices',
      component: () => import('./ObjectionReadView.vue'),
    },
  ],
};
