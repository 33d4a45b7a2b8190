/** The station area's pages (see ../pages.ts). */
import type { AreaPages } from '../pages';

export const stationPages: AreaPages = {
  entries: {},
  further: [],
};
