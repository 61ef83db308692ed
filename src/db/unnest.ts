import { sql, type RawBuilder } from 'kysely';

/** One column of a set: its name, its PostgreSQL element type, and one value per row. */
export type UnnestColumn = readonly [name: string, pgType: PgArrayElementType, values: readonly unknown[]];
type PgArrayElementType = 'bigint' | 'integer' | 'text' | 'date' | 'boolean';

/**
 * `unnest($1::bigint[], $2::text[], ...) as alias(name, ...)`: a whole set of rows as one parameter per column, so a
 * batch of any size is one statement with a handful of parameters (multi-row VALUES would hit PostgreSQL's limit of
 * 65,535 parameters and make a new plan for every batch size). Names and types are code, never input.
 */
export function unnest(alias: string, columns: readonly UnnestColumn[]): RawBuilder<unknown> {
  const arrays = columns.map(([, type, values]) => sql`${[...values]}::${sql.raw(type)}[]`);
  const names = columns.map(([name]) => sql.ref(name));
  return sql`unnest(${sql.join(arrays)}) as ${sql.ref(alias)}(${sql.join(names)})`;
}
