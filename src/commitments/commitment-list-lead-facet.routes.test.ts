import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { saveCommitmentRecord } from './save-commitment-record.ts';

/**
 * The lead-institution facet offers the 25 institutions that lead the most commitments; one picked in the filter is
 * always in it too, with its name and count, even when it leads fewer (or none of those the other filters keep).
 */
let t: TestApp;
let senate: string;
beforeAll(async () => {
  t = await createTestApp();
  const base = demoCommitments.find((c) => c.ogpId === 'KE0024')!;
  const agency = (i: number) => ({ name: `Agency ${String(i % 26).padStart(2, '0')}`, kind: 'agency' as const });
  // 26 agencies leading two commitments each, ahead of the demo's institutions and the Senate, which lead one.
  const records: CommitmentRecordInput[] = Array.from({ length: 26 }, (_, i) => ({ ...base, ogpId: `KE${1000 + i}`, numberInPlan: 100 + i,
    leadInstitutions: [agency(i), agency(i + 1)] }));
  records.push({ ...base, ogpId: 'KE1100', numberInPlan: 200, leadInstitutions: [{ name: 'The Senate of the Republic of Kenya', kind: 'parliament' }] });
  for (const record of records) await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, record));
  const { slug } = await t.database.db.selectFrom('institutions').select('slug').where('name', '=', 'The Senate of the Republic of Kenya').executeTakeFirstOrThrow();
  senate = `kenya:${slug}`;
});
afterAll(async () => { await t.close(); });

const leadFacet = (html: string) => html.slice(html.indexOf('id="facet-lead"')).split('</fieldset>')[0]!;

describe('the lead-institution facet', () => {
  it('offers the 25 institutions that lead the most commitments', async () => {
    const facet = leadFacet((await t.app.inject('/en/commitments?all=lead')).body);
    expect(facet.match(/type="checkbox"/g)).toHaveLength(25);
    expect(facet).not.toContain('Senate');
  });

  it('shows an institution picked outside them by its name and count', async () => {
    const body = (await t.app.inject(`/en/commitments?lead=${senate}`)).body;
    expect(body).toContain('1 commitment');
    const facet = leadFacet(body);
    expect(facet).toMatch(new RegExp(`value="${senate}" checked/> <label[^>]*><span>The Senate of the Republic of Kenya</span> <span class="count">\\(1\\)</span>`));
    expect(facet).not.toContain(`<span>${senate}</span>`);
  });

  it('shows it by its name with no commitment left when another filter keeps none of its', async () => {
    const facet = leadFacet((await t.app.inject(`/en/commitments?lead=${senate}&milestone=ongoing`)).body);
    expect(facet).toMatch(/<span>The Senate of the Republic of Kenya<\/span> <span class="count">\(0\)<\/span>/);
  });
});
