import type { PartialDate } from '../../commitments/commitment-record.ts';
import { parsePartialDate } from '../../milestones/partial-date.ts';
import type { DateFormat } from './mapping.ts';

/**
 * A date cell in the format the mapping declares. Undefined for an empty cell; `{ raw }` (the words, no date) for a
 * cell that does not read in that format, which the caller warns about — a date is never guessed.
 */
export function readMappedDate(cell: string, format: DateFormat): PartialDate | { raw: string } | undefined {
  const raw = cell.trim();
  if (raw === '') return undefined;
  return readIn(raw, format) ?? { raw };
}

function readIn(raw: string, format: DateFormat): PartialDate | undefined {
  switch (format) {
    case 'iso':
      return /^\d{4}-\d{2}(-\d{2})?$/.test(raw) ? parsePartialDate(raw) : undefined;
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
