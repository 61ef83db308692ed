import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { demoPublications } from '../demo/demo-publications.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const [NOTE, STORY] = demoPublications.map((p) => p.slug) as [string, string];
const get = async (url: string, status = 200) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(status);
  return res.body;
};

/** Published publications written straight to the database, a day apart, for the list's order and pages. */
async function publishMany(count: number, kind: 'guidance_note' | 'story'): Promise<void> {
  for (let n = 1; n <= count; n += 1) {
    const row = await t.database.db.insertInto('publications').values({
      slug: `${kind.replace('_', '-')}-${n}`, kind, state: 'published', published_on: `2020-01-${String(n).padStart(2, '0')}`,
    }).returning('id').executeTakeFirstOrThrow();
    await t.database.db.insertInto('publication_texts').values({ publication_id: row.id, locale: 'en', title: `Extra ${kind} ${n}`, body: 'Text.' }).execute();
  }
}

describe('GET /{locale}/guidance/{slug}', () => {
  it('shows the guidance note in French, its own language there, with the date in French', async () => {
    const html = await get(`/fr/guidance/${NOTE}`);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1 lang="fr">Comment rendre compte de l&#39;avancement d&#39;un jalon, justificatifs à l&#39;appui</h1>');
    expect(html).toContain('1 juillet 2021');
    expect(html).toContain('Le secrétariat');
    expect(html).not.toContain('class="note"');
  });

  it('falls back to English in Spanish, saying so and marking the text with its language', async () => {
    const html = await get(`/es/guidance/${NOTE}`);
    expect(html).toContain('<p class="note">Este texto aún no se ha traducido: se muestra en inglés, el idioma en que se redactó.</p>');
    expect(html).toContain('<h1 lang="en">How to report progress on a milestone, with evidence</h1>');
    expect(html).toContain('<div class="prose" lang="en"><p>This note is for points of contact');
  });

  it('shows the story in Swahili, with its commitment (titled in Swahili) and institutions linked', async () => {
    const html = await get(`/sw/guidance/${STORY}`);
    expect(html).toContain('<h1 lang="sw">Kumbukumbu na wasaidizi');
    expect(html).toContain('<a href="/sw/commitments/KE0031"><span>KE0031</span>: <span lang="sw">Kujenga uungwaji mkono wa kitaasisi kwa OGP</span></a>');
    expect(html).toContain('href="/sw/members/kenya/institutions/office-of-the-deputy-president"');
    expect(html).toContain('href="/sw/members/kenya/institutions/commission-on-administrative-justice"');
  });

  it('escapes what administrators wrote: no HTML from a publication reaches the page', async () => {
    const row = await t.database.db.insertInto('publications').values({ slug: 'hostile', kind: 'story', state: 'published', published_on: '2021-01-01' })
      .returning('id').executeTakeFirstOrThrow();
    await t.database.db.insertInto('publication_texts').values({ publication_id: row.id, locale: 'en', title: '<script>alert(1)</script>', body: '<img src=x onerror=alert(1)>' }).execute();
    const html = await get('/en/guidance/hostile');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)></p>');
  });

  it('answers 404 for a draft, an unknown slug and a malformed one', async () => {
    await t.database.db.insertInto('publications').values({ slug: 'a-draft', kind: 'story' }).execute();
    await get('/en/guidance/a-draft', 404);
    await get('/en/guidance/nothing-here', 404);
    await get('/en/guidance/Bad_Slug', 404);
  });
});

describe('GET /{locale}/guidance', () => {
  it('lists the published ones newest first, filters by kind, and pages by 20', async () => {
    const all = await get('/en/guidance');
    expect(all.indexOf(`/en/guidance/${STORY}"`)).toBeLessThan(all.indexOf(`/en/guidance/${NOTE}"`));
    expect(all).toContain('Published July 1, 2021');
    const stories = await get('/en/guidance?kind=story');
    expect(stories).toContain(`/en/guidance/${STORY}"`);
    expect(stories).not.toContain(`/en/guidance/${NOTE}"`);
    expect(stories).toContain('<span aria-current="page">Stories of good practice</span>');

    await publishMany(21, 'guidance_note');
    const notes = await get('/en/guidance?kind=guidance_note');
    expect(notes).toContain('22 publications');
    expect(notes).toContain(`/en/guidance/${NOTE}"`);
    expect(notes).not.toContain('/en/guidance/guidance-note-1"');
    expect(notes).toContain('href="/en/guidance?kind=guidance_note&page=2"');
    const second = await get('/en/guidance?kind=guidance_note&page=2');
    expect(second).toContain('/en/guidance/guidance-note-1"');
    expect(second.match(/<h2><a href="\/en\/guidance\//g)).toHaveLength(2);
  });

  it('refuses a kind or page that is not one, naming the parameter', async () => {
    for (const query of ['kind=manifesto', 'page=0', 'page=two']) {
      const res = await t.app.inject(`/en/guidance?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('where publications are found', () => {
  it('lists the story under "Guidance and stories" on its commitment page, and a newly linked one at once', async () => {
    const before = await get('/en/commitments/KE0031');
    expect(before).toContain('<h2 id="guidance">Guidance and stories</h2>');
    expect(before).toContain(`href="/en/guidance/${STORY}"`);
    expect(before).not.toContain(`href="/en/guidance/${NOTE}"`);
    const note = await t.database.db.selectFrom('publications').select('id').where('slug', '=', NOTE).executeTakeFirstOrThrow();
    const commitment = await t.database.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow();
    await t.database.db.insertInto('publication_commitments').values({ publication_id: note.id, commitment_id: commitment.id }).execute();
    expect(await get('/en/commitments/KE0031')).toContain(`href="/en/guidance/${NOTE}"`);
    await t.database.db.deleteFrom('publication_commitments').where('publication_id', '=', note.id).execute();
    expect(await get('/en/commitments/KE0031')).not.toContain(`href="/en/guidance/${NOTE}"`);
    expect(await get('/en/commitments/KE0027')).not.toContain('id="guidance"');
  });

  it('shows a new point of contact the guidance notes on their account page, not the stories', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' }), { locale: 'fr' });
    const page = await poc.get('/fr/account');
    expect(page.body).toContain('Des guides pour votre travail');
    expect(page.body).toContain(`<h3><a href="/fr/guidance/${NOTE}" lang="fr">`);
    expect(page.body).not.toContain(`/fr/guidance/${STORY}"`);
  });

  it('links the guidance pages from the foot of every page', async () => {
    expect(await get('/sw/')).toContain('<a href="/sw/guidance">Miongozo na simulizi za mbinu bora</a>');
    expect((await new WebClient(t.app).get('/en/guidance')).headers['cache-control']).toBe('public, max-age=60');
  });
});
