import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { buildServer } from '../server.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const TITLE = 'Build institutional support for OGP (kept-response test)';
const INSTITUTION = 'Office of the Deputy President (kept-response test)';

/** Retitles KE0031 in English and renames its lead institution, in one transaction; `restore` puts both back. */
async function changePublicData(): Promise<{ restore: () => Promise<void> }> {
  const db = t.database.db;
  const before = (await sql<{ title: string; name: string }>`
    select t.title, i.name from commitment_texts t, institutions i
    where t.locale = 'en' and t.commitment_id = (select id from commitments where ogp_id = 'KE0031')
      and i.slug = 'office-of-the-deputy-president'`.execute(db)).rows[0]!;
  const set = (title: string, name: string) => db.transaction().execute(async (trx) => {
    await sql`update commitment_texts set title = ${title}
      where locale = 'en' and commitment_id = (select id from commitments where ogp_id = 'KE0031')`.execute(trx);
    await sql`update institutions set name = ${name}, updated_at = clock_timestamp()
      where slug = 'office-of-the-deputy-president'`.execute(trx);
  });
  await set(TITLE, INSTITUTION);
  return { restore: () => set(before.title, before.name) };
}

const URLS = [
  '/api/v1/commitments/KE0031',
  '/api/v1/commitments?member=kenya&sort=id',
  '/api/v1/institutions/kenya/office-of-the-deputy-president',
];

describe('API responses kept per public data version (decision 021)', () => {
  it.each(URLS)('%s shows a write to public data at once, with a new ETag', async (url) => {
    const before = await t.app.inject(url);
    await t.app.inject(url); // now kept
    const change = await changePublicData();
    try {
      const after = await t.app.inject({ url, headers: { 'if-none-match': String(before.headers.etag) } });
      expect(after.statusCode).toBe(200);
      expect(after.body).toMatch(new RegExp(`${TITLE.replace(/[()]/g, '\\$&')}|${INSTITUTION.replace(/[()]/g, '\\$&')}`));
      expect(after.headers.etag).not.toBe(before.headers.etag);
    } finally {
      await change.restore();
    }
  });

  it.each(URLS)('%s is answered from the kept response within the freshness window', async (url) => {
    // Built as `serve` builds it: the data version read less than a minute ago is trusted for the API's callers.
    const app = await buildServer({ db: t.database.db }, { pageFreshnessMs: 60_000 });
    const change = { restore: async () => {} };
    try {
      const first = await app.inject(url);
      Object.assign(change, await changePublicData());
      const kept = await app.inject(url);
      expect(kept.statusCode).toBe(200);
      expect(kept.body).toBe(first.body);
      expect(kept.body).not.toContain('kept-response test');
      expect(kept.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(kept.headers.etag).toBe(first.headers.etag);
      // The app without the window reads the version each time, and so reads the write.
      expect((await t.app.inject(url)).body).toContain('kept-response test');
    } finally {
      await app.close();
      await change.restore();
    }
  });

  it('keeps each URL apart: another page, language or filter is its own response', async () => {
    const english = await t.app.inject('/api/v1/policy-areas/open-contracting');
    const french = await t.app.inject('/api/v1/policy-areas/open-contracting?locale=fr');
    expect(english.json().label).not.toBe(french.json().label);
    expect((await t.app.inject('/api/v1/policy-areas/open-contracting')).body).toBe(english.body);
    const bad = await t.app.inject('/api/v1/commitments?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('limit');
  });
});
