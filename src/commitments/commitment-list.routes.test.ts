import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveCommitmentRecord } from './save-commitment-record.ts';
import { demoCommitments } from '../demo/demo-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A second member, so that member filters and facet counts have something to tell apart.
  const base = demoCommitments.find((c) => c.ogpId === 'KE0024')!;
  await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, {
    ...base, ogpId: 'UG0001', numberInPlan: 1, actionPlan: { number: 1, submissionYear: 2012, startYear: 2012, endYear: 2014 },
    member: { name: 'Uganda', kind: 'national', ogpPrefix: 'UG', isoAlpha2: 'UG', code: 'UGA', slug: 'uganda' },
    texts: { es: { title: 'Participación ciudadana en los presupuestos', description: 'Audiencias públicas sobre el presupuesto municipal <script>alert(1)</script>' } },
    sourceLocale: 'es', policyAreas: ['public-participation'],
    leadInstitutions: [{ name: 'Ministry of Finance', kind: 'ministry' }],
  }));
});
afterAll(async () => { await t.close(); });

const ids = (body: string) => [...body.matchAll(/href="\/[a-z]{2}\/commitments\/([A-Z]{2,4}\d{4})"/g)].map((m) => m[1]);

describe('GET /{locale}/commitments', () => {
  it('lists every commitment, newest plans first, with facet counts', async () => {
    const res = await t.app.inject('/en/commitments');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('5 commitments');
    expect(ids(res.body).at(-1)).toBe('UG0001');
    expect(res.body).toMatch(/value="kenya"[^>]*\/> <label for="member-\d+"><span>Kenya<\/span> <span class="count">\(4\)/);
  });

  it('filters by member, policy area and IRM rating, and counts the other members beside the filter', async () => {
    const res = await t.app.inject('/en/commitments?member=uganda');
    expect(ids(res.body)).toEqual(['UG0001']);
    expect(res.body).toMatch(/value="kenya"[^>]*\/> <label[^>]*><span>Kenya<\/span> <span class="count">\(4\)/);
    expect(ids((await t.app.inject('/en/commitments?area=public-participation&area=open-contracting')).body).sort())
      .toEqual(['KE0024', 'KE0027', 'KE0031', 'UG0001']);
    expect(ids((await t.app.inject('/en/commitments?irm=completion:limited')).body)).toEqual(['KE0031']);
    expect(ids((await t.app.inject('/en/commitments?kind=local')).body)).toEqual([]);
    expect(ids((await t.app.inject('/en/commitments?plan=kenya:4&milestone=ongoing')).body)).toEqual(['KE0031']);
    expect(ids((await t.app.inject('/en/commitments?lead=uganda:ministry-of-finance')).body)).toEqual(['UG0001']);
    expect(ids((await t.app.inject('/en/commitments?to=2015')).body)).toEqual(['UG0001']);
  });

  it('searches in the language of each text, accents folded, with escaped highlighted snippets', async () => {
    const res = await t.app.inject('/fr/commitments?q=participacion%20ciudadana');
    expect(ids(res.body)).toEqual(['UG0001']);
    const hostile = await t.app.inject('/fr/commitments?q=presupuesto');
    expect(hostile.body).toContain('<mark>presupuesto</mark>');
    expect(hostile.body).not.toContain('<script>alert');
    expect(ids((await t.app.inject('/en/commitments?q=milestone%20guidance%20note')).body)).toEqual([]);
    expect(ids((await t.app.inject('/en/commitments?q=guidance%20note')).body)).toEqual(['KE0031']);
  });

  it('takes empty form fields as no filter, as a browser sends them', async () => {
    const res = await t.app.inject('/en/commitments?q=&from=&to=&sort=&area=capacity-building');
    expect(res.statusCode).toBe(200);
    expect(ids(res.body)).toEqual(['KE0031']);
  });

  it('pages with stable links that keep every filter', async () => {
    const res = await t.app.inject('/en/commitments?sort=id&area=public-participation');
    expect(res.body).not.toContain('rel="next"');
    const page2 = await t.app.inject('/en/commitments?sort=id&page=2');
    expect(page2.statusCode).toBe(200);
    expect(ids(page2.body)).toEqual([]);
  });

  it('answers a bad filter with a 400 page naming it', async () => {
    for (const [query, field] of [['irm=bogus', 'irm'], ['page=0', 'page'], ['from=2020&to=2012', 'from'], ['kind=planet', 'kind'], ['sort=random', 'sort']]) {
      const res = await t.app.inject(`/es/commitments?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(`<code>${field}`);
      expect(res.body).toContain('<html lang="es">');
    }
  });
});
