import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Cell } from '../downloads/csv-stream.ts';
import type { OpenDataTable } from './open-data-tables.ts';

/**
 * Every row of a table as CSV cells, in primary-key order, a batch at a time (each batch starts after the last key
 * of the one before, so no batch gets slower as the table grows, and no connection is held between batches).
 * Only the table's published rows (`published`). Table and column names come from OPEN_DATA_TABLES, never from a
 * request.
 */
export async function* tableRows(db: Db, table: OpenDataTable, batchSize = 2000): AsyncGenerator<Cell[]> {
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  const key = sql.join(table.key.map((k) => sql.ref(k)));
  let last: unknown[] | undefined;
  for (;;) {
    const after = last ? sql`and (${key}) > (${sql.join(last)})` : sql``;
    const { rows } = await sql<Record<string, unknown>>`
      select ${columns} from ${sql.table(table.name)} where (${table.published ?? sql`true`}) ${after}
      order by ${key} limit ${batchSize}`.execute(db);
    for (const row of rows) yield table.columns.map((c) => cell(row[c.name]));
    if (rows.length < batchSize) return;
    const final = rows.at(-1)!;
    last = table.key.map((k) => final[k]);
  }
}

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' ? value : String(value);
}
