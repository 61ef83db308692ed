import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

// Columns that schema.ts declares, per table. Kept beside the types so a migration that renames a column fails here.
const DECLARED = {
  members: ['id', 'slug', 'name', 'kind', 'ogp_prefix', 'iso_alpha2', 'code', 'region', 'created_at', 'updated_at'],
  action_plans: ['id', 'member_id', 'number', 'submission_year', 'start_year', 'end_year', 'created_at', 'updated_at'],
  commitments: ['id', 'ogp_id', 'action_plan_id', 'number_in_plan', 'status', 'source_locale', 'carried_over_from_id', 'created_at', 'updated_at'],
  milestones: ['id', 'commitment_id', 'number', 'declared_status', 'start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw'],
  irm_ratings: ['irm_review_id', 'indicator', 'state', 'value'],
};

describe('database schema', () => {
  it('has the columns the query layer is typed for', async () => {
    for (const [table, columns] of Object.entries(DECLARED)) {
      const found = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${table}`.execute(t.db);
      expect(found.rows.map((r) => r.column_name).sort(), table).toEqual([...columns].sort());
    }
  });

  it('refuses rows that break the rules of the domain', async () => {
    await expect(sql`insert into members (slug, name, kind, ogp_prefix) values ('Bad Slug', 'X', 'national', 'XX')`.execute(t.db)).rejects.toThrow(/check constraint/);
    await expect(sql`insert into members (slug, name, kind, ogp_prefix) values ('x', 'X', 'planet', 'XX')`.execute(t.db)).rejects.toThrow(/check constraint/);
  });
});
