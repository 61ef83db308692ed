import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../../test/helpers/database-before-migration.ts';

// Migration 019: a commitment's rating per indicator is the latest report's that rated it. A database migrated up to
// 018 is filled by an import, then migrated: its facets (and their kept counts) must follow the new rule.
const database = databaseBeforeMigration(19);

const REPORTS = ['design', 'progress', 'end_of_term', 'action_plan_review', 'results'];

/** `indicator:value` per commitment, by the rule, from every review: what the facets must hold. */
async function expectedRatings(): Promise<Map<string, string[]>> {
  const rows = (await sql<{ ogp_id: string; report: string; indicator: string; state: string; value: string | null }>`
    select c.ogp_id, ir.report, r.indicator, r.state, r.value
    from irm_ratings r join irm_reviews ir on ir.id = r.irm_review_id join commitments c on c.id = ir.commitment_id`.execute(database.db)).rows;
  const chosen = new Map<string, typeof rows[number]>();
  const unanswered = (state: string) => state === 'not_reviewed' || state === 'no_data';
  for (const row of rows) {
    const key = `${row.ogp_id} ${row.indicator}`;
    const best = chosen.get(key);
    const better = !best || (unanswered(best.state) && !unanswered(row.state)) ||
      (unanswered(best.state) === unanswered(row.state) && REPORTS.indexOf(row.report) > REPORTS.indexOf(best.report));
    if (better) chosen.set(key, row);
  }
  const byCommitment = new Map<string, string[]>();
  for (const row of chosen.values()) {
    byCommitment.set(row.ogp_id, [...(byCommitment.get(row.ogp_id) ?? []), `${row.indicator}:${row.value ?? row.state}`].sort());
  }
  return byCommitment;
}

const facetRatings = async () => new Map((await sql<{ ogp_id: string; irm_ratings: string[] }>`
  select c.ogp_id, f.irm_ratings from commitment_facets f join commitments c on c.id = f.commitment_id
  where cardinality(f.irm_ratings) > 0`.execute(database.db)).rows.map((r) => [r.ogp_id, [...r.irm_ratings].sort()]));

const keptCount = async (value: string) => (await sql<{ count: number }>`
  select coalesce(sum(count), 0)::int as count from commitment_facet_counts where dimension = 'irm' and value = ${value}`.execute(database.db)).rows[0]!.count;

describe('migration 019: the rating of the latest report that rated an indicator', () => {
  it('no longer lets a later "not reviewed" hide an earlier verdict, for every commitment and indicator', async () => {
    await database.importOgpDataset();
    expect((await facetRatings()).get('GT0045')).toContain('completion:not_reviewed');

    // Through 019 only: 023 keeps the ratings as codes.
    await database.migrateRest(19);
    const ratings = await facetRatings();
    expect(ratings.get('GT0045')).toContain('completion:limited');
    expect(ratings.get('GT0045')).not.toContain('completion:not_reviewed');
    expect(ratings).toEqual(await expectedRatings());
    // The kept counts of the whole list follow.
    const limited = [...ratings.values()].filter((r) => r.includes('completion:limited')).length;
    expect(await keptCount('completion:limited')).toBe(limited);
  });
});
