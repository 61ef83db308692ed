import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.ts';

/**
 * Tables the target's own triggers and migrations fill, or that only the importing database's later migrations
 * know the shape of: they are made again in the target, as an import there would have made them.
 */
const DERIVED = new Set(['schema_migrations', 'public_data_version', 'commitment_facets', 'commitment_facet_counts',
  'commitment_facets_stale', 'commitment_facets_refresh', 'irm_rating_codes']);

/** `sequenced`: its default takes the next value of a sequence, which must then go past the copied values. */
type Column = { name: string; identity: boolean; sequenced: boolean };

/**
 * Copies what an import wrote in `from` (a database at today's schema) into `to` (an older one), table by table in
 * the order of `to`'s foreign keys, the columns both have, with `to`'s triggers on: its search vectors and facets are
 * then made by its own functions, as its importer would have. Migration tests use it because today's importer needs
 * today's schema (decision 012's history, migration 024's former names) and cannot write into an older one.
 */
export async function copyImportedData(from: Db, to: Db): Promise<void> {
  for (const table of await tablesInKeyOrder(to)) {
    const columns = await sharedColumns(from, to, table);
    if (columns.length === 0) continue;
    const list = sql.join(columns.map((c) => sql.id(c.name)));
    const { rows } = await sql<{ rows: unknown }>`select coalesce(json_agg(t), '[]') as rows from (select ${list} from ${sql.table(table)}) t`.execute(from);
    if ((rows[0]!.rows as unknown[]).length === 0) continue;
    const overriding = columns.some((c) => c.identity) ? sql`overriding system value` : sql``;
    await sql`insert into ${sql.table(table)} (${list}) ${overriding}
      select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows[0]!.rows)}::json)
      on conflict do nothing`.execute(to);
    for (const c of columns.filter((c) => c.sequenced)) {
      await sql`select setval(s::regclass, (select max(${sql.id(c.name)}) from ${sql.table(table)})::bigint)
        from pg_get_serial_sequence(${table}, ${c.name}) s where s is not null`.execute(to);
    }
  }
}

/** The base tables of the public schema but the derived ones, each after the tables its foreign keys point to. */
async function tablesInKeyOrder(db: Db): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const { rows: keys } = await sql<{ child: string; parent: string }>`select c.conrelid::regclass::text as child,
    c.confrelid::regclass::text as parent from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`.execute(db);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const k of keys.filter((k) => k.child === name)) visit(k.parent);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name);
  return ordered.filter((name) => !DERIVED.has(name));
}

async function sharedColumns(from: Db, to: Db, table: string): Promise<Column[]> {
  const columnsOf = async (db: Db) => (await sql<Column & { generated: boolean }>`
    select column_name as name, is_identity = 'YES' as identity, is_generated = 'ALWAYS' as generated,
      is_identity = 'YES' or coalesce(column_default like 'nextval(%', false) as sequenced
    from information_schema.columns where table_schema = 'public' and table_name = ${table}`.execute(db)).rows;
  const present = new Set((await columnsOf(from)).map((c) => c.name));
  return (await columnsOf(to)).filter((c) => !c.generated && present.has(c.name)).map(({ name, identity, sequenced }) => ({ name, identity, sequenced }));
}
