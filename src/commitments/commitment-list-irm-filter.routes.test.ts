import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';

/**
 * The IRM rating filter (decision 011, amendment of 2026-11-28): values of one indicator are alternatives, different
 * indicators must all hold, and the counts beside an indicator's values leave out that indicator's picks only.
 * Hand-built: seven commitments of Kenya's plan, rated as below (a blank is an indicator the IRM did not rate).
 */
const RATED: [ogpId: string, completion: string | undefined, potentialImpact: string | undefined][] = [
  ['KE2001', 'complete', 'transformative'],
  ['KE2002', 'complete', 'moderate'],
  ['KE2003', 'substantial', 'transformative'],
  ['KE2004', 'substantial', 'minor'],
  ['KE2005', 'limited', 'transformative'],
  ['KE2006', 'limited', undefined],
  ['KE2007', undefined, 'transformative'],
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const base = demoCommitments.find((c) => c.ogpId === 'KE0024')!;
  const assessed = (indicator: string, value: string | undefined) => (value ? [{ indicator, state: 'assessed' as const, value }] : []);
  const records: CommitmentRecordInput[] = RATED.map(([ogpId, completion, potentialImpact], i) => ({
    ...base, ogpId, numberInPlan: 100 + i,
    irmReviews: [
      { method: 'irm_2012', report: 'design', texts: {}, ratings: assessed('potential_impact', potentialImpact) },
      { method: 'irm_2012', report: 'end_of_term', texts: {}, ratings: assessed('completion', completion) },
    ],
  }));
  await t.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, records));
});
afterAll(async () => { await t.close(); });

const api = async (query: string) => {
  const res = await t.app.inject(`/api/v1/commitments?${query}&sort=id`);
  expect(res.statusCode, query).toBe(200);
  const body = res.json() as { total: number; data: { ogpId: string }[] };
  return { total: body.total, ids: body.data.map((c) => c.ogpId) };
};

/** The list page's count and its IRM facet, as `value: count`. */
const page = async (query: string) => {
  const res = await t.app.inject(`/en/commitments?${query}&all=irm`);
  expect(res.statusCode, query).toBe(200);
  const total = /<h2 id="results-heading">([^<]+)<\/h2>/.exec(res.body)![1]!;
  const facet = res.body.slice(res.body.indexOf('id="facet-irm"')).split('</fieldset>')[0]!;
  const counts = Object.fromEntries([...facet.matchAll(/value="([^"]+)"[^>]*\/> <label[^>]*><span>[^<]*<\/span> <span class="count">\((\d+)\)/g)]
    .map(([, value, count]) => [value, Number(count)]));
  const member = /value="kenya"[^>]*\/> <label[^>]*><span>Kenya<\/span> <span class="count">\((\d+)\)/.exec(res.body)?.[1];
  return { total, counts, member: Number(member) };
};

const COMPLETE_OR_SUBSTANTIAL = 'irm=completion:complete&irm=completion:substantial';
const TRANSFORMATIVE = 'irm=potential_impact:transformative';

describe('the IRM rating filter', () => {
  it('takes two values of one indicator as alternatives', async () => {
    expect(await api(COMPLETE_OR_SUBSTANTIAL)).toEqual({ total: 4, ids: ['KE2001', 'KE2002', 'KE2003', 'KE2004'] });
    expect((await page(COMPLETE_OR_SUBSTANTIAL)).total).toBe('4 commitments');
  });

  it('requires every indicator picked to hold: values of different indicators narrow the list', async () => {
    const both = `${COMPLETE_OR_SUBSTANTIAL}&${TRANSFORMATIVE}`;
    expect(await api(both)).toEqual({ total: 2, ids: ['KE2001', 'KE2003'] });
    expect((await page(both)).total).toBe('2 commitments');
    // The downloads list what the page and the API list.
    const download = await t.app.inject(`/en/commitments/download.json?${both}&sort=id`);
    expect((JSON.parse(download.body) as { commitments: { ogp_id: string }[] }).commitments.map((c) => c.ogp_id)).toEqual(['KE2001', 'KE2003']);
  });

  it('counts beside each indicator\'s values what ticking one would list, with the other indicators\' picks applied', async () => {
    const { counts, member } = await page(`${COMPLETE_OR_SUBSTANTIAL}&${TRANSFORMATIVE}`);
    expect(counts).toEqual({
      // Completion among the four transformative commitments (KE2007 has no completion rating).
      'completion:complete': 1, 'completion:limited': 1, 'completion:substantial': 1,
      // Potential impact among the four complete or substantial ones.
      'potential_impact:minor': 1, 'potential_impact:moderate': 1, 'potential_impact:transformative': 2,
    });
    // Every other facet counts the commitments the filters keep.
    expect(member).toBe(2);
  });

  it('counts the indicators without a pick over the list, and a picked one\'s values without its own picks', async () => {
    expect((await page(TRANSFORMATIVE)).counts).toEqual({
      'completion:complete': 1, 'completion:limited': 1, 'completion:substantial': 1,
      'potential_impact:minor': 1, 'potential_impact:moderate': 1, 'potential_impact:transformative': 4,
    });
    expect((await page('irm=completion:limited')).counts).toEqual({
      'completion:complete': 2, 'completion:limited': 2, 'completion:substantial': 2,
      'potential_impact:transformative': 1,
    });
  });

  it('shows a picked value no commitment has left at 0, labelled as a rating, and says how the values combine', async () => {
    const body = (await t.app.inject(`/en/commitments?irm=completion:withdrawn&${TRANSFORMATIVE}`)).body;
    expect(body).toMatch(/value="completion:withdrawn" checked\/> <label[^>]*><span>Completion: Withdrawn<\/span> <span class="count">\(0\)<\/span>/);
    expect(body).toContain('aria-describedby="facet-irm-hint"');
    expect(body).toContain('Ratings of one indicator are alternatives; ratings of different indicators must all hold.');
  });

  it.each([
    ['irm=completion:bogus'], ['irm=bogus:complete'], ['irm=toString:complete'], ['irm=completion:limited:extra'], ['irm=completion'],
  ])('answers %s with a 400 naming the field', async (query) => {
    const res = await t.app.inject(`/api/v1/commitments?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'irm' } });
    const html = await t.app.inject(`/en/commitments?irm=completion:complete&${query}`);
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('<code>irm');
  });
});
