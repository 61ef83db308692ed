import { Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify/sync';
import { inBatches, ROWS_PER_CHUNK } from './in-batches.ts';

export type Cell = string | number | null;

/**
 * Rows as a CSV byte stream (RFC 4180: comma, double quotes, CRLF between records, UTF-8 with a byte-order mark so
 * that spreadsheets read the accents), written as the rows arrive, `ROWS_PER_CHUNK` rows a chunk, and paced by the
 * reader.
 *
 * `guardFormulas` is for files people open by double-clicking: a spreadsheet runs a cell that starts with = + - @
 * as a formula (LibreOffice does too, we checked), and reads a text made of digits as a number or a date (a plan's
 * commitment "1.10" becomes 1.1, and 1 February where "." separates dates), so such a text gets one "'" in front,
 * and so does a text that already starts with "'"s before one of those, which keeps the change reversible:
 * `unguardFormula` takes exactly one "'" off again. Numbers (integer columns) stay numbers. See
 * docs/decisions/009-open-data-exports.md.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<Cell[]> | Iterable<Cell[]>,
  { guardFormulas = false }: { guardFormulas?: boolean } = {}): Readable {
  const options: Options = {
    record_delimiter: 'windows',
    // A line break inside a cell (lists are one value per line) must be quoted: readers that split records at any
    // line break, LibreOffice among them, would otherwise cut the row there.
    quoted_match: /[\r\n]/,
    ...(guardFormulas ? { cast: { string: (value: string) => (GUARDED.test(value) ? `'${value}` : value) } } : {}),
  };
  async function* text() {
    yield stringify([], { ...options, bom: true, header: true, columns: [...header] });
    for await (const batch of inBatches(rows, ROWS_PER_CHUNK)) yield stringify(batch, options);
  }
  return Readable.from(text(), { objectMode: false });
}

// A formula's first character, or digits with the separators of decimals, thousands, dates and times, an exponent or %.
const GUARDED = /^'*(?:[=+\-@\t\r]|\d[\d .,:/\u00a0-]*(?:[eE][+-]?\d+)?%?$)/;

/** The text of a guarded CSV cell as it was before `guardFormulas`. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell) ? cell.slice(1) : cell;
}
