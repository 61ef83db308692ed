import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { saveDataSet } from '../generate/save-data-set.ts';
import { buildServer } from '../http/server.ts';
import { CommitmentFiltersSchema, filterLinks, filtersToQuery } from './commitment-filters.ts';

// Decision 020: the count and facets of a filter state are kept per data version and shared by its pages and sorts;
// a search's first ten pages in each sort are kept as their ids.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await saveDataSet(t.database.db, { commitments: 300, members: 16, seed: 'kept-counts' }, { batchSize: 300 });
});
afterAll(async () => { await t.close(); });
afterEach(() => { vi.useRealTimers(); });

/** What a page counts: the number of results, then every facet value shown with its label and count. */
function countsOf(body: string): string[] {
  const total = /<h2 id="results-heading">([^<]+)<\/h2>/.exec(body)?.[1];
  const facets = [...body.matchAll(/name="(\w+)" value="([^"]+)"[^>]*\/> <label for="[\w-]+"><span>([^<]*)<\/span> <span class="count">\((\d+)\)/g)]
    .map(([, name, value, label, count]) => `${name}=${value} ${label} (${count})`);
  const years = [...body.matchAll(/from=(\d{4})&(?:amp;)?to=\1(?:&[^"]*)?">[^<]*\((\d+)\)</g)].map(([, year, count]) => `year=${year} (${count})`);
  expect(total).toBeDefined();
  expect(facets.length).toBeGreaterThan(10);
  return [total!, ...facets, ...years];
}

const countOf = (counts: string[], prefix: string) => Number(/\((\d+)\)$/.exec(counts.find((c) => c.startsWith(prefix))!)![1]);

/** A national commitment's first policy area: taking it away is a public write that changes the area's count. */
async function nationalArea(): Promise<{ commitmentId: string; area: string }> {
  const row = await sql<{ commitment_id: string; policy_area_key: string }>`
    select pa.commitment_id, pa.policy_area_key from commitment_policy_areas pa
    join commitment_facets f on f.commitment_id = pa.commitment_id where f.member_kind = 'national'
    order by pa.commitment_id, pa.policy_area_key limit 1`.execute(t.database.db);
  return { commitmentId: row.rows[0]!.commitment_id, area: row.rows[0]!.policy_area_key };
}
const removeArea = ({ commitmentId, area }: { commitmentId: string; area: string }) =>
  sql`delete from commitment_policy_areas where commitment_id = ${commitmentId} and policy_area_key = ${area}`.execute(t.database.db);
const restoreArea = ({ commitmentId, area }: { commitmentId: string; area: string }) =>
  sql`insert into commitment_policy_areas (commitment_id, policy_area_key) values (${commitmentId}, ${area}) on conflict do nothing`.execute(t.database.db);

describe('counts kept per filter state', () => {
  it('are the same on every page and in every sort of one filter state, and as counted afresh', async () => {
    const first = countsOf((await t.app.inject('/en/commitments?kind=national')).body);
    expect(Number.parseInt(first[0]!, 10)).toBeGreaterThan(40);
    for (const url of ['/en/commitments?kind=national&page=2', '/en/commitments?kind=national&sort=oldest&page=3', '/en/commitments?kind=national&sort=id']) {
      expect(countsOf((await t.app.inject(url)).body), url).toEqual(first);
    }
    const fresh = await buildServer({ db: t.database.db });
    try {
      expect(countsOf((await fresh.inject('/en/commitments?kind=national&sort=oldest&page=2')).body)).toEqual(first);
    } finally {
      await fresh.close();
    }
  });

  it('are never shared by two filter states or two languages', async () => {
    const { area } = await nationalArea();
    const urls = [
      '/en/commitments?kind=national', `/en/commitments?kind=national&area=${area}`, '/en/commitments?kind=local',
      '/fr/commitments?kind=national', '/en/commitments?q=public', '/en/commitments?q=public&kind=national', '/en/commitments',
    ];
    // Each state asked for after all the others, on one app, against an app that keeps nothing yet for it.
    const seen = new Map<string, string[]>();
    for (const url of [...urls, ...urls.map((u) => `${u}${u.includes('?') ? '&' : '?'}page=2`)]) {
      const counts = countsOf((await t.app.inject(url)).body);
      const fresh = await buildServer({ db: t.database.db });
      try {
        expect(counts, url).toEqual(countsOf((await fresh.inject(url)).body));
      } finally {
        await fresh.close();
      }
      seen.set(url.replace(/[?&]page=2$/, ''), counts);
    }
    expect(new Set([...seen.values()].map((c) => c.join('\n'))).size).toBe(urls.length);
  });

  it('change at once for a signed-in person after a public write, and for anonymous visitors after the freshness window', async () => {
    const app = await buildServer({ db: t.database.db }, { pageFreshnessMs: 60_000 });
    const changed = await nationalArea();
    const areaCount = async (url: string, get: (url: string) => Promise<{ body: string }> = (u) => app.inject(u)) =>
      countOf(countsOf((await get(url)).body), `area=${changed.area} `);
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const before = await areaCount('/en/commitments?kind=national');
      await removeArea(changed);
      // A page not made before, within the window: anonymous visitors get the counts kept for the version they read.
      expect(await areaCount('/en/commitments?kind=national&page=2')).toBe(before);
      const person = await signedIn(app, await createAccount(t.database.db, { role: 'civil_society_reviewer', name: 'Reader' }));
      expect(await areaCount('/en/commitments?kind=national&page=3', (u) => person.get(u))).toBe(before - 1);
      expect(await areaCount('/en/commitments?kind=national', (u) => person.get(u))).toBe(before - 1);
      vi.setSystemTime(Date.now() + 61_000);
      expect(await areaCount('/en/commitments?kind=national&page=4')).toBe(before - 1);
      expect(await areaCount('/en/commitments?kind=national&sort=oldest')).toBe(before - 1);
    } finally {
      await restoreArea(changed);
      await app.close();
    }
  });
});

/**
 * Every link of the filters panel (each facet's "all" or "fewer", each year) as the page's own filters make it: the
 * panel is kept per filter state with a stand-in for the sort, which each page replaces with its own.
 */
function expectPanelLinks(url: string, body: string): void {
  const address = new URL(url, 'http://ahadi.test');
  const filters = CommitmentFiltersSchema.parse(Object.fromEntries(address.searchParams));
  const expanded = address.searchParams.get('all');
  const toggles = [...body.matchAll(/href="([^"]*)#facet-(\w+)"/g)];
  const years = [...body.matchAll(/href="([^"]*[?&]from=(\d{4})&to=\2\b[^"]*)"/g)];
  expect(toggles.length + years.length, url).toBeGreaterThan(4);
  for (const [, href, name] of toggles) {
    expect(href, url).toBe(`${address.pathname}${filtersToQuery(filters, { all: expanded === name ? undefined : name })}`);
  }
  for (const [, href, year] of years) {
    expect(href, url).toBe(`${address.pathname}${filterLinks(filters)({}, { from: Number(year), to: Number(year) })}`);
  }
  expect(body, url).not.toContain('%00');
}

describe('the filters panel kept per filter state', () => {
  it('links each page in its own sort, and is made into it as by a server keeping nothing', async () => {
    // In turn on one app, so that each page after a state's first is made from its kept panel. Its links carry the
    // sort or none, after other parameters or alone (`/en/commitments?all=member` collapses to
    // `/en/commitments#facet-member`, `/en/commitments` shows all members at `/en/commitments?all=member#facet-member`).
    const urls = ['/en/commitments?kind=national&sort=oldest', '/en/commitments?kind=national', '/en/commitments?kind=national&sort=id&page=2',
      '/en/commitments?sort=id&all=member', '/en/commitments?all=member', '/en/commitments?all=member&sort=newest', '/en/commitments?sort=oldest',
      '/en/commitments', '/sw/commitments?q=public&from=2015&to=2030&sort=relevance&all=irm',
      '/sw/commitments?q=public&from=2015&to=2030&all=irm&page=3', '/sw/commitments?q=public&from=2015&to=2030&sort=id&all=irm'];
    for (const url of urls) {
      const kept = (await t.app.inject(url)).body;
      expectPanelLinks(url, kept);
      const fresh = await buildServer({ db: t.database.db });
      try {
        expect(kept, url).toBe((await fresh.inject(url)).body);
      } finally {
        await fresh.close();
      }
    }
  });
});

/** The OGP ids a list page shows, in order. */
const listed = (body: string) => [...body.matchAll(/href="\/[a-z]{2}\/commitments\/([A-Z]{2,4}\d{4})"/g)].map((m) => m[1]!);

/** Every OGP id of a search in one sort, as the API's cursor pages give them: statements of their own. */
async function apiOrder(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await t.app.inject(`/api/v1/commitments?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const page = response.json() as { data: { ogpId: string }[]; nextCursor: string | null };
    ids.push(...page.data.map((c) => c.ogpId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("a search's first pages kept per sort", () => {
  it('list each sort as the API orders it, on the kept pages and past them', async () => {
    for (const sort of ['relevance', 'oldest', 'id']) {
      const query = `q=public&sort=${sort}`;
      const order = await apiOrder(query);
      expect(order.length, 'more matches than the ten kept pages').toBeGreaterThan(220);
      // Page 3 first (it keeps the first ten), then page 1 from what it kept, then page 11, past them.
      for (const page of [3, 1, 10, 11, 12]) {
        const shown = listed((await t.app.inject(`/fr/commitments?${query}&page=${page}`)).body);
        expect(shown, `${query} page ${page}`).toEqual(order.slice((page - 1) * 20, page * 20));
      }
    }
  });

  it('are read again after a public write', async () => {
    const app = await buildServer({ db: t.database.db }, { pageFreshnessMs: 0 });
    try {
      const before = listed((await app.inject('/en/commitments?q=public&page=2')).body);
      const dropped = before[0]!;
      await sql`update commitment_texts set title = 'Renamed', description = null, objectives = null, status_quo = null, ambition = null, full_text = null
        where commitment_id = (select id from commitments where ogp_id = ${dropped})`.execute(t.database.db);
      await sql`update milestone_texts set text = 'Step' where milestone_id in (
        select m.id from milestones m join commitments c on c.id = m.commitment_id where c.ogp_id = ${dropped})`.execute(t.database.db);
      // Another sort first, which makes the new version's counts: the page below then needs only its order.
      await app.inject('/en/commitments?q=public&sort=oldest');
      const after = listed((await app.inject('/en/commitments?q=public&page=2')).body);
      expect(after).not.toContain(dropped);
      expect(after).toEqual((await apiOrder('q=public&sort=relevance')).slice(20, 40));
    } finally {
      await app.close();
    }
  });
});
