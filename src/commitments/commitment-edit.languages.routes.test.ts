import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { EN_TITLE, PT_FULL_TEXT, PT_TITLE, savePortugueseCommitment } from '../../test/helpers/portuguese-commitment.ts';

// Which text an edit page edits, and the links to the others: a milestone of the demo's KE0031 (published in English,
// milestones translated into French), and a commitment published in Portuguese, a language OGP's dataset brings that
// is not an interface language (decision 006).
const MILESTONE = '/en/commitments/KE0031/milestones/1/edit';
const EDIT = '/en/commitments/BR0001/edit';
const PT_MILESTONE = '/en/commitments/BR0001/milestones/1/edit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await savePortugueseCommitment(t.database.db);
});
afterAll(async () => { await t.close(); });

const admin = async () => signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
const milestoneFields = (over: Record<string, string> = {}) => ({
  lang: 'pt', text: 'Publicar todos os contratos', declaredStatus: '', start: '', end: '', reason: '', ...over,
});

async function stored() {
  const db = t.database.db;
  const [texts, milestoneTexts, changes] = await Promise.all([
    sql`select x.locale, x.title, x.description, x.full_text from commitment_texts x join commitments c on c.id = x.commitment_id
      where c.ogp_id = 'BR0001' order by x.locale`.execute(db),
    sql`select m.number, x.locale, x.text from milestone_texts x join milestones m on m.id = x.milestone_id
      join commitments c on c.id = m.commitment_id where c.ogp_id = 'BR0001' order by 1, 2`.execute(db),
    sql`select * from changes order by id`.execute(db),
  ]);
  return { texts: texts.rows, milestoneTexts: milestoneTexts.rows, changes: changes.rows };
}

describe('the milestone edit page says which text it edits and links the others', () => {
  it('opens on the text in the language of publication and links the translation', async () => {
    const page = await (await admin()).get(MILESTONE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(page.body).toContain('You are editing the texts in English. It is the language the commitment was published in.');
    expect(page.body).toContain(`<a href="${MILESTONE}?lang=fr">Edit the translation in French</a>`);
    // No link to the language being edited, and no "title only" for a milestone.
    expect(page.body).not.toContain(`${MILESTONE}?lang=en"`);
    expect(page.body).not.toContain('title only');
  });

  it('says a translation is one, and what saving a language without a text does, the language of publication linked first', async () => {
    const client = await admin();
    const french = await client.get(`${MILESTONE}?lang=fr`);
    expect(french.body).toContain('value="fr"/>');
    expect(french.body).toContain('Rédiger une note d’orientation pour chaque domaine d’engagement');
    expect(french.body).toContain('You are editing the texts in French. It is a translation of the text in English.');
    expect(french.body).toContain(`<a href="${MILESTONE}?lang=en">Edit the text in English (the language the commitment was published in)</a>`);

    const swahili = await client.get('/fr/commitments/KE0031/milestones/1/edit?lang=sw');
    expect(swahili.body).toContain('Vous modifiez les textes en swahili. Il n’y a pas encore de texte dans cette langue : enregistrer ajoute une traduction du texte en anglais.');
    const source = swahili.body.indexOf('>Modifier le texte en anglais (la langue dans laquelle l’engagement a été publié)</a>');
    const translation = swahili.body.indexOf('>Modifier la traduction en français</a>');
    expect(source).toBeGreaterThan(0);
    expect(translation).toBeGreaterThan(source);
  });

  it('keeps saying which text it is when the form comes back with an error', async () => {
    const res = await (await admin()).submit(`${MILESTONE}?lang=fr`, MILESTONE, { ...milestoneFields({ lang: 'fr', text: ' ' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Milestone: this field is required.');
    expect(res.body).toContain('You are editing the texts in French. It is a translation of the text in English.');
    expect(res.body).toContain(`<a href="${MILESTONE}?lang=en">`);
  });
});

describe('a commitment published in Portuguese, not an interface language', () => {
  it('opens its edit page on the Portuguese text, offered by the language chooser, with the English title-only text linked', async () => {
    const page = await (await admin()).get(EDIT);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<input type="hidden" name="lang" value="pt"/>');
    expect(page.body).toContain(`value="${PT_TITLE}"`);
    expect(page.body).toContain('<option value="pt" selected>Portuguese</option>');
    expect(page.body).toContain(`<input id="field-title" name="title" type="text" value="${PT_TITLE}" lang="pt"/>`);
    expect(page.body).toContain('You are editing the texts in Portuguese. It is the language the commitment was published in.');
    expect(page.body).toContain(`<div class="prose" lang="pt"><p>${PT_FULL_TEXT}</p></div>`);
    expect(page.body).toContain(`<a href="${EDIT}?lang=en">Edit the translation in English (title only)</a>`);

    const english = await (await admin()).get(`${EDIT}?lang=en`);
    expect(english.body).toContain(`value="${EN_TITLE}"`);
    expect(english.body).toContain('This translation has only its title: the commitment&#39;s other texts are in Portuguese.');
    expect(english.body).toContain(`<a href="${EDIT}?lang=pt">Edit the text in Portuguese (the language the commitment was published in)</a>`);
    // Another commitment does not offer Portuguese.
    expect((await (await admin()).get('/en/commitments/KE0031/edit')).body).not.toContain('value="pt"');
  });

  it('saves the Portuguese text and its milestone text, keeping the full text and the English title', async () => {
    const client = await admin();
    const res = await submitEdit(client, EDIT, EDIT, {
      lang: 'pt', title: PT_TITLE, description: 'Publicar os contratos de obras.', objectives: '', statusQuo: '', ambition: '', status: '', reason: 'Resumo',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(`${EDIT}?lang=pt&notice=saved`);
    const milestone = await submitEdit(client, PT_MILESTONE, PT_MILESTONE, milestoneFields());
    expect(milestone.statusCode, milestone.body.slice(0, 500)).toBe(303);
    expect(milestone.headers.location).toBe(`${PT_MILESTONE}?lang=pt&notice=saved`);
    const after = await stored();
    expect(after.texts).toEqual([
      { locale: 'en', title: EN_TITLE, description: null, full_text: null },
      { locale: 'pt', title: PT_TITLE, description: 'Publicar os contratos de obras.', full_text: PT_FULL_TEXT },
    ]);
    expect(after.milestoneTexts).toEqual([
      { number: 1, locale: 'en', text: 'Publish the contracts' },
      { number: 1, locale: 'pt', text: 'Publicar todos os contratos' },
      { number: 2, locale: 'pt', text: 'Realizar audiências públicas' },
    ]);
    expect(after.changes.slice(-2)).toMatchObject([
      { command: 'edit_commitment', after: { texts: { pt: { description: 'Publicar os contratos de obras.' } } } },
      { command: 'edit_milestone', before: { texts: { pt: 'Publicar os contratos' } }, after: { texts: { pt: 'Publicar todos os contratos' } } },
    ]);
  });

  it('opens its milestones on the Portuguese text, linking each other language the milestone has', async () => {
    const client = await admin();
    const first = await client.get(PT_MILESTONE);
    expect(first.body).toContain('<input type="hidden" name="lang" value="pt"/>');
    expect(first.body).toContain('<option value="pt" selected>Portuguese</option>');
    expect(first.body).toContain('You are editing the texts in Portuguese. It is the language the commitment was published in.');
    expect(first.body).toContain(`<a href="${PT_MILESTONE}?lang=en">Edit the translation in English</a>`);

    const second = '/es/commitments/BR0001/milestones/2/edit';
    const spanish = await client.get(`${second}?lang=es`);
    expect(spanish.body).toContain('Está editando los textos en español. Todavía no hay texto en este idioma: al guardar se añade una traducción del texto en portugués.');
    expect(spanish.body).toContain(`<a href="${second}?lang=pt">Editar el texto en portugués (el idioma en que se publicó el compromiso)</a>`);
    expect(spanish.body).not.toContain(`${second}?lang=en"`);
  });

  it('writes a new milestone in Portuguese by default', async () => {
    const client = await admin();
    const url = '/sw/commitments/BR0001/milestones/new';
    const page = await client.get(url);
    expect(page.body).toContain('<input type="hidden" name="lang" value="pt"/>');
    expect(page.body).toContain('<option value="pt" selected>Kireno</option>');
    const res = await submitEdit(client, url, url, { lang: 'pt', text: 'Avaliar os resultados', start: '', end: '' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/sw/commitments/BR0001/milestones/3/edit?lang=pt&notice=created');
    expect((await stored()).milestoneTexts).toContainEqual({ number: 3, locale: 'pt', text: 'Avaliar os resultados' });
  });

  it('refuses a language the forms do not write, here or for another commitment, writing nothing', async () => {
    const client = await admin();
    const before = JSON.stringify(await stored());
    const german = await submitEdit(client, EDIT, EDIT, { lang: 'de', title: 'Öffentliche Bauten', status: '' });
    expect(german.statusCode).toBe(400);
    expect(german.body).toContain('Language of the texts: this value is not valid.');
    expect(german.body).toContain('<input type="hidden" name="lang" value="pt"/>');
    const milestone = await submitEdit(client, PT_MILESTONE, PT_MILESTONE, milestoneFields({ lang: 'de', text: 'Verträge veröffentlichen' }));
    expect(milestone.statusCode).toBe(400);
    expect(milestone.body).toContain('Language of the texts: this value is not valid.');
    // `?lang=de` is not a language to open either: the page stays on Portuguese.
    expect((await client.get(`${PT_MILESTONE}?lang=de`)).body).toContain('<input type="hidden" name="lang" value="pt"/>');
    // Portuguese is this commitment's language, not one every form writes.
    const kenya = '/en/commitments/KE0031/milestones/2/edit';
    const other = await submitEdit(client, kenya, kenya, milestoneFields({ text: 'Integrar novos atores', start: '2021-02', end: '2021-12' }));
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Language of the texts: this value is not valid.');
    expect(JSON.stringify(await stored())).toBe(before);
  });

  it('refuses a point of contact of another institution its forms, writing nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const before = JSON.stringify(await stored());
    for (const url of [EDIT, PT_MILESTONE]) expect((await poc.get(url)).statusCode, url).toBe(403);
    expect((await poc.submit('/en/commitments/KE0024/edit', PT_MILESTONE, milestoneFields())).statusCode).toBe(403);
    expect(JSON.stringify(await stored())).toBe(before);
  });
});
