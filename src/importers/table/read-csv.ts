import { parse } from 'csv-parse/sync';
import { checkHeader, rowOf, TableFileError, type Table } from './table.ts';

/**
 * Reads a CSV file (UTF-8, comma-separated, header row; a byte-order mark is allowed). Cells may hold line breaks
 * inside quotes, as OGP's "Full Text" does. Empty lines are skipped. A row with more or fewer cells than the header
 * is an error that names its line, never silently padded or cut.
 */
export function readCsv(text: string | Buffer): Table {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    throw new TableFileError(`not a readable CSV file: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new TableFileError('the file is empty: no header row');
  const columns = checkHeader(header);
  return { columns, rows: body.map((values, i) => rowOf(columns, values, i + 2)) };
}
