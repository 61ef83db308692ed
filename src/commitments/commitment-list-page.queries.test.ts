import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { generateRecords } from '../generate/data-set.ts';
import { saveDataSet } from '../generate/save-data-set.ts';
import { CommitmentFiltersSchema, type CommitmentFilters } from './commitment-filters.ts';
import { countCommitments, findCommitmentPage } from './commitment-list.queries.ts';
import { findCommitmentListPage, type Facets } from './commitment-list-page.queries.ts';

// The page's one statement (decision 019) against the API's separate queries and plain counts, on a generated set.
const options = { commitments: 240, members: 12, seed: 'list-page' };
const records = [...generateRecords(options)];
const member = records[0]!.member.slug;
const area = records[0]!.policyAreas[0]!;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await saveDataSet(database.db, options, { batchSize: 100 });
});
afterAll(async () => { await database.drop(); });

const STATES: Record<string, unknown>[] = [
  {}, { member }, { area }, { member, area }, { q: 'public procurement' }, { q: 'public procurement', area: 'open-contracting' },
  { kind: 'local', milestone: 'ongoing' }, { irm: 'completion:limited', sort: 'oldest' },
  { irm: ['completion:limited', 'completion:substantial', 'potential_for_results:modest'], member },
  { q: 'public', irm: ['completion:limited', 'potential_for_results:modest'] }, { from: 2016, to: 2019, sort: 'id' }, { sort: 'oldest' }, { q: 'public', sort: 'newest' }, { q: 'public', sort: 'id' }, { q: 'public', kind: 'national' },
];

/**
 * The filters with one dimension's values replaced by `value`: what a facet value's count must equal. An IRM value
 * replaces the values picked of its indicator only: each indicator is a filter of its own.
 */
function narrowed(filters: CommitmentFilters, dimension: keyof Facets, value: string): CommitmentFilters {
  if (dimension === 'year') return { ...filters, from: Number(value), to: Number(value) };
  if (dimension === 'irm') {
    const indicator = (v: string) => v.split(':')[0];
    return { ...filters, irm: [...filters.irm.filter((v) => indicator(v) !== indicator(value)), value] };
  }
  return { ...filters, [dimension]: [value] };
}

describe('the list page statement', () => {
  it.each(STATES.flatMap((state) => [0, 20, 230].map((offset) => ({ state, offset }))))(
    'gives the same page and count as the API queries: %j', async ({ state, offset }) => {
      const filters = CommitmentFiltersSchema.parse(state);
      const page = await findCommitmentListPage(database.db, filters, 'en', { offset, limit: 20 });
      expect(page.hits).toEqual(await findCommitmentPage(database.db, filters, { offset }, 20));
      expect(page.total).toBe(await countCommitments(database.db, filters));
      // With its count and facets kept (decision 020), the statement makes the same page's ids alone.
      const kept = { total: page.total, facets: page.facets };
      const idsOnly = await findCommitmentListPage(database.db, filters, 'en', { offset, limit: 20 }, Promise.resolve(kept));
      expect(idsOnly).toEqual({ hits: page.hits, ...kept });
      if (offset === 0) expect(page.total).toBeGreaterThan(0);
    });

  // The years facet counts plans per (start, end) pair before spreading them over their years: every year, not only the
  // first ones, must still count what `from=Y&to=Y` lists, and no year with commitments may be left out.
  it.each([{}, { member }, { q: 'public procurement' }, { from: 2016, to: 2019 }, { q: 'public', kind: 'national', to: 2018 }])(
    'counts every year a plan of the list runs in, as from=Y&to=Y lists them: %j', async (state) => {
      const filters = CommitmentFiltersSchema.parse(state);
      const { facets } = await findCommitmentListPage(database.db, filters, 'en', { offset: 0, limit: 20 });
      const listed = new Map<string, number>();
      for (let year = 2000; year <= 2040; year++) {
        const count = await countCommitments(database.db, narrowed(filters, 'year', String(year)));
        if (count > 0) listed.set(String(year), count);
      }
      expect(listed.size).toBeGreaterThan(3);
      expect(new Map(facets.year.map((y) => [y.value, y.count]))).toEqual(listed);
      expect(facets.year.map((y) => Number(y.value))).toEqual([...listed.keys()].map(Number).sort((a, b) => b - a));
    });

  it.each(STATES)('counts beside each filter what picking it alone would list: %j', async (state) => {
    const filters = CommitmentFiltersSchema.parse(state);
    const { facets } = await findCommitmentListPage(database.db, filters, 'en', { offset: 0, limit: 20 });
    for (const dimension of ['member', 'kind', 'area', 'lead', 'irm', 'milestone', 'year'] as const) {
      expect(facets[dimension].length, dimension).toBeGreaterThan(0);
      // Every IRM value: the indicators with picks and those without are counted apart.
      for (const { value, count } of facets[dimension].slice(0, dimension === 'irm' ? undefined : 4)) {
        expect(count, `${dimension} ${value}`).toBe(await countCommitments(database.db, narrowed(filters, dimension, value)));
      }
    }
  });
});
