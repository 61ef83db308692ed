import { OgpIdSchema } from '../../commitments/commitment-record.ts';
import { CellError } from '../table/cell-error.ts';
import type { IdRule } from './mapping.ts';

type Cells = Readonly<Record<string, string>>;

/** The OGP id a row names, by the mapping's rule (see IdRule); a CellError names the column when it cannot. */
export function ogpIdOfRow(rule: IdRule, cells: Cells): string {
  if (rule.template !== undefined) return fromTemplate(rule.template, cells);
  const column = rule.column!;
  const cell = (cells[column] ?? '').trim();
  if (cell === '') throw new CellError(column, 'empty; the row names no commitment');
  if (rule.map !== undefined) {
    const id = rule.map[cell];
    if (id === undefined) throw new CellError(column, `"${cell}" is not in the mapping's "map" of ids`);
    return id;
  }
  const parsed = OgpIdSchema.safeParse(cell);
  if (!parsed.success) throw new CellError(column, `"${cell}" is not an OGP commitment id such as KE0031`);
  return parsed.data;
}

/** "MX{numero:4}" with numero = 75 gives "MX0075". */
function fromTemplate(template: string, cells: Cells): string {
  let firstColumn = '';
  const id = template.replace(/\{([^{}:]+)(?::(\d+))?\}/g, (_, column: string, width?: string) => {
    firstColumn ||= column;
    const cell = (cells[column] ?? '').trim();
    if (cell === '') throw new CellError(column, `empty; the id template "${template}" needs it`);
    return width ? cell.padStart(Number(width), '0') : cell;
  });
  const parsed = OgpIdSchema.safeParse(id);
  if (!parsed.success) throw new CellError(firstColumn, `the id template "${template}" gives "${id}", which is not an OGP commitment id such as KE0031`);
  return parsed.data;
}
