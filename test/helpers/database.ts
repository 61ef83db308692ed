import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Db } from '../../src/db/connect.ts';
import { adminQuery, databaseUrl } from '../setup/template-database.ts';

export type TestDatabase = { db: Db; url: string; drop(): Promise<void> };

/** A fresh, migrated database of its own for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `ahadi_test_${randomBytes(6).toString('hex')}`;
  await cloneTemplate(adminUrl, name, inject('templateDatabase'));
  const url = databaseUrl(adminUrl, name);
  const db = createDb(url, 4);
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * The test file's own database (createTestDatabase), created before its tests and dropped after them: the hooks are
 * registered here. Its `db` and `url` exist inside tests and hooks.
 */
export function useTestDatabase(): Pick<TestDatabase, 'db' | 'url'> {
  let database: TestDatabase | undefined;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database?.drop(); });
  const current = (): TestDatabase => {
    if (!database) throw new Error('the test database exists inside tests and hooks only');
    return database;
  };
  return { get db() { return current().db; }, get url() { return current().url; } };
}

// Two files cloning the same template at the same instant can collide ("source database is being accessed").
async function cloneTemplate(adminUrl: string, name: string, template: string, attempts = 20): Promise<void> {
  try {
    await adminQuery(adminUrl, `create database ${name} template ${template}`);
  } catch (error) {
    if (attempts <= 1 || !/being accessed by other users/.test((error as Error).message)) throw error;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    await cloneTemplate(adminUrl, name, template, attempts - 1);
  }
}

/**
 * The whole contents of `tables`, as one comparable string: a refused request must leave it as it was (stricter than
 * `rowCounts`, which an update in place would pass). Each table is ordered by its first two columns.
 */
export async function tableContents(db: Db, tables: readonly string[]): Promise<string> {
  const rows = await Promise.all(tables.map((table) => sql`select * from ${sql.table(table)} order by 1, 2`.execute(db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

/** Every table creating a commitment writes to. */
export const COMMITMENT_TABLES = ['commitments', 'commitment_texts', 'commitment_institutions', 'commitment_policy_areas',
  'commitment_facets', 'changes'] as const;

/** Rows in every table of the database: a refused request must change none of them. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = row.rows[0]!.n;
  }
  return counts;
}
