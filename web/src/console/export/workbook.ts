/**
 * Writing a list to an .xlsx file the browser downloads, and fetching every row of a list for it.
 * write-excel-file is loaded only when someone exports, so no page carries it before then.
 */
import { todayInShanghai } from '@/dates';
import { sheetRows, sheetWidths, type Column } from './columns';

/** Every list of the services answers pages of this shape. */
export interface PageOfRows<Row> {
  items: Row[];
  total: number;
}

/** The most a service's page holds: an export asks for pages of this size. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * Every row the list's filters match, page after page (`page(limit, offset)` asks the service for
 * one page with the filters the screen shows).
 */
export async function fetchAllRows<Row>(
  page: (limit: number, offset: number) => Promise<PageOfRows<Row>>,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (;;) {
    const found = await page(pageSize, rows.length);
    rows.push(...found.items);
    // A page shorter than asked is the last, whatever `total` said a moment earlier.
    if (found.items.length < pageSize || rows.length >= found.total) return rows;
  }
}

/** "申请审核_天河区_2026-12-01.xlsx": the list's name, what narrows it, and the day (in Guangzhou). */
export function exportFileName(parts: readonly string[], today: string = todayInShanghai()): string {
  const name = [...parts.filter((part) => part.trim() !== ''), today].join('_');
  // Characters no file system or Excel sheet takes.
  return `${name.replace(/[\\/:*?"<>|]/g, '-')}.xlsx`;
}

/** A sheet's name: at most 31 characters, none of those Excel refuses. */
export function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'Sheet1';
}

export interface Workbook<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** The sheet's name (the list's title). */
  sheet: string;
  fileName: string;
}

/** Writes the rows, in the columns' order and with their headers, and downloads the file. */
export async function downloadWorkbook<Row>({ columns, rows, sheet, fileName }: Workbook<Row>): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  await writeXlsxFile(sheetRows(columns, rows), {
    sheet: sheetName(sheet),
    columns: sheetWidths(columns),
    stickyRowsCount: 1,
  }).toFile(fileName);
}
