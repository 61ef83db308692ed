import type { TableRow } from '../table/table.ts';

/**
 * A tracker's template text that nobody replaced ("Descripción del hito..."), as the mapping's `placeholders` name
 * it: such a cell reads as empty, so a milestone is not published with the template's words as its text. Compared
 * whole, after trimming, as written: a real text that begins with those words is kept.
 */
export function blankPlaceholders(row: TableRow, placeholders: readonly string[]): TableRow {
  if (placeholders.length === 0) return row;
  const blanked = Object.entries(row.cells).map(([column, value]) => [column, placeholders.includes(value.trim()) ? '' : value]);
  return { ...row, cells: Object.fromEntries(blanked) };
}

/** The placeholder a row's column held, if it held one (to say why a row was skipped). */
export function placeholderIn(row: TableRow, column: string, placeholders: readonly string[]): string | undefined {
  const value = (row.cells[column] ?? '').trim();
  return placeholders.includes(value) ? value : undefined;
}
