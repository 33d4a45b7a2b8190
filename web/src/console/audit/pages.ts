/** The bureau's audit trail (see ../pages.ts): 操作记录 of any object. */
import type { AreaPages } from '../pages';

export const auditPages: AreaPages = {
  entries: {
    'bureau-audit': () => import('./AuditView.vue'),
  },
  further: [],
};
