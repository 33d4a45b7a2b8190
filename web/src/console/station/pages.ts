/** The station area's pages (see ../pages.ts). */
import type { AreaPages } from '../pages';

export const stationPages: AreaPages = {
  entries: {
    'station-activities': () => import('./activities/ActivitiesView.vue'),
    'station-promotions': () => import('./promotions/PromotionsView.vue'),
  },
  further: [
    {
      path: 'station/activities/new',
      name: 'station-activity-new',
      entry: 'station-activities',
      component: () => import('./activities/ScheduleActivityView.vue'),
    },
    {
      path: 'station/activities/:id',
      name: 'station-activity',
      entry: 'station-activities',
      component: () => import('./activities/ActivityDetailView.vue'),
    },
  ],
};
