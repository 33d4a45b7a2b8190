/** The district area's pages (see ../pages.ts). */
import type { AreaPages } from '../pages';

export const districtPages: AreaPages = {
  entries: {
    'district-reviews': () => import('./reviews/ReviewQueueView.vue'),
    'district-stations': () => import('./stations/StationsView.vue'),
    'district-demands': () => import('./demands/DemandsView.vue'),
  },
  further: [
    {
      path: 'district/reviews/:id',
      name: 'district-review',
      entry: 'district-reviews',
      component: () => import('./reviews/ApplicationView.vue'),
    },
    {
      path: 'district/stations/:id',
      name: 'district-station',
      entry: 'district-stations',
      component: () => import('./stations/StationView.vue'),
    },
  ],
};
