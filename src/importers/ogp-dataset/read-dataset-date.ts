import type { DateAsWritten } from '../../commitments/commitment-record.ts';
import { parsePartialDate } from '../../milestones/partial-date.ts';
import { excelSerialDate } from '../table/excel-serial.ts';

/**
 * A free-text date of OGP's sheet ("Start Date", "End Date"): m/d/yyyy, "July 2019", "I quarter of 2019" are read by
 * parsePartialDate. Two more forms are read with a warning because they are unambiguous: d/m/yyyy when the first
 * number cannot be a month ("31/12/2014"), and Excel's day serials ("43525" is 2019-03-01). Anything else
 * ("Underway", Excel's 1905 errors) is kept as written with no date, and a warning. NA and empty mean no date.
 */
export function readDatasetDate(cell: string, column: string, warnings: string[]): DateAsWritten | undefined {
  const raw = cell.trim();
  if (/^(|na|n\/a|nd)$/i.test(raw)) return undefined;
  const date = parsePartialDate(raw) ?? dayFirst(raw, column, warnings) ?? excelSerial(raw, column, warnings);
  if (date) return date;
  warnings.push(`column "${column}": "${raw}" is not a date we can trust; kept as written, with no date`);
  return { raw };
}

function dayFirst(raw: string, column: string, warnings: string[]): DateAsWritten | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!match || Number(match[1]) <= 12) return undefined;
  const read = parsePartialDate(`${match[2]}/${match[1]}/${match[3]}`);
  if (!read) return undefined;
  warnings.push(`column "${column}": read "${raw}" as day/month/year, ${read.date}`);
  return { ...read, raw };
}

function excelSerial(raw: string, column: string, warnings: string[]): DateAsWritten | undefined {
  const date = excelSerialDate(raw);
  if (date === undefined) return undefined;
  warnings.push(`column "${column}": read the spreadsheet day number "${raw}" as ${date}`);
  return { date, precision: 'day', raw };
}
