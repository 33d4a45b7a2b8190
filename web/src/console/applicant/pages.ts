/** The applicant area's pages (see ../pages.ts). */
import type { AreaPages } from '../pages';

export const applicantPages: AreaPages = {
  entries: {},
  further: [],
};
