/** A cell of a row that cannot be imported; the row is rejected with the column named. */
export class CellError extends Error {
  override name = 'CellError';
  constructor(readonly column: string, problem: string) {
    super(`column "${column}": ${problem}`);
  }
}
