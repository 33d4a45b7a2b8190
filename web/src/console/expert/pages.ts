/** The expert's pages (see ../pages.ts): its review tasks, and one assigned case to read and score. */
import type { AreaPages } from '../pages';

export const expertPages: AreaPages = {
  entries: {
    'expert-tasks': () => import('./TasksView.vue'),
  },
  further: [
    {
      path: 'expert/tasks/:caseId',
      name: 'expert-case',
      entry: 'expert-tasks',
      component: () => import('./ExpertCaseView.vue'),
    },
  ],
};
