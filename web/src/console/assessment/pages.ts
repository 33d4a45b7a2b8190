/** The assessment area's pages (see ../pages.ts): one view for the bureau, the head station and a district. */
import { h } from 'vue';
import type { AreaPages } from '../pages';

const view = (mode: 'bureau' | 'head' | 'district') => async () => {
  const { default: AssessmentView } = await import('./AssessmentView.vue');
  return { name: `AssessmentView-${mode}`, render: () => h(AssessmentView, { mode }) };
};

export const assessmentPages: AreaPages = {
  entries: {
    'bureau-assessment': view('bureau'),
    'head-station-assessment': view('head'),
    'district-assessment': view('district'),
  },
  further: [
    {
      path: 'bureau/assessment/cycles/:cycleId/stations/:stationId',
      name: 'bureau-assessment-station',
      entry: 'bureau-assessment',
      component: () => import('./StationScoreView.vue'),
    },
    {
      path: 'head-station/assessment/cycles/:cycleId/stations/:stationId',
      name: 'head-station-assessment-station',
      entry: 'head-station-assessment',
      component: () => import('./StationScoreView.vue'),
    },
  ],
};
