import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { COMMITMENT_TABLES, tableContents } from '../../test/helpers/database.ts';
import { submitEdit, versionIn } from '../../test/helpers/edit-form.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import type { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

// Two editors of the demo's KE0031 (led by the Office of the Deputy President, supported by the Senate) at once: a
// save opened on an older version of the record writes nothing and shows the form again (edit-version.ts).
let t: TestApp;
let admin: WebClient;
let poc: WebClient;
let senate: WebClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
  poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
  senate = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'senate' }));
});
afterAll(async () => { await t.close(); });

const EDIT = '/en/commitments/KE0031/edit';
const MILESTONE = '/en/commitments/KE0031/milestones/2/edit';
const commitmentFields = (over: Record<string, string> = {}) => ({
  lang: 'en', title: 'Build institutional support for OGP', description: 'A description.', objectives: '', statusQuo: '', ambition: '',
  status: 'active', reason: '', ...over,
});
const snapshot = () => tableContents(t.database.db, [...COMMITMENT_TABLES, 'milestones', 'milestone_texts']);

/** The form as `client` opens it at `url`, with the version it carries. */
async function open(client: WebClient, url: string) {
  const page = await client.get(url);
  expect(page.statusCode).toBe(200);
  return { version: versionIn(page.body)!, token: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
}

/** The stored values of milestone 2's form, as the page shows them. */
async function milestoneFields(over: Record<string, string> = {}) {
  const body = (await admin.get(MILESTONE)).body;
  const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(body)?.[1] ?? '';
  const text = /<textarea[^>]*name="text"[^>]*>([^<]*)<\/textarea>/.exec(body)![1]!;
  return { lang: 'en', text, declaredStatus: '', start: value('start'), end: value('end'), reason: '', ...over };
}

describe('two people editing a commitment at once', () => {
  it('refuses the second save with a 409, writing nothing, keeping what was typed, naming the change and linking the history', async () => {
    const adminForm = await open(admin, EDIT);
    const pocForm = await open(poc, EDIT);
    expect(adminForm.version).toMatch(/^[0-9]+$/);
    expect(pocForm.version).toBe(adminForm.version);

    const first = await admin.post(EDIT, { ...commitmentFields({ title: 'Support for OGP, by the secretariat' }), version: adminForm.version, _csrf: adminForm.token });
    expect(first.statusCode).toBe(303);
    const before = await snapshot();
    const second = await poc.post(EDIT, {
      ...commitmentFields({ title: 'Support for OGP, by the point of contact', reason: 'Clearer' }), version: pocForm.version, _csrf: pocForm.token,
    });
    expect(second.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    expect(second.body).toContain('Someone else changed this commitment after you opened this form, so your changes were not saved.');
    expect(second.body).toContain('<a href="/en/commitments/KE0031/history">See what they changed in the history</a>');
    expect(second.body).toContain('<a href="#field-version">');
    expect(second.body).toContain('<title>Error: ');
    // What the point of contact typed stays; the form now carries the version that holds the secretariat's change.
    expect(second.body).toContain('value="Support for OGP, by the point of contact"');
    expect(second.body).toContain('>Clearer</textarea>');
    const current = versionIn(second.body)!;
    expect(Number(current)).toBeGreaterThan(Number(pocForm.version));
    expect(current).toBe(versionIn((await admin.get(EDIT)).body));

    // Saving again, knowingly, replaces the secretariat's title.
    const again = await poc.post(EDIT, {
      ...commitmentFields({ title: 'Support for OGP, by the point of contact', reason: 'Clearer' }), version: current, _csrf: pocForm.token,
    });
    expect(again.statusCode).toBe(303);
    const title = await t.database.db.selectFrom('commitment_texts').innerJoin('commitments', 'commitments.id', 'commitment_texts.commitment_id')
      .select('title').where('ogp_id', '=', 'KE0031').where('locale', '=', 'en').executeTakeFirstOrThrow();
    expect(title.title).toBe('Support for OGP, by the point of contact');
  });

  it('lets exactly one of two saves sent at the same moment from the same version through (the check runs under the row lock)', async () => {
    const adminForm = await open(admin, EDIT);
    const pocForm = await open(poc, EDIT);
    const changes = async () => (await t.database.db.selectFrom('changes').select('id').execute()).length;
    const before = await changes();
    const results = await Promise.all([
      admin.post(EDIT, { ...commitmentFields({ title: 'Raced by the secretariat' }), version: adminForm.version, _csrf: adminForm.token }),
      poc.post(EDIT, { ...commitmentFields({ title: 'Raced by the point of contact' }), version: pocForm.version, _csrf: pocForm.token }),
    ]);
    expect(results.map((r) => r.statusCode).toSorted()).toEqual([303, 409]);
    expect(await changes()).toBe(before + 1);
  });

  it('counts a change of another language as a change of the commitment: a French translation opened before an English edit is refused', async () => {
    const french = await open(senate, `${EDIT}?lang=fr`);
    expect((await submitEdit(admin, EDIT, EDIT, commitmentFields({ title: 'Build support for OGP in every ministry' }))).statusCode).toBe(303);
    const before = await snapshot();
    const res = await senate.post(EDIT, {
      ...commitmentFields({ lang: 'fr', title: 'Soutien au PGO dans les ministères' }), version: french.version, _csrf: french.token,
    });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    expect(res.body).toContain('value="Soutien au PGO dans les ministères"');
    expect(res.body).toContain('<input type="hidden" name="lang" value="fr"/>');
  });

  it('counts a withdrawal as a change: an edit opened before it does not silently reinstate the commitment', async () => {
    const form = await open(poc, EDIT);
    const withdrawPage = await admin.get(EDIT);
    const token = /name="_csrf" value="([^"]+)"/.exec(withdrawPage.body)![1]!;
    expect((await admin.post('/en/commitments/KE0031/withdraw', { withdrawReason: 'Merged', _csrf: token })).statusCode).toBe(303);
    const before = await snapshot();
    const res = await poc.post(EDIT, { ...commitmentFields({ status: 'active' }), version: form.version, _csrf: form.token });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    const row = await t.database.db.selectFrom('commitments').select('status').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    // Reinstate it for the tests below, knowingly.
    expect((await submitEdit(admin, EDIT, EDIT, commitmentFields({ status: 'active', reason: 'Reinstated' }))).statusCode).toBe(303);
  });

  it('refuses a save without a version, or with a forged one, as a change it cannot check: 409, nothing written', async () => {
    const form = await open(poc, EDIT);
    const before = await snapshot();
    for (const version of [undefined, '', 'abc', '99999999999999999999', `${form.version}0`]) {
      const fields = { ...commitmentFields({ title: 'Unchecked' }), _csrf: form.token, ...(version === undefined ? {} : { version }) };
      const res = await poc.post(EDIT, fields);
      expect(res.statusCode, String(version)).toBe(409);
      expect(versionIn(res.body), String(version)).toBe(form.version);
    }
    expect(await snapshot()).toBe(before);
  });

  it('does not make the commitment form stale when a milestone, another record, changes', async () => {
    const form = await open(poc, EDIT);
    expect((await submitEdit(admin, MILESTONE, MILESTONE, await milestoneFields({ declaredStatus: 'ongoing' }))).statusCode).toBe(303);
    const res = await poc.post(EDIT, { ...commitmentFields({ description: 'Edited while a milestone changed.' }), version: form.version, _csrf: form.token });
    expect(res.statusCode).toBe(303);
  });

  it('says so in the page language, in each of the four', async () => {
    const expected = {
      fr: ['Quelqu’un d’autre a modifié cet engagement depuis que vous avez ouvert ce formulaire', 'Voir ce qui a été modifié dans l’historique'],
      es: ['Otra persona cambió este compromiso después de que usted abriera este formulario', 'Ver en el historial qué se cambió'],
      sw: ['Mtu mwingine alibadilisha ahadi hii baada ya wewe kufungua fomu hii', 'Angalia kwenye historia kilichobadilishwa'],
    };
    for (const [locale, [message, link]] of Object.entries(expected)) {
      const url = `/${locale}/commitments/KE0031/edit`;
      const form = await open(poc, url);
      const res = await poc.post(url, { ...commitmentFields({ title: 'Stale' }), version: String(Number(form.version) - 1), _csrf: form.token });
      expect(res.statusCode, locale).toBe(409);
      expect(res.body, locale).toContain(message);
      expect(res.body, locale).toContain(`<a href="/${locale}/commitments/KE0031/history">${link}</a>`);
    }
  });
});

describe('two people editing a milestone at once', () => {
  it('refuses a save opened before another edit of the milestone (a re-plan here), writing nothing and keeping the input', async () => {
    const form = await open(senate, MILESTONE);
    const first = await submitEdit(admin, MILESTONE, MILESTONE, await milestoneFields({ end: '2023-03', reason: 'Budget delayed' }));
    expect(first.statusCode).toBe(303);
    const before = await snapshot();
    const res = await senate.post(MILESTONE, {
      ...(await milestoneFields({ text: 'A text written before the re-plan', end: '2022-01' })), version: form.version, _csrf: form.token,
    });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    expect(res.body).toContain('Someone else changed this milestone after you opened this form, so your changes were not saved.');
    expect(res.body).toContain('<a href="/en/commitments/KE0031/milestones/2/history">See what they changed in the history</a>');
    expect(res.body).toContain('>A text written before the re-plan</textarea>');
    expect(res.body).toContain('value="2022-01"');
    expect(versionIn(res.body)).toBe(versionIn((await admin.get(MILESTONE)).body));
  });

  it('counts a change of another language of the milestone, and answers in the page language', async () => {
    const url = '/fr/commitments/KE0031/milestones/2/edit';
    const form = await open(senate, `${url}?lang=fr`);
    expect((await submitEdit(admin, MILESTONE, MILESTONE, await milestoneFields({ text: 'An English text changed meanwhile' }))).statusCode).toBe(303);
    const before = await snapshot();
    const res = await senate.post(url, { ...(await milestoneFields({ lang: 'fr', text: 'Un texte français' })), version: form.version, _csrf: form.token });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    expect(res.body).toContain('Quelqu’un d’autre a modifié ce jalon depuis que vous avez ouvert ce formulaire');
    expect(res.body).toContain('href="/fr/commitments/KE0031/milestones/2/history"');
  });

  it('does not make a milestone form stale when another milestone, or the commitment, changes', async () => {
    const form = await open(senate, MILESTONE);
    const other = '/en/commitments/KE0031/milestones/3/edit';
    const otherBody = (await admin.get(other)).body;
    const otherText = /<textarea[^>]*name="text"[^>]*>([^<]*)<\/textarea>/.exec(otherBody)![1]!;
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(otherBody)?.[1] ?? '';
    expect((await submitEdit(admin, other, other, {
      lang: 'en', text: `${otherText} (edited)`, declaredStatus: '', start: value('start'), end: value('end'), reason: '',
    })).statusCode).toBe(303);
    expect((await submitEdit(admin, EDIT, EDIT, commitmentFields({ ambition: 'More ambition.' }))).statusCode).toBe(303);
    const res = await senate.post(MILESTONE, { ...(await milestoneFields({ declaredStatus: 'new' })), version: form.version, _csrf: form.token });
    expect(res.statusCode).toBe(303);
  });

  it('refuses a milestone save without a version: 409, nothing written', async () => {
    const form = await open(senate, MILESTONE);
    const before = await snapshot();
    const res = await senate.post(MILESTONE, { ...(await milestoneFields({ text: 'No version' })), _csrf: form.token });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
  });
});
