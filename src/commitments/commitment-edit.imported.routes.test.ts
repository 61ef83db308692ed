import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';

// The edit page of a commitment OGP's dataset gives in Spanish (decision 006): its Spanish text has a title and a full
// text (no description), and OGP's English "Short Title" is stored as an English text with a title only.
const EDIT = '/en/commitments/CR0016/edit';
const SPANISH_TITLE = 'Potenciar la apertura de datos en las instituciones públicas';
const ENGLISH_TITLE = 'Promote Open Data in Public Institutions';

let t: TestApp;
let spanishFullText: string;
beforeAll(async () => {
  t = await createTestApp();
  await importOgpDataset(t.database.db, OGP_DATASET_FILE, { dryRun: false });
  spanishFullText = (await texts()).find((x) => x.locale === 'es')!.full_text!;
});
afterAll(async () => { await t.close(); });

async function texts() {
  const rows = await sql<{ locale: string; title: string; description: string | null; objectives: string | null; full_text: string | null }>`
    select x.locale, x.title, x.description, x.objectives, x.full_text from commitment_texts x join commitments c on c.id = x.commitment_id
    where c.ogp_id = 'CR0016' order by x.locale`.execute(t.database.db);
  return rows.rows;
}
const fields = (over: Record<string, string> = {}) => ({
  lang: 'es', title: SPANISH_TITLE, description: '', objectives: '', statusQuo: '', ambition: '', status: '', reason: '', ...over,
});
const admin = async () => signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));

describe('the edit page of a commitment imported in Spanish', () => {
  it('opens on the Spanish text, with its full text shown read-only and the English title-only text linked as such', async () => {
    const page = await (await admin()).get(EDIT);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<input type="hidden" name="lang" value="es"/>');
    expect(page.body).toContain(`value="${SPANISH_TITLE}"`);
    expect(page.body).toContain('You are editing the texts in Spanish. It is the language the commitment was published in.');
    // The full text is the only prose of the Spanish text: shown open, in Spanish, and said to be kept.
    expect(page.body).toMatch(/<details class="full-text" open><summary>Full text as published<\/summary><p class="hint">Imported with the commitment\. It is not edited here and saving keeps it/);
    expect(page.body).toContain('<div class="prose" lang="es"><p>Entre el año 2013 y el año 2014');
    expect(page.body).toContain('Tribunal Supremo de Elecciones');
    expect(page.body).toContain(`<a href="${EDIT}?lang=en">Edit the translation in English (title only)</a>`);
  });

  it('opens the English text on request, saying it has only its title and linking back to the Spanish text', async () => {
    const page = await (await admin()).get(`${EDIT}?lang=en`);
    expect(page.body).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(page.body).toContain(`value="${ENGLISH_TITLE}"`);
    expect(page.body).toContain('This translation has only its title: the commitment&#39;s other texts are in Spanish.');
    expect(page.body).toContain(`<a href="${EDIT}?lang=es">Edit the text in Spanish (the language the commitment was published in)</a>`);
    expect(page.body).not.toContain('class="full-text"');
    // A language with no text yet says what saving does; in French, with the other two linked.
    const french = await (await admin()).get('/fr/commitments/CR0016/edit?lang=fr');
    expect(french.body).toContain('Il n’y a pas encore de texte dans cette langue : enregistrer ajoute une traduction du texte en espagnol.');
    expect(french.body).toContain('>Modifier le texte en espagnol (la langue dans laquelle l’engagement a été publié)</a>');
    expect(french.body).toContain('>Modifier la traduction en anglais (titre seulement)</a>');
  });

  it('saves the Spanish text keeping its full text and the English title, then the English title keeping the Spanish text', async () => {
    const client = await admin();
    const res = await submitEdit(client, EDIT, EDIT, fields({ description: 'Aumentar las instituciones que abren datos.', reason: 'Resumen' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(`${EDIT}?lang=es&notice=saved`);
    expect(await texts()).toEqual([
      { locale: 'en', title: ENGLISH_TITLE, description: null, objectives: null, full_text: null },
      { locale: 'es', title: SPANISH_TITLE, description: 'Aumentar las instituciones que abren datos.', objectives: null, full_text: spanishFullText },
    ]);
    // The history entry names the Spanish text only.
    const change = await t.database.db.selectFrom('changes').select(['before', 'after']).where('command', '=', 'edit_commitment')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(Object.keys((change.after as { texts: object }).texts)).toEqual(['es']);
    // With a description, the full text is shown closed.
    expect((await client.get(`${EDIT}?lang=es`)).body).toContain('<details class="full-text"><summary>');

    const english = await submitEdit(client, `${EDIT}?lang=en`, EDIT, fields({ lang: 'en', title: 'Open up data in public institutions' }));
    expect(english.headers.location).toBe(`${EDIT}?lang=en&notice=saved`);
    expect(await texts()).toEqual([
      { locale: 'en', title: 'Open up data in public institutions', description: null, objectives: null, full_text: null },
      { locale: 'es', title: SPANISH_TITLE, description: 'Aumentar las instituciones que abren datos.', objectives: null, full_text: spanishFullText },
    ]);
    // The public English page: the English title, the Spanish description and full text.
    const publicPage = await new WebClient(t.app).get('/en/commitments/CR0016');
    expect(publicPage.body).toContain('Open up data in public institutions');
    expect(publicPage.body).toContain('Aumentar las instituciones que abren datos.');
    expect(publicPage.body).toContain('Tribunal Supremo de Elecciones');
  });

  it('refuses bad input naming the field, keeps what was typed and the full text on the page, and writes nothing', async () => {
    const client = await admin();
    const before = JSON.stringify([await texts(), (await sql`select * from changes order by id`.execute(t.database.db)).rows]);
    const res = await submitEdit(client, EDIT, EDIT, fields({ title: ' ', objectives: 'Abrir <datos> municipales' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Title: this field is required.');
    expect(res.body).toContain('Abrir &lt;datos> municipales');
    expect(res.body).toContain('<input type="hidden" name="lang" value="es"/>');
    expect(res.body).toContain('Tribunal Supremo de Elecciones');
    // A language the form does not edit: refused, and the page stays on the Spanish text.
    const unknown = await submitEdit(client, EDIT, EDIT, fields({ lang: 'pt', title: 'Potenciar a abertura de dados' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Language of the texts: this value is not valid.');
    expect(unknown.body).toContain('<input type="hidden" name="lang" value="es"/>');
    expect(JSON.stringify([await texts(), (await sql`select * from changes order by id`.execute(t.database.db)).rows])).toBe(before);
  });

  it('refuses a point of contact of an institution that does not lead or support it, writing nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const before = JSON.stringify(await texts());
    expect((await poc.get(EDIT)).statusCode).toBe(403);
    expect((await poc.submit('/en/commitments/KE0024/edit', EDIT, fields({ title: 'Hijacked' }))).statusCode).toBe(403);
    expect(JSON.stringify(await texts())).toBe(before);
  });
});
