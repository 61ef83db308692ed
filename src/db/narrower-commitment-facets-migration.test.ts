import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../../test/helpers/database-before-migration.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { IRM_INDICATORS } from '../irm/indicators.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';

// Migration 023 copies the OGP id into commitment_facets and keeps its IRM ratings as codes. A database migrated up to
// 022 is filled by an import, then migrated: every facets row and the whole list's kept counts must say what they
// said, and the refresh must keep them right for later writes.
const database = databaseBeforeMigration(23);

type Facets = { ogp_id: string; member_id: string; member_kind: string; action_plan_id: string; plan_start_year: number;
  plan_end_year: number; policy_areas: string[]; lead_institutions: string[]; irm_ratings: string[]; milestone_statuses: string[] };

/** Every commitment's facets, its ratings named: before 023 as stored, after it through `irm_ratings_named`. */
const facetsRows = async (ratings: 'stored' | 'named') => (await sql<Facets>`
  select c.ogp_id, f.member_id, f.member_kind, f.action_plan_id, f.plan_start_year, f.plan_end_year, f.policy_areas,
    f.lead_institutions, ${ratings === 'stored' ? sql`f.irm_ratings` : sql`irm_ratings_named(f.irm_ratings)`} as irm_ratings,
    f.milestone_statuses
  from commitment_facets f join commitments c on c.id = f.commitment_id order by c.ogp_id`.execute(database.db)).rows
  .map((r) => ({ ...r, irm_ratings: [...r.irm_ratings].sort() }));

/** The kept counts above zero, the IRM ones by rating: before 023 as stored, after it by code. */
const keptCounts = async (irm: 'stored' | 'coded') => (await sql<{ dimension: string; value: string; count: number }>`
  select k.dimension, ${irm === 'coded' ? sql`coalesce(r.rating, k.value)` : sql`k.value`} as value, k.count
  from commitment_facet_counts k
  ${irm === 'coded' ? sql`left join irm_rating_codes r on k.dimension = 'irm' and r.code::text = k.value` : sql``}
  where k.count > 0 order by 1, 2`.execute(database.db)).rows;

/** The kept counts counted afresh from every commitment's facets, IRM ones by rating. */
const recounted = async () => (await sql<{ dimension: string; value: string; count: number }>`
  select v.dimension, coalesce(r.rating, v.value) as value, count(*)::int as count
  from commitment_facets f cross join commitment_facet_values(f.member_id, f.member_kind, f.plan_start_year,
    f.policy_areas, f.lead_institutions, f.irm_ratings, f.milestone_statuses) v
  left join irm_rating_codes r on v.dimension = 'irm' and r.code::text = v.value
  group by 1, 2 order by 1, 2`.execute(database.db)).rows;

const facetsOf = async (ogpId: string) => (await facetsRows('named')).find((r) => r.ogp_id === ogpId);

describe('migration 023: the OGP id in the facets, IRM ratings as codes', () => {
  it('keeps every facets row and kept count of an earlier import, with the OGP id beside them', async () => {
    await database.importOgpDataset();
    const before = await facetsRows('stored');
    const keptBefore = await keptCounts('stored');
    expect(before.length).toBe(442);
    expect(before.filter((r) => r.irm_ratings.length > 0).length).toBeGreaterThan(300);

    expect((await database.migrateRest(23)).map((m) => m.version)).toEqual([23]);
    expect(await facetsRows('named')).toEqual(before);
    const mismatched = await sql<{ n: number }>`select count(*)::int as n from commitment_facets f join commitments c on c.id = f.commitment_id
      where f.ogp_id is distinct from c.ogp_id`.execute(database.db);
    expect(mismatched.rows[0]!.n).toBe(0);
    expect(await keptCounts('coded')).toEqual(keptBefore);
    expect(await recounted()).toEqual(keptBefore);
  });

  it('refreshes the OGP id and the ratings after later writes, coding a rating seen for the first time', async () => {
    await sql`update commitments set ogp_id = 'AL9063' where ogp_id = 'AL0063'`.execute(database.db);
    expect((await facetsOf('AL9063'))?.ogp_id).toBe('AL9063');

    const coded = (await database.db.selectFrom('irm_rating_codes').select('rating').execute()).map((c) => c.rating);
    const [indicator, unseen] = Object.entries(IRM_INDICATORS).flatMap(([i, values]) => values.map((v) => [i, v] as const))
      .find(([i, v]) => !coded.includes(`${i}:${v}`))!;
    const rated = (await facetsRows('named')).find((r) => r.irm_ratings.some((rating) => rating.startsWith(`${indicator}:`)))!;
    // One statement, its own transaction, as a command writes: its facets are refreshed at commit.
    await sql`update irm_ratings r set state = 'assessed', value = ${unseen} from irm_reviews ir join commitments c on c.id = ir.commitment_id
      where r.irm_review_id = ir.id and c.ogp_id = ${rated.ogp_id} and r.indicator = ${indicator}`.execute(database.db);
    const after = (await facetsOf(rated.ogp_id))!;
    expect(after.irm_ratings.filter((rating) => rating.startsWith(`${indicator}:`))).toEqual([`${indicator}:${unseen}`]);
    expect(after.irm_ratings.filter((rating) => !rating.startsWith(`${indicator}:`)))
      .toEqual(rated.irm_ratings.filter((rating) => !rating.startsWith(`${indicator}:`)));
    const found = await sql<{ ogp_id: string }>`select f.ogp_id from commitment_facets f
      where f.irm_ratings && irm_rating_codes_of(array[${`${indicator}:${unseen}`}])`.execute(database.db);
    expect(found.rows.map((r) => r.ogp_id)).toEqual([rated.ogp_id]);

    // Today's importer needs today's schema.
    await database.migrateRest();
    await importOgpDataset(database.db, OGP_DATASET_FILE, { dryRun: false });
    expect(await keptCounts('coded')).toEqual(await recounted());
  });
});
