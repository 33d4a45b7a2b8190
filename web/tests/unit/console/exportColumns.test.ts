import { describe, expect, it, vi } from 'vitest';
import {
  cellText,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  dateColumn,
  dateTimeColumn,
  numberColumn,
  sheetCell,
  sheetRows,
  sheetWidths,
  textColumn,
} from '@/console/export/columns';
import { exportFileName, fetchAllRows, sheetName } from '@/console/export/workbook';

interface Row {
  name: string;
  count: number | null;
  day: string | null;
  at: string | null;
}

const columns = [
  textColumn('name', '申请单位', (r: Row) => r.name),
  numberColumn('count', '次数', (r: Row) => r.count),
  dateColumn('day', '提交日期', (r: Row) => r.day),
  dateTimeColumn('at', '受理时间', (r: Row) => r.at),
];
const row: Row = { name: '广州市天河区创新企业服务有限公司', count: 2, day: '2026-12-01', at: '2026-11-30T16:30:00Z' };

describe('one column definition, the table and the sheet', () => {
  it('shows days and instants as Guangzhou reads them', () => {
    expect(columns.map((column) => cellText(column, row))).toEqual([
      '广州市天河区创新企业服务有限公司',
      '2',
      '2026年12月1日',
      '2026年12月1日 00:30',
    ]);
  });

  it('writes the headers in bold, then one row per record in the same columns', () => {
    const sheet = sheetRows(columns, [row, { ...row, name: '第二家' }]);
    expect(sheet).toHaveLength(3);
    expect(sheet[0]).toEqual(columns.map((c) => ({ type: String, value: c.header, fontWeight: 'bold' })));
    expect(sheet[2]![0]).toEqual({ type: String, value: '第二家' });
  });

  it('writes a day as a real Excel date on that very day, whatever the browser’s time zone', () => {
    const cell = sheetCell(columns[2]!, row);
    expect(cell).toEqual({ type: Date, value: new Date(Date.UTC(2026, 11, 1)), format: DATE_FORMAT });
  });

  it('writes an instant as a date and time in Beijing time', () => {
    const cell = sheetCell(columns[3]!, row);
    expect(cell).toEqual({ type: Date, value: new Date(Date.UTC(2026, 11, 1, 0, 30)), format: DATE_TIME_FORMAT });
  });

  it('writes numbers as numbers and leaves empty cells empty', () => {
    expect(sheetCell(columns[1]!, row)).toEqual({ type: Number, value: 2 });
    const empty: Row = { name: '', count: null, day: null, at: null };
    expect(columns.map((column) => sheetCell(column, empty))).toEqual([null, null, null, null]);
    expect(columns.map((column) => cellText(column, empty))).toEqual(['', '', '', '']);
  });

  it('keeps a value that is no date as text rather than losing it', () => {
    expect(sheetCell(dateColumn('d', '日期', () => '待定'), row)).toEqual({ type: String, value: '待定' });
  });

  it('makes columns wide enough for their header', () => {
    expect(sheetWidths(columns).map((w) => w.width)).toEqual([14, 10, 12, 17]);
    expect(sheetWidths([textColumn('x', '统一社会信用代码', () => '')])[0]!.width).toBe(18);
  });
});

describe('every row of a list, page after page', () => {
  it('asks for pages of 200 until the list is complete', async () => {
    const all = Array.from({ length: 450 }, (_, i) => i);
    const page = vi.fn(async (limit: number, offset: number) => ({ items: all.slice(offset, offset + limit), total: 450 }));
    expect(await fetchAllRows(page)).toEqual(all);
    expect(page.mock.calls).toEqual([
      [200, 0],
      [200, 200],
      [200, 400],
    ]);
  });

  it('stops at a short page even when the total said more', async () => {
    const page = vi.fn(async () => ({ items: [1, 2], total: 5 }));
    expect(await fetchAllRows(page, 200)).toEqual([1, 2]);
    expect(page).toHaveBeenCalledTimes(1);
  });
});

describe('file and sheet names', () => {
  it('names the file in Chinese with the day, leaving out what is not chosen', () => {
    expect(exportFileName(['申请审核', '天河区', '', '待初审'], '2026-12-01')).toBe('申请审核_天河区_待初审_2026-12-01.xlsx');
    expect(exportFileName(['a/b'], '2026-12-01')).toBe('a-b_2026-12-01.xlsx');
  });

  it('keeps a sheet name within what Excel takes', () => {
    expect(sheetName('本区服务站')).toBe('本区服务站');
    expect(sheetName('a[b]:c'.repeat(10))).toHaveLength(31);
  });
});
