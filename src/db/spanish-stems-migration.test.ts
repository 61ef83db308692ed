import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../../test/helpers/database-before-migration.ts';
import { listMigrations } from './migrate.ts';

// Migration 016 gives Spanish texts the stems of their accented words. A database migrated up to 015 is filled by
// an import, then migrated: its Spanish texts' vectors must be made again, the others' left as they were.
const database = databaseBeforeMigration(16);

/** Every text's vector, by commitment and language. */
const vectors = async () => new Map((await sql<{ key: string; vector: string }>`
  select c.ogp_id || ' ' || t.locale as key, t.search_vector::text as vector
  from commitment_texts t join commitments c on c.id = t.commitment_id`.execute(database.db)).rows.map((r) => [r.key, r.vector]));

/** Whether CR0016 (whose texts write "instituciones", never "institución") is found by the singular. */
const foundBySingular = async () => (await sql<{ found: boolean }>`
  select exists (select from commitment_texts t join commitments c on c.id = t.commitment_id
    where c.ogp_id = 'CR0016' and t.search_vector @@ ahadi_search_query('institución')) as found`.execute(database.db)).rows[0]!.found;

describe('migration 016: the stems of accented Spanish words', () => {
  it('makes the Spanish texts of an earlier import findable by another form of their words, and leaves the others', async () => {
    await database.importOgpDataset();
    const before = await vectors();
    expect(await foundBySingular()).toBe(false);

    // Migration 020 adds the OGP id to every text's vector.
    expect((await database.migrateRest(19)).map((m) => m.version)).toEqual(listMigrations().map((m) => m.version).filter((v) => v >= 16 && v <= 19));
    const after = await vectors();
    expect(await foundBySingular()).toBe(true);
    const changed = [...after].filter(([key, vector]) => before.get(key) !== vector).map(([key]) => key);
    expect(changed.length).toBeGreaterThan(40);
    expect(changed.every((key) => key.endsWith(' es'))).toBe(true);
    // As the trigger makes them for a text written now.
    const remade = await sql<{ same: boolean }>`
      select bool_and(t.search_vector = commitment_text_vector(t)) as same from commitment_texts t`.execute(database.db);
    expect(remade.rows[0]!.same).toBe(true);
  });
});
