/**
 * A pure reader of cell text, remembered by the text it was given. A spreadsheet repeats the same few hundred values
 * (ratings, member names, institution lists) over every row: the OGP dataset's 442 rows hold ~8,000 rating cells
 * of ~40 distinct wordings. Only results are remembered (a cell the reader refuses throws again each time), and at
 * most `limit` of them, so a long-running process does not keep every cell it ever read.
 * The reader must not depend on anything but its argument; callers copy a result they hand on to be changed.
 */
export function byCell<R>(read: (cell: string) => R, limit = 10_000): (cell: string) => R {
  const known = new Map<string, R>();
  return (cell) => {
    if (known.has(cell)) return known.get(cell) as R;
    const result = read(cell);
    if (known.size >= limit) known.clear();
    known.set(cell, result);
    return result;
  };
}
