import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveDataSet } from '../generate/save-data-set.ts';

// Long facets show their first ten values and a link to all of them (a page of 200 member checkboxes weighed 34 KB).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await saveDataSet(t.database.db, { commitments: 150, members: 16, seed: 'facets' }, { batchSize: 150 });
});
afterAll(async () => { await t.close(); });

const memberBoxes = (body: string) => [...body.matchAll(/name="member" value="([a-z0-9-]+)"/g)].map((m) => m[1]!);

describe('long facets on /{locale}/commitments', () => {
  it('show the ten largest values, a selected one beyond them, and a link to all', async () => {
    const res = await t.app.inject('/en/commitments');
    expect(res.statusCode).toBe(200);
    const first = memberBoxes(res.body);
    expect(first).toHaveLength(10);
    expect(res.body).toContain('<a href="/en/commitments?all=member#facet-member">Show all 16 (Member)</a>');

    const all = memberBoxes((await t.app.inject('/en/commitments?all=member')).body);
    expect(all).toHaveLength(16);
    const beyond = all.find((slug) => !first.includes(slug))!;
    const picked = await t.app.inject(`/en/commitments?member=${beyond}`);
    expect(memberBoxes(picked.body)).toHaveLength(11);
    expect(picked.body).toMatch(new RegExp(`value="${beyond}" checked`));
  });

  it('shows all values of one facet, keeps that in the form, and links back to fewer, in the page language', async () => {
    const res = await t.app.inject('/fr/commitments?all=member&sort=oldest');
    expect(res.statusCode).toBe(200);
    expect(memberBoxes(res.body)).toHaveLength(16);
    expect(res.body).toContain('<input type="hidden" name="all" value="member"/>');
    expect(res.body).toContain('<a href="/fr/commitments?sort=oldest#facet-member">Afficher moins (Membre)</a>');
  });

  it('counts, per year, the commitments whose plan runs in it, and links to exactly those', async () => {
    const res = await t.app.inject('/en/commitments?kind=national');
    const years = [...res.body.matchAll(/<a href="(\/en\/commitments\?kind=national&(?:amp;)?from=(\d{4})&(?:amp;)?to=\2)">\2 \((\d+)\)<\/a>/g)];
    expect(years.length).toBeGreaterThan(3);
    for (const [, href, , count] of years.slice(0, 4)) {
      const listed = await t.app.inject(href!.replaceAll('&amp;', '&'));
      expect(listed.body).toContain(`>${count} commitment${count === '1' ? '' : 's'}<`);
    }
  });

  it('refuses a facet it does not know, naming the parameter', async () => {
    const res = await t.app.inject('/en/commitments?all=everything');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('all:');
  });
});
