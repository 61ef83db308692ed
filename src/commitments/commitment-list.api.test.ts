import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveApiTestCommitments } from '../../test/helpers/api-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveApiTestCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

type Page = { data: { ogpId: string; title: string; titleLocale: string }[]; nextCursor: string | null; total?: number };

async function page(query: string): Promise<Page> {
  const res = await t.app.inject(`/api/v1/commitments?${query}`);
  expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
  return res.json();
}

/** Follows nextCursor from the first page to the last, one commitment a page. */
async function walk(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const body: Page = await page(`${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(body.data.length).toBeLessThanOrEqual(1);
    ids.push(...body.data.map((c) => c.ogpId));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('more than 50 pages');
}

const htmlIds = (body: string) => [...body.matchAll(/href="\/[a-z]{2}\/commitments\/([A-Z]{2,4}\d{4})"/g)].map((m) => m[1]);

describe('GET /api/v1/commitments', () => {
  it('answers a page of summaries with the total, titles in the language asked for', async () => {
    const body = await page('sort=id&limit=3&locale=fr');
    expect(body.total).toBe(8);
    expect(body.data.map((c) => c.ogpId)).toEqual(['KE0024', 'KE0025', 'KE0027']);
    expect(body.nextCursor).toEqual(expect.any(String));
    const ke0031 = (await page('sort=id&plan=kenya:4&locale=fr')).data.find((c) => c.ogpId === 'KE0031');
    expect(ke0031).toMatchObject({ titleLocale: 'fr', title: expect.stringContaining('Renforcer') });
  });

  it.each([
    ['sort=newest', ['KE0024', 'KE0025', 'KE0027', 'KE0031', 'TZ0001', 'TZ0002', 'UG0002', 'UG0001']],
    ['sort=oldest', ['UG0001', 'TZ0001', 'TZ0002', 'UG0002', 'KE0024', 'KE0025', 'KE0027', 'KE0031']],
    ['sort=id', ['KE0024', 'KE0025', 'KE0027', 'KE0031', 'TZ0001', 'TZ0002', 'UG0001', 'UG0002']],
  ])('walks every commitment once, in order, with limit=1 (%s)', async (query, expected) => {
    expect(await walk(query)).toEqual(expected);
    expect((await page(`${query}&limit=100`)).data.map((c) => c.ogpId)).toEqual(expected);
  });

  it.each(['q=budget', 'q=open', 'q=open&sort=oldest'])('walks a search once, in rank order, ties by OGP id (%s)', async (query) => {
    const all = await page(`${query}&limit=100`);
    expect(all.data.length).toBeGreaterThan(1);
    const walked = await walk(query);
    expect(walked).toEqual(all.data.map((c) => c.ogpId));
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.length).toBe(all.total);
  });

  it('ranks equal matches by OGP id', async () => {
    // TZ0001 and TZ0002 have the same words; UG0002's milestones mention the budget too, which ranks it first.
    expect((await page('q=budget&limit=100')).data.map((c) => c.ogpId)).toEqual(['UG0002', 'TZ0001', 'TZ0002']);
    const walked = await walk('q=budget');
    expect(walked).toEqual(['UG0002', 'TZ0001', 'TZ0002']);
  });

  it.each([
    'member=uganda', 'kind=local', 'area=public-participation&area=fiscal-openness', 'irm=completion:limited',
    'plan=kenya:4&milestone=ongoing', 'lead=uganda:ministry-of-finance', 'to=2015', 'from=2017', 'milestone=new',
    'q=budget', 'q=open&sort=oldest', 'member=kenya&member=tarime&sort=id', 'q=&from=&sort=',
  ])('gives the ids of the list page for the same query string (%s)', async (query) => {
    const html = await t.app.inject(`/en/commitments?${query}`);
    expect(html.statusCode).toBe(200);
    expect((await page(`${query}&limit=100`)).data.map((c) => c.ogpId)).toEqual(htmlIds(html.body));
  });

  it.each([
    ['irm=bogus', 'irm'], ['from=2020&to=2012', 'from'], ['kind=planet', 'kind'], ['sort=random', 'sort'],
    ['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=two', 'limit'], ['locale=de', 'locale'], ['cursor=not-a-cursor', 'cursor'],
    ['member=Not%20A%20Slug', 'member'],
  ])('answers %s with 400 invalid_input naming %s', async (query, field) => {
    const res = await t.app.inject(`/api/v1/commitments?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBeUndefined();
    const body = res.json();
    expect(body).toEqual({ error: { code: 'invalid_input', message: expect.stringMatching(new RegExp(`^${field}`)), field } });
  });

  it('refuses a cursor made for other filters', async () => {
    const { nextCursor } = await page('member=kenya&limit=1');
    const res = await t.app.inject(`/api/v1/commitments?member=uganda&cursor=${nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    // The page size and the language may change from one page to the next.
    expect((await t.app.inject(`/api/v1/commitments?member=kenya&limit=2&locale=sw&cursor=${nextCursor}`)).statusCode).toBe(200);
  });

  it('gives every page of a filter state its total, counted again after a write to public data', async () => {
    const word = 'zanzibarquux';
    expect((await page(`q=${word}&limit=1`)).total).toBe(0);
    await sql`update commitment_texts set title = title || ${` ${word}`}
      where locale = 'en' and commitment_id = (select id from commitments where ogp_id = 'KE0031')`.execute(t.database.db);
    const first = await page(`q=${word}&limit=1`);
    expect(first).toMatchObject({ total: 1, data: [{ ogpId: 'KE0031' }] });
    expect((await page(`q=${word}&limit=2&sort=id`)).total).toBe(1);
  });
});
