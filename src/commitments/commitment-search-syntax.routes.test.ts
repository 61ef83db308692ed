import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { excludedWords } from './commitment-list.queries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importOgpDataset(t.database.db, OGP_DATASET_FILE, { dryRun: false });
});
afterAll(async () => { await t.close(); });

const search = async (q: string, filters = '') => {
  const res = await t.app.inject(`/api/v1/commitments?q=${encodeURIComponent(q)}&limit=100${filters}`);
  expect(res.statusCode, q).toBe(200);
  return res.json() as { total: number; data: { ogpId: string }[] };
};

describe('search words', () => {
  it('a word with a minus excludes every commitment with the word in any of its languages', async () => {
    const all = (await t.app.inject('/api/v1/commitments?limit=1')).json() as { total: number };
    const withOpen = await search('open');
    const withoutOpen = await search('-open');
    // CR0016's English title says "Open"; its Spanish text does not.
    expect((await search('open', '&member=costa-rica')).data.map((c) => c.ogpId)).toContain('CR0016');
    expect((await search('-open', '&member=costa-rica')).data.map((c) => c.ogpId)).not.toContain('CR0016');
    expect(withOpen.total + withoutOpen.total).toBe(all.total);
    // The page, ranked with another filter, reads the matches its own way.
    for (const sort of ['', '&sort=newest']) {
      const page = await t.app.inject(`/en/commitments?q=-open&member=costa-rica${sort}`);
      expect(page.statusCode).toBe(200);
      expect(page.body, sort).not.toContain('/en/commitments/CR0016"');
      expect(page.body, sort).toMatch(/\/en\/commitments\/CR\d{4}"/);
    }
    const openNotData = await search('open -data');
    const openData = await search('open data');
    expect(openNotData.total).toBeLessThan(withOpen.total);
    expect(openNotData.total + openData.total).toBeLessThanOrEqual(withOpen.total);
  });

  it('typographic quotes make a phrase as straight ones do', async () => {
    const straight = await search('"open data"');
    expect(straight.total).toBeGreaterThan(0);
    for (const q of ['“open data”', '«open data»', '« open data »', '„open data“']) {
      expect((await search(q)).total, q).toBe(straight.total);
    }
  });
});

describe('an OGP id as the search words', () => {
  it('finds that commitment, in any case, on the page, in the API and in downloads', async () => {
    for (const q of ['CR0016', 'cr0016']) {
      const found = await search(q);
      expect(found.data.map((c) => c.ogpId), q).toEqual(['CR0016']);
      expect((await t.app.inject(`/es/commitments?q=${q}`)).body).toContain('/es/commitments/CR0016"');
      const download = (await t.app.inject(`/en/commitments/download.json?q=${q}`)).json() as { commitments: { ogp_id: string }[] };
      expect(download.commitments.map((c) => c.ogp_id)).toEqual(['CR0016']);
    }
    expect((await search('CR9999')).total).toBe(0);
  });

  it('is a word among others: alternatives, exclusions and other words apply to it', async () => {
    const all = (await t.app.inject('/api/v1/commitments?limit=1')).json() as { total: number };
    const ids = async (q: string) => (await search(q)).data.map((c) => c.ogpId).sort();
    expect(await ids('CR0016 or KE0031')).toEqual(['CR0016', 'KE0031']);
    expect(await ids('cr0016 KE0031')).toEqual([]);
    const withoutOne = await search('-CR0016');
    expect(withoutOne.total).toBe(all.total - 1);
    expect(withoutOne.data.map((c) => c.ogpId)).not.toContain('CR0016');
    // CR0016's English title says "Open".
    expect(await ids('CR0016 open')).toEqual(['CR0016']);
  });
});

describe('search words without a letter or digit', () => {
  it('search for nothing: the whole list, not an empty one', async () => {
    const all = (await t.app.inject('/api/v1/commitments?limit=1')).json() as { total: number };
    for (const q of ['-', '"', '*', '- "" *']) {
      expect((await search(q)).total, q).toBe(all.total);
      const page = await t.app.inject(`/en/commitments?q=${encodeURIComponent(q)}`);
      expect(page.statusCode, q).toBe(200);
      expect(page.body, q).toContain(`<h2 id="results-heading">${all.total} commitments</h2>`);
    }
  });
});

describe('excludedWords', () => {
  it('reads the minus of a word or a phrase as websearch_to_tsquery does, not one inside a word', () => {
    expect(excludedWords('open -data')).toBe('data');
    expect(excludedWords('-open -"public data" budget')).toBe('open or "public data"');
    expect(excludedWords('-"unclosed phrase')).toBe('"unclosed phrase"');
    expect(excludedWords('e-government open-data')).toBeUndefined();
    expect(excludedWords('- open -""')).toBeUndefined();
  });
});
