import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { listMigrations, migrate } from './migrate.ts';

const t = useTestDatabase();
const scratch = scratchFolder('migrations');
let made = 0;

/** A folder of migration files of its own (under the file's scratch folder). */
function migrationsDir(files: Record<string, string>): string {
  const dir = path.join(scratch.dir, String(made += 1));
  fs.mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('migrate', () => {
  it('has applied every migration to a test database, and a second run applies none', async () => {
    const applied = await t.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    expect(applied.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
  });

  it('rolls back a failed migration whole, records nothing, and throws naming the file', async () => {
    const real = listMigrations();
    const dir = migrationsDir({
      ...Object.fromEntries(real.map((m) => [path.basename(m.file), fs.readFileSync(m.file, 'utf8')])),
      [`${String(real.length + 1).padStart(3, '0')}_broken.sql`]: 'create table half_done (id int); select * from no_such_table;',
    });
    await expect(migrate(t.db, dir)).rejects.toThrow(/_broken\.sql failed: .*no_such_table/);
    const table = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'half_done'`.execute(t.db);
    expect(table.rows[0]?.n).toBe(0);
    expect((await t.db.selectFrom('schema_migrations').select('version').execute()).length).toBe(real.length);
  });

  it('refuses badly named or unnumbered migration files', () => {
    expect(() => listMigrations(migrationsDir({ '001_a.sql': '', '003_c.sql': '' }))).toThrow(/without gaps: expected 2/);
    expect(() => listMigrations(migrationsDir({ 'first.sql': '' }))).toThrow(/001_name\.sql/);
  });
});
