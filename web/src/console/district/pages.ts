/** The district area's pages (see ../pages.ts). */
import type { AreaPages } from '../pages';

export const districtPages: AreaPages = {
  entries: {},
  further: [],
};
