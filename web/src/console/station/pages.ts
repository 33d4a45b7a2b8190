/** The station area's pages (see ../pages.ts). */
import type { AreaPages } from '../pages';

export const stationPages: AreaPages = {
  entries: {
    'station-activities': () => import('./activities/ActivitiesView.vue'),
    'station-promotions': () => import('./promotions/PromotionsView.vue'),
    'station-demands': () => import('./demands/DemandsView.vue'),
    'station-stations': () => import('./record/StationsView.vue'),
    'station-assessment': () => import('./assessment/AssessmentView.vue'),
  },
  further: [
    {
      path: 'station/stations/changes/new',
      name: 'station-change-report',
      entry: 'station-stations',
      component: () => import('./record/ChangeReportView.vue'),
    },
    {
      path: 'station/assessment/documents/:year/:kind',
      name: 'station-work-document',
      entry: 'station-assessment',
      component: () => import('./assessment/WorkDocumentView.vue'),
    },
    {
      path: 'station/assessment/rectifications/:id',
      name: 'station-rectification',
      entry: 'station-assessment',
      component: () => import('./assessment/RectificationView.vue'),
    },
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
    {
      path: 'station/demands/requests/:id',
      name: 'station-service-request',
      entry: 'station-demands',
      component: () => import('./demands/ServiceRequestView.vue'),
    },
    {
      path: 'station/demands/reports/:id',
      name: 'station-demand-report',
      entry: 'station-demands',
      component: () => import('./demands/DemandReportView.vue'),
    },
  ],
};
