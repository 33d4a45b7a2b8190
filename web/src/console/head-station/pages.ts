/**
 * The head station's pages (see ../pages.ts): the review round, one case, the expert pool, one
 * expert; and the programme's work: themed months, staff trainings, the city-wide service-request
 * queue and one request, every station's promotion duty.
 */
import type { AreaPages } from '../pages';

export const headStationPages: AreaPages = {
  entries: {
    'head-station-reviews': () => import('./ReviewsView.vue'),
    'head-station-experts': () => import('./ExpertsView.vue'),
    'head-station-theme-months': () => import('./ThemeMonthsView.vue'),
    'head-station-trainings': () => import('./TrainingsView.vue'),
    'head-station-service-requests': () => import('./ServiceRequestsView.vue'),
    'head-station-promotions': () => import('./PromotionsView.vue'),
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
    {
      path: 'head-station/service-requests/:id',
      name: 'head-station-service-request',
      entry: 'head-station-service-requests',
      component: () => import('./ServiceRequestView.vue'),
    },
  ],
};
