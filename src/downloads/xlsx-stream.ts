import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cleanText } from '../text/clean-text.ts';
import type { Cell } from './csv-stream.ts';

export type XlsxColumn = { header: string; width: number; wrap?: boolean };

/**
 * Rows as an XLSX workbook of one sheet, written with ExcelJS's streaming writer: each row is committed (turned
 * into XML and handed to the zip) as it arrives, so a long list is never held as a workbook in memory. Strings are
 * inline (no shared-string table to keep), numbers are numbers, and no cell is ever a formula. Between rows the
 * writer waits while the reader is behind, so a slow download does not pile the file up in memory.
 * Every text goes through `xlsxText`, so that one stored value can never make the file unreadable.
 */
export function xlsxStream(sheetName: string, columns: readonly XlsxColumn[], rows: AsyncIterable<Cell[]>): Readable {
  const out = new PassThrough();
  void (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Ahadi';
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    // One style object per column, given to every cell of it: ExcelJS gives each new cell a style object of its own
    // and works out the XML of each one again, but recognises an object it has seen. Half the time of a 50,000-row
    // download went to that. The header's cells keep their own, since making them bold changes their style object.
    const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : {}));
    sheet.columns = columns.map((c, i) => ({ width: c.width, style: styles[i]! }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const cells of rows) {
      const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? xlsxText(cell) : cell)));
      row.eachCell({ includeEmpty: true }, (cell, column) => { cell.style = styles[column - 1]!; });
      row.commit();
      if (out.writableNeedDrain) await drainOrClose(out);
      if (out.destroyed) return; // the reader went away: stop reading the database
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** Excel's most characters in a cell (UTF-16 code units): a longer text makes Excel repair the file, cutting it. */
export const XLSX_CELL_LIMIT = 32_767;
/** Ends a text cut at the limit, saying so in the cell where it is read, in English like the column keys. */
export const XLSX_CUT_MARKER = '… [cut at 32,767 characters, the most an Excel cell holds: the CSV and JSON downloads have the whole text]';

/**
 * A text as an XLSX cell: cleaned as Ahadi cleans text coming in (XML cannot carry control characters, and one
 * U+FFFE made a whole download unreadable; rows stored before the cleaning may still hold them), and cut at Excel's
 * limit with `XLSX_CUT_MARKER`, never inside a surrogate pair. The CSV and JSON downloads keep every character.
 */
export function xlsxText(text: string): string {
  const clean = cleanText(text);
  if (clean.length <= XLSX_CELL_LIMIT) return clean;
  let end = XLSX_CELL_LIMIT - XLSX_CUT_MARKER.length;
  if (/[\uD800-\uDBFF]/.test(clean[end - 1]!)) end -= 1;
  return clean.slice(0, end) + XLSX_CUT_MARKER;
}

/** Waits until the stream wants more, or is gone. */
async function drainOrClose(stream: PassThrough): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: done.signal }), once(stream, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}
