import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './csv-stream.ts';

export type XlsxColumn = { header: string; width: number; wrap?: boolean };

/**
 * Rows as an XLSX workbook of one sheet, written with ExcelJS's streaming writer: each row is committed (turned
 * into XML and handed to the zip) as it arrives, so a long list is never held as a workbook in memory. Strings are
 * inline (no shared-string table to keep), numbers are numbers, and no cell is ever a formula. Between rows the
 * writer waits while the reader is behind, so a slow download does not pile the file up in memory.
 * XML cannot hold control characters: ExcelJS drops them (the CSV and JSON downloads keep them).
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
      const row = sheet.addRow(cells);
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

/** Waits until the stream wants more, or is gone. */
async function drainOrClose(stream: PassThrough): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: done.signal }), once(stream, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}
