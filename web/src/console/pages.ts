/**
 * How an area of the console (applicant/, station/, district/, …) hands its pages to the router:
 * the page of each of its menu entries, and its further pages (a record, a form), each of which
 * belongs to a menu entry and is open to that entry's role only.
 */
import type { RouteComponent } from 'vue-router';

type Lazy = () => Promise<RouteComponent | { default: RouteComponent }>;

export interface FurtherPage {
  /** Under /console, e.g. 'station/applications/:id'. */
  path: string;
  name: string;
  /** The menu entry the page belongs to: its role may open it, and the side menu shows it current. */
  entry: string;
  component: Lazy;
}

export interface AreaPages {
  /** The page of a menu entry, by the entry's name. */
  entries: Readonly<Record<string, Lazy>>;
  further: readonly FurtherPage[];
}
