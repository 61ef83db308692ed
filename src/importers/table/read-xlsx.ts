import type ExcelJS from 'exceljs';
import { checkHeader, rowOf, TableFileError, type Table } from './table.ts';

/**
 * Reads one worksheet of an XLSX workbook (the first, or the one named) as text cells: numbers as written by
 * JavaScript, dates as YYYY-MM-DD, formulas by their result, rich text as its plain text, a link as its text, its
 * address in the row's `links` (which a mapping's `keepLinks` appends where it is evidence). Row numbers are the
 * sheet's own. Rows with no value at all are skipped, as empty CSV lines are. The table is as wide as the header's
 * last named cell: a sheet keeps empty cells that were only formatted (bold on a whole header line), and columns
 * past the header with nothing in them are not columns; a value in one is refused, never dropped unseen.
 * A date cell is written YYYY-MM-DD (a date-time cell as an ISO date-time, UTC as Excel's dates have no time zone),
 * so a date column reads it whatever text format its mapping declares (`readMappedDate`).
 */
export async function readXlsx(data: Buffer, sheetName?: string): Promise<Table> {
  // Loaded when a workbook is read: ExcelJS takes ~0.5 s to load, which every command would pay at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new TableFileError(`not a readable XLSX file: ${(error as Error).message}`);
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) throw new TableFileError(sheetName === undefined ? 'the workbook has no worksheet' : `the workbook has no worksheet "${sheetName}"`);
  const header = sheet.getRow(1);
  const names = rowCells(header).map((cell) => cell.text);
  const width = names.findLastIndex((name) => name.trim() !== '') + 1;
  if (width === 0) throw new TableFileError('the worksheet is empty: no header row');
  const columns = checkHeader(names.slice(0, width));
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = rowCells(row);
    const values = cells.map((cell) => cell.text);
    const past = values.findIndex((v, i) => i >= width && v !== '');
    if (past !== -1) throw new TableFileError(`row ${rowNumber} has a value in column ${past + 1}, which the header does not name`);
    if (values.some((v) => v !== '')) rows.push(rowOf(columns, values.slice(0, width), rowNumber, cells.slice(0, width).map((cell) => cell.link)));
  });
  return { columns, rows };
}

function rowCells(row: ExcelJS.Row): { text: string; link?: string }[] {
  return Array.from({ length: row.cellCount }, (_, i) => {
    const value = row.getCell(i + 1).value;
    const link = linkOf(value);
    return link === undefined ? { text: cellText(value) } : { text: cellText(value), link };
  });
}

function linkOf(value: ExcelJS.CellValue): string | undefined {
  return typeof value === 'object' && value !== null && 'hyperlink' in value && value.hyperlink ? value.hyperlink : undefined;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // A link's text may itself be rich text (part of it bold), so it is read as a cell of its own.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in value) return String(value.error);
  return '';
}

/** Spreadsheet dates carry no time zone: a date at midnight UTC is a calendar day. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
