import type { z } from 'zod';
import type { MilestoneSchema, PartialDate } from '../../commitments/commitment-record.ts';
import { CellError } from '../table/cell-error.ts';
import { ogpIdOfRow } from './id-of-row.ts';
import type { MilestonesMapping } from './mapping.ts';
import { readMappedDate } from './read-mapped-date.ts';

type Cells = Readonly<Record<string, string>>;

/** One milestone row: the commitment it belongs to, the milestone, and the numbers of its siblings in the file. */
export type MilestoneItem = { commitmentOgpId: string; milestone: z.input<typeof MilestoneSchema>; alsoKeep: number[] };

/**
 * One row of a milestone sheet, by its mapping. `number` is the milestone's number when the mapping has no number
 * column (its position among its commitment's rows). Dates that do not read in the mapping's format are left out
 * with a warning: a milestone date is a date or nothing. A milestone that ends before it starts is kept as the file
 * gives it, with a warning naming both dates: real plans have such typos, and the edit form lets them be fixed.
 */
export function rowToMilestone(mapping: MilestonesMapping, cells: Cells, number: () => number): { item: MilestoneItem; warnings: string[] } {
  const warnings: string[] = [];
  const commitmentOgpId = ogpIdOfRow(mapping.commitment, cells);
  const text = milestoneText(mapping, cells);
  if (text === undefined) throw new CellError(mapping.columns.text.join('", "'), 'empty; a milestone needs a text');
  const dates = { start: dateOf(mapping.columns.start, cells, mapping, warnings), end: dateOf(mapping.columns.end, cells, mapping, warnings) };
  if (dates.start && dates.end && endsBeforeStart(dates.start, dates.end)) {
    warnings.push(`ends before it starts: "${mapping.columns.end}" ${dates.end.raw} is before "${mapping.columns.start}" ${dates.start.raw}; kept as given, correct it in the file or on the milestone's edit page`);
  }
  const milestone = {
    number: mapping.numberColumn === undefined ? number() : numberIn(mapping.numberColumn, cells),
    ...(dates.start ? { start: dates.start } : {}),
    ...(dates.end ? { end: dates.end } : {}),
    texts: { [mapping.sourceLocale]: text },
  };
  return { item: { commitmentOgpId, milestone, alsoKeep: [] }, warnings };
}

/** The first text column that is not empty, then each detail column under its heading. */
export function milestoneText(mapping: MilestonesMapping, cells: Cells): string | undefined {
  const main = mapping.columns.text.map((column) => (cells[column] ?? '').trim()).find((value) => value !== '');
  if (main === undefined) return undefined;
  const details = mapping.details.flatMap(({ column, heading }) => {
    const value = (cells[column] ?? '').trim();
    return value === '' ? [] : [`${heading}: ${value}`];
  });
  return [main, ...details].join('\n\n');
}

function numberIn(column: string, cells: Cells): number {
  const cell = (cells[column] ?? '').trim();
  if (!/^\d+$/.test(cell) || Number(cell) < 1) throw new CellError(column, `"${cell}" is not a milestone number (1, 2, ...)`);
  return Number(cell);
}

/** The whole period of the end date (a day, month, quarter or year) comes before the start date. */
function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  const dayAfterEnd = new Date(`${end.date}T00:00:00Z`);
  const months = { day: 0, month: 1, quarter: 3, year: 12 }[end.precision];
  if (months === 0) dayAfterEnd.setUTCDate(dayAfterEnd.getUTCDate() + 1);
  else dayAfterEnd.setUTCMonth(dayAfterEnd.getUTCMonth() + months);
  return dayAfterEnd.toISOString().slice(0, 10) <= start.date;
}

function dateOf(column: string | undefined, cells: Cells, mapping: MilestonesMapping, warnings: string[]) {
  if (column === undefined) return undefined;
  const date = readMappedDate(cells[column] ?? '', mapping.dateFormat);
  if (date && !('date' in date)) {
    warnings.push(`column "${column}": "${date.raw}" is not a ${mapping.dateFormat} date; left out`);
    return undefined;
  }
  return date;
}
