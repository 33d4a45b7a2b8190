/** The notices of a round as the head station reads them (the public notices, every page). */
import { call } from '@/api/client';
import type { components } from '@/api/generated/review';
import { everyPage, PAGE_LIMIT } from '@/api/paging';
import { reviewClient } from '../api';

export type Notice = components['schemas']['NoticeView'];

export async function noticesOf(year: number): Promise<Notice[]> {
  const all = await everyPage((offset) =>
    call(() => reviewClient().GET('/public/notices', { params: { query: { limit: PAGE_LIMIT, offset } } })),
  );
  return all.filter((notice) => notice.round_year === year);
}
