/** The applicant area's pages (see ../pages.ts): 我的申请, the application form, and one application. */
import type { AreaPages } from '../pages';

const form = () => import('./ApplicationFormView.vue');

export const applicantPages: AreaPages = {
  entries: {
    'station-applications': () => import('./ApplicationsView.vue'),
  },
  further: [
    { path: 'station/applications/new', name: 'station-application-new', entry: 'station-applications', component: form },
    { path: 'station/applications/:id/edit', name: 'station-application-edit', entry: 'station-applications', component: form },
    {
      path: 'station/applications/:id',
      name: 'station-application',
      entry: 'station-applications',
      component: () => import('./ApplicationView.vue'),
    },
  ],
};
