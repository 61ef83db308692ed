import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { MEMBER_FACET_SIZE } from './commitment-list-page.queries.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';

/**
 * The member facet offers the members with the most commitments, up to `MEMBER_FACET_SIZE`; one picked in the filter
 * is always in it too, with its name and count, as in the lead-institution facet. Fixture: one more member than that,
 * each with one commitment: "Town 300" comes last by name.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const base = demoCommitments.find((c) => c.ogpId === 'KE0024')!;
  const letters = (i: number) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));
  const records: CommitmentRecordInput[] = Array.from({ length: MEMBER_FACET_SIZE + 1 }, (_, i) => {
    const number = String(i).padStart(3, '0');
    const ogpPrefix = `X${letters(i)}`;
    return { ...base, member: { name: `Town ${number}`, kind: 'local', ogpPrefix, slug: `town-${number}` }, ogpId: `${ogpPrefix}0001`, numberInPlan: 1 };
  });
  await t.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, records));
});
afterAll(async () => { await t.close(); });

const memberFacet = (html: string) => html.slice(html.indexOf('id="facet-member"')).split('</fieldset>')[0]!;
const last = `Town ${MEMBER_FACET_SIZE}`;
const lastSlug = `town-${MEMBER_FACET_SIZE}`;

describe('the member facet', () => {
  it(`offers the ${MEMBER_FACET_SIZE} members with the most commitments`, async () => {
    const facet = memberFacet((await t.app.inject('/en/commitments?all=member')).body);
    expect(facet.match(/type="checkbox"/g)).toHaveLength(MEMBER_FACET_SIZE);
    expect(facet).toContain('<span>Town 000</span>');
    expect(facet).not.toContain(last);
  });

  it('shows a member picked outside them by its name and count', async () => {
    const body = (await t.app.inject(`/en/commitments?member=${lastSlug}`)).body;
    expect(body).toContain('>1 commitment<');
    const facet = memberFacet(body);
    expect(facet).toMatch(new RegExp(`value="${lastSlug}" checked/> <label[^>]*><span>${last}</span> <span class="count">\\(1\\)</span>`));
    expect(facet).not.toContain(`<span>${lastSlug}</span>`);
  });

  it('shows it by its name with no commitment left when another filter keeps none of its', async () => {
    const facet = memberFacet((await t.app.inject(`/en/commitments?member=${lastSlug}&milestone=ongoing`)).body);
    expect(facet).toMatch(new RegExp(`value="${lastSlug}" checked/> <label[^>]*><span>${last}</span> <span class="count">\\(0\\)</span>`));
  });
});
