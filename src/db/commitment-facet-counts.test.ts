import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../../test/helpers/database-before-migration.ts';
import { listMigrations } from './migrate.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { CommitmentFiltersSchema } from '../commitments/commitment-filters.ts';
import { findCommitmentListPage } from '../commitments/commitment-list-page.queries.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';

// The whole list's kept counts (migration 009) lost their unused 'years' rows in migration 013. A database migrated up
// to 012 is filled by an import, then migrated: the list's facets must not change, and stay right after later writes.
const database = databaseBeforeMigration(13);

const keptDimensions = async () =>
  (await database.db.selectFrom('commitment_facet_counts').select('dimension').distinct().orderBy('dimension').execute()).map((r) => r.dimension);

/** The kept counts above zero but the IRM ones, which migration 019 changes (the latest verdict) and 023 codes. */
const keptButIrm = async () => (await sql<{ dimension: string; value: string; count: number }>`
  select dimension, value, count from commitment_facet_counts where count > 0 and dimension <> 'irm' order by 1, 2`.execute(database.db)).rows;

/** The first page of the list without filters: its facets come from the kept counts. */
const wholeList = () => findCommitmentListPage(database.db, CommitmentFiltersSchema.parse({}), 'en', { offset: 0, limit: 20 });

/** The same list counted from commitment_facets: every plan ends in 2011 or later, so `from=2011` keeps all. */
const countedList = () => findCommitmentListPage(database.db, CommitmentFiltersSchema.parse({ from: 2011 }), 'en', { offset: 0, limit: 20 });

/** The kept counts above zero, and the same counted afresh from every commitment's facets. */
async function keptAndRecounted() {
  const kept = await sql<{ dimension: string; value: string; count: number }>`
    select dimension, value, count from commitment_facet_counts where count > 0 order by 1, 2`.execute(database.db);
  const recounted = await sql<{ dimension: string; value: string; count: number }>`
    select v.dimension, v.value, count(*)::int as count
    from commitment_facets f, commitment_facet_values(f.member_id, f.member_kind, f.plan_start_year, f.policy_areas,
      f.lead_institutions, f.irm_ratings, f.milestone_statuses) v
    group by 1, 2 order by 1, 2`.execute(database.db);
  return { kept: kept.rows, recounted: recounted.rows };
}

describe('the kept facet counts of the whole list', () => {
  it('lose their years rows in migration 013, and the facets of the list without filters stay the same', async () => {
    await database.importOgpDataset();
    const dimensions = await keptDimensions();
    expect(dimensions).toContain('years');
    // Read in SQL: the list's queries need the latest migrations.
    const before = await keptButIrm();

    expect((await database.migrateRest()).map((m) => m.version)).toEqual(listMigrations().map((m) => m.version).filter((v) => v >= 13));
    expect(await keptDimensions()).toEqual(dimensions.filter((d) => d !== 'years'));
    expect(await keptButIrm()).toEqual(before.filter((r) => r.dimension !== 'years'));
    const after = await wholeList();
    expect(after.total).toBe(442);
    expect(after.facets.year.length).toBeGreaterThan(3);
    expect(after.facets).toEqual((await countedList()).facets);
  });

  it('keep no years through later imports and edits, and still agree with the table', async () => {
    await importOgpDataset(database.db, OGP_DATASET_FILE, { dryRun: false });
    // Moves the national members' commitments to another kind: the refresh subtracts the old values, adds the new.
    const moved = await database.db.updateTable('members').set({ kind: 'other' }).where('kind', '=', 'national').executeTakeFirstOrThrow();
    expect(Number(moved.numUpdatedRows)).toBeGreaterThan(0);
    expect(await keptDimensions()).not.toContain('years');
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
    const list = await wholeList();
    expect(list.facets).toEqual((await countedList()).facets);
    expect(list.facets.kind.map((k) => k.value)).toContain('other');
    expect(list.facets.kind.map((k) => k.value)).not.toContain('national');
  });
});
