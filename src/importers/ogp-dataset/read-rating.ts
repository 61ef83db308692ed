import type { RatingState } from '../../irm/indicators.ts';
import { CellError } from '../table/cell-error.ts';
import type { IrmCodeColumn, IrmColumn } from './irm-columns.ts';

export type CellRating = { state: 'assessed'; value: string } | { state: Exclude<RatingState, 'assessed'> };

/**
 * OGP's sentinels, read (shared docs §1.6): ND = no data (or not rated on this method), NR = not reviewed yet,
 * NA = not applicable; "Pending IRM Review" is a review not done yet, so not reviewed too.
 */
const SENTINELS: Readonly<Record<string, Exclude<RatingState, 'assessed'>>> = {
  nd: 'no_data', nr: 'not_reviewed', na: 'not_applicable', 'pending irm review': 'not_reviewed',
};

const normalize = (cell: string) => cell.trim().replace(/\s+/g, ' ').toLowerCase();

/** A rating cell as Ahadi's state and value; anything else rejects the row, naming the column and what it accepts. */
export function readRating(cell: string, column: IrmColumn): CellRating {
  const wording = normalize(cell);
  const sentinel = SENTINELS[wording];
  if (sentinel) return { state: sentinel };
  const value = column.values[wording];
  if (value !== undefined) return { state: 'assessed', value };
  const accepted = [...new Set(Object.keys(column.values))].join(', ');
  throw new CellError(column.column, cell.trim() === ''
    ? `empty; OGP writes ND where there is no data (accepted: ${accepted}, ND, NR, NA, Pending IRM Review)`
    : `"${cell.trim()}" is not a value of ${column.indicator} (accepted: ${accepted}, ND, NR, NA, Pending IRM Review)`);
}

/**
 * Compares a numeric code column with the rating read from its label column. Undefined when they agree (or the
 * code is absent); otherwise a warning naming both, since OGP's sheet is hand-kept and the two sometimes differ.
 */
export function codeDisagreement(codeCell: string | undefined, code: IrmCodeColumn, rating: CellRating, labelCell: string): string | undefined {
  if (codeCell === undefined) return undefined;
  const wording = normalize(codeCell);
  const fromCode = SENTINELS[wording] ?? code.codes[wording];
  const expected = rating.state === 'assessed' ? rating.value : rating.state;
  if (fromCode !== undefined && fromCode.split('|').includes(expected)) return undefined;
  return `"${code.of}" is "${labelCell.trim()}" but "${code.column}" is "${codeCell.trim()}"; kept "${labelCell.trim()}"`;
}
