import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { assertMayMigrate } from './database-privileges.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export type Migration = { version: number; name: string; file: string };

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file name must look like 001_name.sql: ${file}`);
    return { version: Number(match[1]), name: match[2]!, file: path.join(dir, file) };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered without gaps: expected ${i + 1}, found ${m.version}`);
  });
  return migrations;
}

/**
 * Applies, in order, each migration not yet recorded, each in its own transaction with its record.
 * Forward-only. An advisory lock keeps two processes starting at once from applying the same one twice.
 * A failure throws: callers exit non-zero.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations = listMigrations(dir);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(4242001)`.execute(conn);
    try {
      const { rows } = await sql<{ found: boolean }>`select to_regclass('schema_migrations') is not null as found`.execute(conn);
      const done = new Set(rows[0]!.found
        ? (await conn.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version) : []);
      const pending = migrations.filter((m) => !done.has(m.version));
      // Only when there is something to do: an up-to-date database needs no right to create anything.
      if (pending.length > 0) await assertMayMigrate(conn);
      if (!rows[0]!.found) {
        await sql`create table schema_migrations (
          version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(conn);
      }
      const applied: Migration[] = [];
      for (const migration of pending) {
        await conn.transaction().execute(async (trx) => {
          await sql.raw(fs.readFileSync(migration.file, 'utf8')).execute(trx);
          await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute();
        }).catch((error: unknown) => {
          throw new Error(`Migration ${path.basename(migration.file)} failed: ${(error as Error).message}`);
        });
        applied.push(migration);
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(4242001)`.execute(conn);
    }
  });
}
