import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { saveCommitmentRecords } from '../commitments/save-commitment-records.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { OPEN_DATA_TABLES } from '../open-data/open-data-tables.ts';
import { tableRows } from '../open-data/table-rows.queries.ts';

// An import that renames a commitment's lead institution leaves the old record with no commitment (the saver finds
// institutions by name and never deletes one): its old address must keep answering, and no list may offer it.
const kenya = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
const record = (lead: string): CommitmentRecordInput => ({
  member: kenya.member, actionPlan: kenya.actionPlan, ogpId: 'KE0900', sourceLocale: 'en',
  texts: { en: { title: 'Digitise land records' } }, leadInstitutions: [{ name: lead, kind: 'ministry' }],
  supportingInstitutions: [], policyAreas: [], irmReviews: [],
});
const OLD = 'ministry-of-lands';
const NEW = 'ministry-of-lands-and-physical-planning';

let t: TestApp;
const importRecord = (lead: string) =>
  t.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, [record(lead)], { source: 'plan.csv' }));
const get = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res;
};
type Listed = { data: { slug: string; commitmentCounts: { lead: number; supporting: number } }[]; total: number };
const listedSlugs = async () => (await get('/api/v1/institutions?member=kenya&limit=100')).json() as Listed;
const publishedInstitutionIds = async () => {
  const rows: string[] = [];
  for await (const row of tableRows(t.database.db, OPEN_DATA_TABLES.find((table) => table.name === 'institutions')!)) rows.push(String(row[0]));
  return rows;
};
const idOf = async (slug: string) => (await t.database.db.selectFrom('institutions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

let before: { list: Listed; page: string; facetsPage: string };
beforeAll(async () => {
  t = await createTestApp();
  await importRecord('Ministry of Lands');
  // Asked once before the rename, so that each answer is kept (decisions 019, 021) and must not outlive it.
  before = {
    list: await listedSlugs(),
    page: (await get(`/en/members/kenya/institutions/${OLD}`)).body,
    facetsPage: (await get('/en/commitments?all=lead')).body,
  };
  await importRecord('Ministry of Lands and Physical Planning');
});
afterAll(async () => { await t.close(); });

describe('an institution an import left with no commitment', () => {
  it('was listed while it led a commitment', () => {
    expect(before.list.data.map((i) => i.slug)).toContain(OLD);
    expect(before.page).not.toContain('class="notice"');
    expect(before.facetsPage).toContain(`value="kenya:${OLD}"`);
  });

  it('is no longer in the API list or its total; the new name is', async () => {
    const after = await listedSlugs();
    const slugs = after.data.map((i) => i.slug);
    expect(slugs).not.toContain(OLD);
    expect(slugs).toContain(NEW);
    expect(after.total).toBe(before.list.total);
    expect(after.data.every((i) => i.commitmentCounts.lead + i.commitmentCounts.supporting > 0)).toBe(true);
  });

  it('still answers at its API address, with no commitments', async () => {
    const body = (await get(`/api/v1/institutions/kenya/${OLD}`)).json();
    expect(body).toMatchObject({ slug: OLD, name: 'Ministry of Lands', commitmentCounts: { lead: 0, supporting: 0 }, commitments: [] });
  });

  it('keeps its page, which says it has no commitments now and links the history of the one that named it', async () => {
    for (const locale of ['en', 'fr', 'es', 'sw']) {
      const body = (await get(`/${locale}/members/kenya/institutions/${OLD}`)).body;
      expect(body).toContain('<h1>Ministry of Lands</h1>');
      expect(body, locale).toMatch(/<p class="notice">[^<]+<\/p>/);
      expect(body).toContain(`<a href="/${locale}/commitments/KE0900/history">KE0900</a>`);
    }
    expect((await get(`/en/members/kenya/institutions/${OLD}`)).body)
      .toContain('This institution leads and supports no commitment now.');
    // The new name's page is an ordinary one.
    const renamed = (await get(`/en/members/kenya/institutions/${NEW}`)).body;
    expect(renamed).not.toContain('class="notice"');
    expect(renamed).toContain('href="/en/commitments/KE0900"');
  });

  it('is not offered by the lead-institution facet (which counts only commitments that have it)', async () => {
    const body = (await get('/en/commitments?all=lead')).body;
    expect(body).not.toContain(`value="kenya:${OLD}"`);
    expect(body).toContain(`value="kenya:${NEW}"`);
  });

  it('is left out of the open-data package, while institutions that closed rounds name stay', async () => {
    const published = await publishedInstitutionIds();
    expect(published).not.toContain(await idOf(OLD));
    expect(published).toContain(await idOf(NEW));
    expect(published).toContain(await idOf('office-of-the-deputy-president'));
  });

  it('says nothing of a rename on the page of one that never had a commitment (a reviewing organisation)', async () => {
    const kenya = await t.database.db.selectFrom('members').select('id').where('slug', '=', 'kenya').executeTakeFirstOrThrow();
    await t.database.db.insertInto('institutions')
      .values({ member_id: kenya.id, slug: 'mzalendo-trust', name: 'Mzalendo Trust', kind: 'civil_society' }).execute();
    const page = (await get('/en/members/kenya/institutions/mzalendo-trust')).body;
    expect(page).toContain('Mzalendo Trust');
    expect(page).not.toContain('class="notice"');
  });

  it('still answers a 404 for an institution that never existed', async () => {
    expect((await t.app.inject('/en/members/kenya/institutions/ministry-of-magic')).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/institutions/kenya/ministry-of-magic')).statusCode).toBe(404);
  });
});
