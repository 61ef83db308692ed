import fs from 'node:fs';
import path from 'node:path';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import { TableFileError, type Table } from './table.ts';

/** A .csv or .xlsx file as a table, chosen by its extension. */
export async function readTableFile(file: string, sheetName?: string): Promise<Table> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return readCsv(fs.readFileSync(file));
  if (extension === '.xlsx') return readXlsx(fs.readFileSync(file), sheetName);
  throw new TableFileError(`${path.basename(file)}: a spreadsheet must be a .csv or .xlsx file`);
}
