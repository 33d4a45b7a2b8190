/** The bureau's pages (see ../pages.ts): decisions and notice, final lists and register, the working-day calendar. */
import type { AreaPages } from '../pages';

export const bureauPages: AreaPages = {
  entries: {
    'bureau-decisions': () => import('./DecisionsView.vue'),
    'bureau-final-lists': () => import('./FinalListsView.vue'),
    'bureau-calendar': () => import('./CalendarView.vue'),
  },
  further: [
    {
      path: 'bureau/decisions/objections/:id',
      name: 'bureau-objection',
      entry: 'bureau-decisions',
      component: () => import('./ObjectionView.vue'),
    },
    {
      path: 'bureau/final-lists/stations/:id',
      name: 'bureau-station',
      entry: 'bureau-final-lists',
      component: () => import('./StationView.vue'),
    },
  ],
};
