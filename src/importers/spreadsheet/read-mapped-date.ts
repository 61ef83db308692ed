import type { PartialDate } from '../../commitments/commitment-record.ts';
import { parsePartialDate } from '../../milestones/partial-date.ts';
import { excelSerialDate } from '../table/excel-serial.ts';
import type { DateFormat } from './mapping.ts';

/**
 * A date cell in the format the mapping declares. Undefined for an empty cell; `{ raw }` (the words, no date) for a
 * cell that does not read in that format, which the caller warns about — a date is never guessed.
 * The format is for dates typed as text. Whatever it says, two forms are read because no format reads them otherwise:
 * - a real date cell of a workbook, which the XLSX reader writes YYYY-MM-DD (a date-time cell as an ISO date-time,
 *   read as its UTC day: Excel's dates have no time zone, and ExcelJS gives them as UTC);
 * - Excel's day number of a date from 2000 to 2100 ("45000", 2023-03-15): a date cell that lost its date format, or
 *   a sheet exported as numbers. The column is a date column, and five digits in that range can mean nothing else
 *   there; a four-digit number stays a year for `text`, and any other number stays unread.
 */
export function readMappedDate(cell: string, format: DateFormat): PartialDate | { raw: string } | undefined {
  const raw = cell.trim();
  if (raw === '') return undefined;
  return sheetDate(raw) ?? readIn(raw, format) ?? { raw };
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)?$/;

function sheetDate(raw: string): PartialDate | undefined {
  const iso = ISO_DATE.exec(raw)?.[1];
  if (iso !== undefined) {
    const read = parsePartialDate(iso);
    return read && { ...read, raw };
  }
  const serial = excelSerialDate(raw);
  return serial === undefined ? undefined : { date: serial, precision: 'day', raw };
}

function readIn(raw: string, format: DateFormat): PartialDate | undefined {
  switch (format) {
    case 'iso':
      return /^\d{4}-\d{2}$/.test(raw) ? parsePartialDate(raw) : undefined;
    case 'day-month-year': {
      const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
      const read = match ? parsePartialDate(`${match[2]}/${match[1]}/${match[3]}`) : undefined;
      return read ? { ...read, raw } : undefined;
    }
    case 'month-day-year':
      return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(raw) ? parsePartialDate(raw) : undefined;
    case 'text':
      return parsePartialDate(raw);
  }
}
