/**
 * The columns of a console list, defined once: the same definition draws the el-table
 * (`ColumnsTable.vue`) and writes the Excel export (`ExportButton.vue`, `workbook.ts`), so what a
 * person sees on screen and what the spreadsheet holds cannot drift apart.
 *
 * A list defines its columns with the helpers below, in the order the table shows them:
 *
 *   const columns = [
 *     textColumn('entity', '申请单位', (row: ApplicationSummary) => row.entity_name, { minWidth: 220 }),
 *     dateColumn('submitted', '提交日期', (row) => row.submitted_at && dateInShanghai(row.submitted_at)),
 *     numberColumn('sessions', '宣讲次数', (row) => row.count),
 *   ];
 *
 * - `value` is the raw value: text, a number, a day ("YYYY-MM-DD", as the services send date-only
 *   values) for `dateColumn`, an instant (ISO 8601) for `dateTimeColumn`; null/undefined/'' is empty.
 * - On screen a day reads "2026年12月1日" and an instant "2026年12月1日 09:00" (Beijing time); in
 *   the spreadsheet both are real Excel dates (formatted yyyy-mm-dd / yyyy-mm-dd hh:mm), which
 *   sort and filter as dates. A day never passes through the browser's time zone.
 * - A text column's value is the text a person reads (a status code's Chinese label, not the
 *   code): the sheet writes exactly the text the screen shows.
 * - A table may draw a cell its own way (a tag, a link) through the slot named by the column's
 *   key, but shows the same text in it.
 */
import { dateInShanghai, formatDate, formatDateTime, formatTime, parseIsoDate } from '@/dates';

export type ColumnKind = 'text' | 'number' | 'date' | 'datetime';

export type RawValue = string | number | null | undefined;

export interface Column<Row> {
  /** Unique in its table; the name of the table's slot that may draw the cell. */
  key: string;
  /** The column's heading, on screen and in the sheet's first row. */
  header: string;
  kind: ColumnKind;
  value: (row: Row) => RawValue;
  /** The table's minimum width of the column, in pixels. */
  minWidth?: number;
  /** The sheet's width of the column, in characters (default: from the header and kind). */
  sheetWidth?: number;
}

interface Options {
  minWidth?: number;
  sheetWidth?: number;
}

export function textColumn<Row>(
  key: string,
  header: string,
  value: (row: Row) => RawValue,
  options: Options = {},
): Column<Row> {
  return { key, header, kind: 'text', value, ...options };
}

export function numberColumn<Row>(
  key: string,
  header: string,
  value: (row: Row) => number | null | undefined,
  options: Options = {},
): Column<Row> {
  return { key, header, kind: 'number', value, ...options };
}

/** A day: `value` gives "YYYY-MM-DD" (use `dateInShanghai` for the day of an instant). */
export function dateColumn<Row>(
  key: string,
  header: string,
  value: (row: Row) => string | null | undefined,
  options: Options = {},
): Column<Row> {
  return { key, header, kind: 'date', value, ...options };
}

/** An instant (ISO 8601), shown in Beijing time to the minute. */
export function dateTimeColumn<Row>(
  key: string,
  header: string,
  value: (row: Row) => string | null | undefined,
  options: Options = {},
): Column<Row> {
  return { key, header, kind: 'datetime', value, ...options };
}

function isEmpty(value: RawValue): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** What the table shows in the cell. */
export function cellText<Row>(column: Column<Row>, row: Row): string {
  const value = column.value(row);
  if (isEmpty(value)) return '';
  switch (column.kind) {
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    default:
      return String(value);
  }
}

/** A sheet's cell, in the shape write-excel-file takes (kept here so the tests need no library). */
export type SheetCell =
  | { type: StringConstructor; value: string; fontWeight?: 'bold' }
  | { type: NumberConstructor; value: number }
  | { type: DateConstructor; value: Date; format: string }
  | null;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The wall-clock reading as a Date whose UTC fields hold it: Excel dates have no time zone, and
 * write-excel-file counts days from the UTC epoch, so 2026-12-01 stays 2026-12-01 everywhere.
 */
function excelDate(day: string, time = '00:00'): Date | null {
  const parts = parseIsoDate(day);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!parts || !clock) return null;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, Number(clock[1]), Number(clock[2])));
}

/** What the sheet holds in the cell: text, a number, or a real date. */
export function sheetCell<Row>(column: Column<Row>, row: Row): SheetCell {
  const value = column.value(row);
  if (isEmpty(value)) return null;
  switch (column.kind) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? { type: Number, value: number } : { type: String, value: String(value) };
    }
    case 'date': {
      const date = excelDate(String(value));
      return date ? { type: Date, value: date, format: DATE_FORMAT } : { type: String, value: String(value) };
    }
    case 'datetime': {
      const instant = String(value);
      const date = excelDate(dateInShanghai(instant), formatTime(instant));
      return date ? { type: Date, value: date, format: DATE_TIME_FORMAT } : { type: String, value: instant };
    }
    default:
      return { type: String, value: String(value) };
  }
}

/** The whole sheet: the headers in bold, then one row per record, the columns in the table's order. */
export function sheetRows<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): SheetCell[][] {
  const headers: SheetCell[] = columns.map((column) => ({ type: String, value: column.header, fontWeight: 'bold' }));
  return [headers, ...rows.map((row) => columns.map((column) => sheetCell(column, row)))];
}

/** Widths in characters: wide enough for the header and for a date. */
export function sheetWidths<Row>(columns: readonly Column<Row>[]): Array<{ width: number }> {
  const least: Record<ColumnKind, number> = { text: 14, number: 10, date: 12, datetime: 17 };
  return columns.map((column) => ({
    // A Chinese character is about two characters wide.
    width: column.sheetWidth ?? Math.max(least[column.kind], column.header.length * 2 + 2),
  }));
}
