import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { COMMITMENT_TABLES, tableContents } from '../../test/helpers/database.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { savePortugueseCommitment } from '../../test/helpers/portuguese-commitment.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';
import { PUBLICATION_LANGUAGES } from '../i18n/publication-languages.ts';

// A new commitment in a language OGP members publish in that is not an interface language (decision 006, amended):
// Portuguese for Brazil's plan (the member the Portuguese helper loads), Arabic, right to left, for Kenya's.
const BRAZIL = '/en/members/brazil/action-plans/5/commitments/new';
const KENYA = '/fr/members/kenya/action-plans/4/commitments/new';
const PT_TITLE = 'Publicar as licitações de obras em formato aberto';
const AR_TITLE = 'نشر بيانات الميزانية شهريا';
const AR_DESCRIPTION = 'تنشر الحكومة بيانات تنفيذ الميزانية كل شهر.';

let t: TestApp;
let cgu: string;
let treasury: string;
beforeAll(async () => {
  t = await createTestApp();
  await savePortugueseCommitment(t.database.db);
  const institution = (member: string, slug: string) => t.database.db.selectFrom('institutions as i').innerJoin('members as m', 'm.id', 'i.member_id')
    .select('i.id').where('m.slug', '=', member).where('i.slug', '=', slug).executeTakeFirstOrThrow();
  cgu = (await institution('brazil', 'controladoria-geral-da-uniao')).id;
  treasury = (await institution('kenya', 'national-treasury')).id;
});
afterAll(async () => { await t.close(); });

const admin = async () => signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
const portuguese = (over: Record<string, string> = {}) => ({
  lang: 'pt', ogpId: 'BR0002', numberInPlan: '2', title: PT_TITLE, description: 'O governo publica as licitações.', objectives: '',
  leadInstitution: cgu, start: '2021-09', end: '2023-06', ...over,
});
const arabic = () => ({ lang: 'ar', ogpId: 'KE0060', numberInPlan: '', title: AR_TITLE, description: AR_DESCRIPTION, objectives: '', leadInstitution: treasury, start: '', end: '' });

/** Everything creating a commitment could write: a refused request leaves all of it as it was. */
const snapshot = () => tableContents(t.database.db, COMMITMENT_TABLES);

describe('the language a new commitment is written in', () => {
  it('offers every publication language, named and sorted in the page language, opening on ?lang= or the page language', async () => {
    const client = await admin();
    const english = await client.get(BRAZIL);
    expect(english.statusCode).toBe(200);
    expect(english.body).toContain('<input type="hidden" name="lang" value="en"/>');
    const options = [...english.body.matchAll(/<option value="([a-z]+)"(?: selected)?>([^<]+)<\/option>/g)].map(([, code, name]) => `${code}:${name}`);
    expect(options).toHaveLength(PUBLICATION_LANGUAGES.length);
    expect(options.slice(0, 3)).toEqual(['sq:Albanian', 'ar:Arabic', 'hy:Armenian']);
    expect(options).toContain('pt:Portuguese');
    expect(english.body).toContain('<label for="field-lang">Language of the texts</label>');

    const swahili = await client.get('/sw/members/brazil/action-plans/5/commitments/new?lang=pt');
    expect(swahili.body).toContain('<option value="pt" selected>Kireno</option>');
    expect(swahili.body).toContain('<input type="hidden" name="lang" value="pt"/>');
    expect(swahili.body).toMatch(/<input id="field-title" name="title" type="text" value="" lang="pt"\/>/);
    // The field's label is in the page's language, and not marked as Portuguese.
    expect(swahili.body).not.toContain('<div lang="pt">');
    expect(swahili.body).not.toContain('dir="rtl"');
  });

  it('creates a commitment in Portuguese: its language of publication, edited in it, shown and found in it', async () => {
    const client = await admin();
    const res = await client.submit(`${BRAZIL}?lang=pt`, BRAZIL, portuguese());
    expect(res.statusCode, /<div class="error-summary".*?<\/div>/s.exec(res.body)?.[0]).toBe(303);
    expect(res.headers.location).toBe('/en/commitments/BR0002/edit?notice=created');

    const db = t.database.db;
    const commitment = await db.selectFrom('commitments').select(['id', 'source_locale']).where('ogp_id', '=', 'BR0002').executeTakeFirstOrThrow();
    expect(commitment.source_locale).toBe('pt');
    const texts = await sql<{ locale: string; title: string; simple: boolean }>`
      select locale, title, search_vector = setweight(to_tsvector('ahadi_simple', title), 'A')
        || setweight(to_tsvector('ahadi_simple', description), 'B') || setweight(to_tsvector('simple', 'BR0002'), 'A') as simple
      from commitment_texts where commitment_id = ${commitment.id}`.execute(db);
    // Stored in Portuguese, searched word for word (no Portuguese stemmer: migration 004's `ahadi_simple`), and by its
    // OGP id (migration 020).
    expect(texts.rows).toEqual([{ locale: 'pt', title: PT_TITLE, simple: true }]);
    const change = await db.selectFrom('changes').select('after').where('command', '=', 'create_commitment')
      .where('commitment_id', '=', commitment.id).executeTakeFirstOrThrow();
    expect(change.after).toMatchObject({ texts: { pt: { title: PT_TITLE } } });

    // The edit form it lands on opens on Portuguese, the language of publication.
    const edit = await client.get(res.headers.location as string);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('<input type="hidden" name="lang" value="pt"/>');
    expect(edit.body).toContain('<option value="pt" selected>Portuguese</option>');
    expect(edit.body).toContain(`value="${PT_TITLE}"`);
    expect(edit.body).toContain('You are editing the texts in Portuguese. It is the language the commitment was published in.');

    const visitor = new WebClient(t.app);
    const page = await visitor.get('/fr/commitments/BR0002');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<span lang="pt">${PT_TITLE}</span>`);
    expect(page.body).toContain('<div class="prose" lang="pt"><p>O governo publica as licitações.</p></div>');
    expect(page.body).toContain('il est affiché en portugais, sa langue d’origine.');
    const search = await visitor.get('/en/commitments?q=licitações');
    expect(search.body).toContain(`<a href="/en/commitments/BR0002" lang="pt">${PT_TITLE}</a>`);
    const api = (await t.app.inject('/api/v1/commitments/BR0002')).json();
    expect(api).toMatchObject({ sourceLocale: 'pt', texts: { pt: { title: PT_TITLE } } });
    const list = (await t.app.inject('/api/v1/commitments?member=brazil&locale=en')).json();
    expect(list.data).toContainEqual(expect.objectContaining({ ogpId: 'BR0002', title: PT_TITLE, titleLocale: 'pt' }));
  });

  it('creates a commitment in Arabic: its text fields, page and list item marked right to left', async () => {
    const client = await admin();
    const form = await client.get(`${KENYA}?lang=ar`);
    expect(form.body).toContain('<option value="ar" selected>arabe</option>');
    expect(form.body).toContain('<input id="field-title" name="title" type="text" value="" lang="ar" dir="rtl"/>');
    expect(form.body).toMatch(/<textarea id="field-description" name="description" rows="6" lang="ar" dir="rtl"/);
    expect(form.body).toContain('Vous rédigez les textes en arabe.');
    const res = await client.submit(`${KENYA}?lang=ar`, KENYA, arabic());
    expect(res.statusCode, /<div class="error-summary".*?<\/div>/s.exec(res.body)?.[0]).toBe(303);
    expect(res.headers.location).toBe('/fr/commitments/KE0060/edit?notice=created');
    const stored = await t.database.db.selectFrom('commitments as c').innerJoin('commitment_texts as x', 'x.commitment_id', 'c.id')
      .select(['c.source_locale', 'x.locale']).where('c.ogp_id', '=', 'KE0060').execute();
    expect(stored).toEqual([{ source_locale: 'ar', locale: 'ar' }]);

    const edit = await client.get(res.headers.location as string);
    expect(edit.body).toContain('<input type="hidden" name="lang" value="ar"/>');
    expect(edit.body).toContain(`value="${AR_TITLE}"`);
    expect(edit.body).toContain(`<input id="field-title" name="title" type="text" value="${AR_TITLE}" lang="ar" dir="rtl"/>`);

    const visitor = new WebClient(t.app);
    const page = await visitor.get('/en/commitments/KE0060');
    expect(page.body).toContain(`<span lang="ar" dir="rtl">${AR_TITLE}</span> <span>(KE0060)</span>`);
    expect(page.body).toContain(`<div class="prose" lang="ar" dir="rtl"><p>${AR_DESCRIPTION}</p></div>`);
    expect(page.body).toContain('it is shown in Arabic, the language it was written in.');
    // Found by one of its words, as typed.
    const search = await visitor.get(`/en/commitments?q=${encodeURIComponent('الميزانية')}`);
    expect(search.body).toContain(`<a href="/en/commitments/KE0060" lang="ar" dir="rtl">${AR_TITLE}</a>`);
    // Every page that lists it marks its title (the plan's, and its lead institution's).
    const plan = await visitor.get('/en/members/kenya/action-plans/4');
    expect(plan.body).toContain(`<a href="/en/commitments/KE0060" lang="ar" dir="rtl">${AR_TITLE}</a>`);
    const institution = await visitor.get("/en/members/kenya/institutions/national-treasury");
    expect(institution.body).toContain(`<a href="/en/commitments/KE0060" lang="ar" dir="rtl">${AR_TITLE}</a>`);
    // An English commitment's page and list item have no direction of their own.
    expect((await visitor.get('/en/commitments/KE0031')).body).not.toContain('dir=');
  });
});

describe('a language that is not a publication language', () => {
  it('is refused on the form and on ?lang= with a 400 naming the field, and writes nothing', async () => {
    const client = await admin();
    const before = await snapshot();
    for (const lang of ['xx', 'pt-BR', 'PT', 'tlh']) {
      const opened = await client.get(`${BRAZIL}?lang=${lang}`);
      expect(opened.statusCode, lang).toBe(400);
      expect(opened.body).toContain('href="#field-lang">Language of the texts: this value is not valid.</a>');
      // The error's link leads to the chooser.
      expect(opened.body).toContain('<select id="field-lang" name="lang">');
      // The form opens in the page's language, and says so.
      expect(opened.body).toContain('<input type="hidden" name="lang" value="en"/>');
      expect(opened.body).toContain('<option value="en" selected>English</option>');
      const res = await client.submit(BRAZIL, BRAZIL, portuguese({ lang, ogpId: 'BR0003', numberInPlan: '' }));
      expect(res.statusCode, lang).toBe(400);
      expect(res.body).toContain('href="#field-lang">Language of the texts: this value is not valid.</a>');
      expect(res.body).toContain(`value="${PT_TITLE}"`);
    }
    const missing = await client.submit(BRAZIL, BRAZIL, portuguese({ lang: '', ogpId: 'BR0003', numberInPlan: '' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#field-lang">Language of the texts: this field is required.</a>');
    expect(await snapshot()).toBe(before);
  });
});

describe('who may create a commitment in another language', () => {
  it('is unchanged: the public signs in, other roles and other members\' points of contact are refused, nothing written', async () => {
    const before = await snapshot();
    const visitor = new WebClient(t.app);
    expect((await visitor.get(`${BRAZIL}?lang=pt`)).statusCode).toBe(303);
    expect((await visitor.submit('/en/sign-in', BRAZIL, portuguese({ ogpId: 'BR0004', numberInPlan: '' }))).statusCode).toBe(303);
    for (const role of ['civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      expect((await client.get(`${BRAZIL}?lang=pt`)).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', BRAZIL, portuguese({ ogpId: 'BR0004', numberInPlan: '' }))).statusCode, String(role)).toBe(403);
    }
    // Kenya's National Treasury has no say on Brazil's plan, and a bad language does not change that.
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    expect((await poc.get(`${BRAZIL}?lang=xx`)).statusCode).toBe(403);
    expect((await poc.submit('/en/account', BRAZIL, portuguese({ ogpId: 'BR0004', numberInPlan: '' }))).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('lets a point of contact create one their institution leads, in Arabic', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const url = '/en/members/kenya/action-plans/4/commitments/new';
    const res = await poc.submit(`${url}?lang=ar`, url, { ...arabic(), ogpId: 'KE0061' });
    expect(res.statusCode, /<div class="error-summary".*?<\/div>/s.exec(res.body)?.[0]).toBe(303);
    expect(res.headers.location).toBe('/en/commitments/KE0061/edit?notice=created');
  });
});
