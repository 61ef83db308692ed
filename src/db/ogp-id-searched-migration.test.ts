import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../../test/helpers/database-before-migration.ts';

// Migration 020 makes the OGP id a word of every text's vector, appending it to the stored vectors rather than
// computing them again: the result must be what the trigger computes for a text written now.
const database = databaseBeforeMigration(20);

const found = async (words: string) => (await sql<{ id: string }>`
  select distinct c.ogp_id as id from commitment_texts t join commitments c on c.id = t.commitment_id
  where t.search_vector @@ ahadi_search_query(${words}) order by 1`.execute(database.db)).rows.map((r) => r.id);

describe('migration 020: the OGP id in the search vectors', () => {
  it('makes the texts of an earlier import findable by their id, as newly computed vectors are', async () => {
    await database.importOgpDataset();
    expect(await found('AL0063 or CR0016')).toEqual([]);

    await database.migrateRest();
    expect(await found('AL0063 or CR0016')).toEqual(['AL0063', 'CR0016']);
    const remade = await sql<{ same: boolean; texts: number }>`
      select bool_and(t.search_vector = commitment_text_vector(t)) as same, count(*)::int as texts from commitment_texts t`.execute(database.db);
    expect(remade.rows[0]).toEqual({ same: true, texts: expect.any(Number) });
    expect(remade.rows[0]!.texts).toBeGreaterThan(400);
  });

  it('keeps the vectors right when a commitment gets another id', async () => {
    await sql`update commitments set ogp_id = 'AL9063' where ogp_id = 'AL0063'`.execute(database.db);
    expect(await found('AL9063')).toEqual(['AL9063']);
    expect(await found('AL0063')).toEqual([]);
  });
});
