/** How a themed month is named where only its id is at hand ("tm-2026-12" → its title, or "2026年12月主题月"). */
import type { ThemeMonth } from './calls';

export function themeMonthName(id: string | null, known: ReadonlyArray<ThemeMonth>): string {
  if (!id) return '';
  const found = known.find((month) => month.id === id);
  if (found) return `${found.year}年${found.month}月 · ${found.title}`;
  const match = /^tm-(\d{4})-(\d{2})$/.exec(id);
  return match ? `${match[1]}年${Number(match[2])}月主题月` : id;
}
