import { cleanText } from '../../text/clean-text.ts';

/**
 * A spreadsheet as importers read it, whatever the file type: the header's column names and the rows below it.
 * Rows are numbered as a spreadsheet program shows them (the header is row 1), so a message such as "row 17" points
 * at the row a person sees when they open the file. Cells come cleaned (`cleanText`): a row's `warnings` name each
 * cell whose text was changed, for the import's report. Line breaks inside a cell come as LF, whatever the file
 * wrote (CRLF from Windows, a lone CR from old Macs), silently: the same text saved on another computer is the same
 * text, and must not make every multi-line row of a re-import "updated".
 */
export type TableRow = {
  rowNumber: number;
  cells: Readonly<Record<string, string>>;
  warnings: readonly string[];
  /**
   * The address of each link cell, by column (XLSX only; CSV has no links). The cell itself is the link's text: a
   * link is often decoration (an id linked to its OGP page), and a mapping's `keepLinks` says where it is evidence.
   */
  links?: Readonly<Record<string, string>>;
};
export type Table = { columns: string[]; rows: TableRow[] };

/** A file that cannot be read as a table at all; the message names the line, row or column. */
export class TableFileError extends Error {
  override name = 'TableFileError';
}

/** Header names must be present and unique, or a column could not be told from another. */
export function checkHeader(columns: readonly string[]): string[] {
  const names = columns.map((c) => cleanText(c).trim());
  const empty = names.findIndex((n) => n === '');
  if (empty !== -1) throw new TableFileError(`the header has no name for column ${empty + 1}`);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new TableFileError(`the header names column "${twice[0]}" twice`);
  return names;
}

export function rowOf(columns: readonly string[], values: readonly string[], rowNumber: number, addresses: readonly (string | undefined)[] = []): TableRow {
  const cells: Record<string, string> = {};
  const warnings: string[] = [];
  const links: Record<string, string> = {};
  columns.forEach((column, i) => {
    const given = values[i] ?? '';
    const value = given.includes('\r') ? given.replace(LINE_BREAK, '\n') : given;
    cells[column] = cleanText(value);
    if (cells[column] !== value) warnings.push(`column "${column}": ${CLEANED}`);
    if (addresses[i] !== undefined) links[column] = addresses[i];
  });
  return Object.keys(links).length === 0 ? { rowNumber, cells, warnings } : { rowNumber, cells, warnings, links };
}

const LINE_BREAK = /\r\n?/g;

const CLEANED = 'control characters or noncharacters that text cannot hold were removed (vertical tabs, form feeds and ' +
  'record separators became line breaks)';

/** The columns a reader needs that the file lacks, for one message that names them all. */
export function missingColumns(table: Table, required: Iterable<string>): string[] {
  const present = new Set(table.columns);
  return [...required].filter((column) => !present.has(column));
}
