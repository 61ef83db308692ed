import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
});
afterAll(async () => { await t.close(); });

const ids = (html: string) => [...html.matchAll(/href="\/[a-z]{2}\/commitments\/([A-Z]{2,4}\d{4})"/g)].map((m) => m[1]);
const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

describe('GET /{locale}/members/{slug}/institutions/{institution}', () => {
  it('lists the commitments the institution leads and those it supports', async () => {
    const lead = await t.app.inject('/en/members/kenya/institutions/office-of-the-deputy-president');
    expect(lead.statusCode).toBe(200);
    expect(lead.body).toContain('<h1>Office of the Deputy President</h1>');
    expect(lead.body).toContain('<dd>Agency</dd>');
    expect(ids(section(lead.body, 'led'))).toEqual(['KE0031']);
    expect(ids(section(lead.body, 'supported'))).toEqual([]);
    expect(lead.body).toContain('href="/en/commitments?lead=kenya:office-of-the-deputy-president"');

    const support = await t.app.inject('/fr/members/kenya/institutions/civil-society-organisations');
    expect(support.body).toContain('<h2 id="led">Responsable d’aucun engagement</h2>');
    expect(support.body).toContain('<h2 id="supported">Soutient 4 engagements</h2>');
    expect(ids(section(support.body, 'supported')).sort()).toEqual(['KE0024', 'KE0025', 'KE0027', 'KE0031']);
    expect(support.body).toContain('lang="fr">Renforcer l&#39;appui institutionnel au PGO</a>');
  });

  it('escapes a hostile institution name and title', async () => {
    const slug = (await t.database.db.selectFrom('institutions').select('slug').where('name', 'like', 'Ministry of Finance%').executeTakeFirstOrThrow()).slug;
    const res = await t.app.inject(`/en/members/uganda/institutions/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Ministry of Finance; Planning, &#34;Budget&#34; &amp; &lt;Economy></h1>');
    expect(res.body).not.toContain('<script>alert');
    expect(ids(section(res.body, 'led'))).toEqual(['UG0001']);
  });

  it('answers an unknown institution, or one of another member, with a 404', async () => {
    for (const url of ['/en/members/kenya/institutions/ministry-of-magic', '/en/members/uganda/institutions/national-treasury',
      '/en/members/atlantis/institutions/national-treasury', '/xx/members/kenya/institutions/national-treasury']) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
  });

  it('is linked from the institution names of the commitment page', async () => {
    const body = (await t.app.inject('/sw/commitments/KE0031')).body;
    for (const slug of ['office-of-the-deputy-president', 'commission-on-administrative-justice', 'senate', 'media']) {
      expect(body).toContain(`href="/sw/members/kenya/institutions/${slug}"`);
    }
  });
});
