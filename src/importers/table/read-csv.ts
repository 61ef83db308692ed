import Papa from 'papaparse';
import { checkHeader, rowOf, TableFileError, type Table } from './table.ts';

/**
 * Reads a CSV file (UTF-8, header row; a byte-order mark is allowed; another encoding is refused). The separator is
 * the header line's: a comma, or the semicolon that Excel and LibreOffice write in French, Spanish and other locales
 * where the comma is the decimal mark, or a tab (`csvDelimiter`). Cells may hold line breaks inside quotes, as OGP's
 * "Full Text" does. Rows are numbered as a spreadsheet program shows the file: one row per record, the header
 * row 1, an empty line an (empty) row that is skipped but counted, a record whose quoted cell spans three lines one
 * row. A quoted cell left open, or a row with more or fewer cells than the header, is an error that names its row,
 * never silently padded or cut. A stray quote inside an unquoted cell is kept as written, as spreadsheet programs
 * read it.
 * Papa Parse rather than csv-parse: on OGP's 2 MB dataset it takes 25 ms in a fresh process where csv-parse took
 * 350 ms, a third of the whole import (decision 016, amended).
 */
export function readCsv(text: string | Buffer): Table {
  const source = typeof text === 'string' ? text : utf8Text(text);
  // Empty lines are kept as rows of one empty cell, so that each record's index is its row number less one.
  const parsed = Papa.parse<string[]>(source, { delimiter: csvDelimiter(source), skipEmptyLines: false });
  const [problem] = parsed.errors;
  if (problem) throw new TableFileError(`not a readable CSV file: row ${(problem.row ?? 0) + 1}: ${problem.message}`);
  const records = parsed.data.map((values, i) => ({ values, rowNumber: i + 1 })).filter(({ values }) => !isEmptyLine(values));
  const [header, ...body] = records;
  if (!header) throw new TableFileError('the file is empty: no header row');
  const columns = checkHeader(header.values);
  return {
    columns,
    rows: body.map(({ values, rowNumber }) => {
      if (values.length !== columns.length) {
        throw new TableFileError(`row ${rowNumber} has ${count(values.length, 'cell')} where the header names ${count(columns.length, 'column')}`);
      }
      return rowOf(columns, values, rowNumber);
    }),
  };
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator of a CSV file: whichever of comma, semicolon and tab the header line holds most of outside quotes
 * (a comma when it holds none, a one-column file). Papa Parse can guess too, but from the first rows of data, where
 * commas inside a semicolon file's texts outvote the semicolons; column names seldom hold a separator.
 */
export function csvDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), DELIMITERS[0]);
}

function isEmptyLine(values: readonly string[]): boolean {
  return values.length === 1 && values[0] === '';
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/**
 * The text of a CSV file that must be UTF-8. Spreadsheets often save "CSV" in the computer's own encoding (Excel's
 * Windows-1252): read as UTF-8, every accent of such a file became U+FFFD and was imported without a word. Refused,
 * naming the line of the first byte that is not UTF-8 and how to save the file again.
 */
function utf8Text(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const line = lossy.slice(0, lossy.indexOf('\ufffd')).split('\n').length;
    throw new TableFileError(`not UTF-8 text (line ${line}): save the file as "CSV UTF-8" (Excel) or with the character set ` +
      '"Unicode (UTF-8)" (LibreOffice), then import it again');
  }
}
