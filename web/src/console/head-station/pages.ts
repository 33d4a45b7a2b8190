/** The head station's review pages (see ../pages.ts): the review round, one case, the expert pool, one expert. */
import type { AreaPages } from '../pages';

export const headStationPages: AreaPages = {
  entries: {
    'head-station-reviews': () => import('./ReviewsView.vue'),
    'head-station-experts': () => import('./ExpertsView.vue'),
  },
  further: [
    {
      path: 'head-station/reviews/cases/:caseId',
      name: 'head-station-case',
      entry: 'head-station-reviews',
      component: () => import('./CaseReviewView.vue'),
    },
    {
      path: 'head-station/experts/:expertId',
      name: 'head-station-expert',
      entry: 'head-station-experts',
      component: () => import('./ExpertDetailView.vue'),
    },
  ],
};
