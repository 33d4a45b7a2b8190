/** Lists the services answer a page at a time (the kit's paging rule: `limit` at most 200, `offset`). */

/** The largest page the services give. */
export const PAGE_LIMIT = 200;

export interface Page<T> {
  items: T[];
  total: number;
}

/** Every item of such a list: the pages asked for one after another until the total is reached. */
export async function everyPage<T>(page: (offset: number) => Promise<Page<T>>): Promise<T[]> {
  const found: T[] = [];
  for (;;) {
    const next = await page(found.length);
    found.push(...next.items);
    if (next.items.length === 0 || found.length >= next.total) return found;
  }
}
