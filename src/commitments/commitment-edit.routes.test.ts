import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, WebClient } from '../../test/helpers/web-client.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

// KE0031 is led by the Office of the Deputy President; KE0024 by the National Treasury (demo data).
const EDIT = '/en/commitments/KE0031/edit';
const MILESTONE = '/en/commitments/KE0031/milestones/1/edit';
const WITHDRAW = '/en/commitments/KE0031/withdraw';
const OTHER_EDIT = '/en/commitments/KE0024/edit';
const commitmentFields = (over: Record<string, string> = {}) => ({
  lang: 'en', title: 'Build institutional support for OGP', description: 'A description.', objectives: '', statusQuo: '', ambition: '',
  status: 'active', reason: '', ...over,
});
const milestoneFields = (over: Record<string, string> = {}) => ({
  lang: 'en', text: 'Write a guidance note for each commitment area', declaredStatus: 'new', start: '2021-02', end: '2021-12', reason: '', ...over,
});

/** Everything the editing commands could write: a refused request must leave all of it as it was. */
async function snapshot() {
  const db = t.database.db;
  const [changes, commitments, texts, milestones, milestoneTexts] = await Promise.all([
    sql`select * from changes order by id`.execute(db),
    sql`select id, ogp_id, status from commitments order by id`.execute(db),
    sql`select commitment_id, locale, title, description, objectives, status_quo, ambition from commitment_texts order by 1, 2`.execute(db),
    sql`select * from milestones order by id`.execute(db),
    sql`select * from milestone_texts order by 1, 2`.execute(db),
  ]);
  return JSON.stringify([changes.rows, commitments.rows, texts.rows, milestones.rows, milestoneTexts.rows]);
}

const changesOf = (command?: string) => {
  let q = t.database.db.selectFrom('changes').selectAll().orderBy('id');
  if (command) q = q.where('command', '=', command as 'edit_commitment');
  return q.execute();
};

describe('who may edit', () => {
  it('sends the public to sign in and writes nothing, also with a valid anonymous CSRF token', async () => {
    const before = await snapshot();
    for (const url of [EDIT, MILESTONE]) {
      const res = await new WebClient(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(url)}`);
    }
    const anonymous = new WebClient(t.app);
    for (const [url, fields] of [[EDIT, commitmentFields({ title: 'Hijacked' })], [MILESTONE, milestoneFields({ end: '2030-01', reason: 'x' })],
      [WITHDRAW, { withdrawReason: 'x' }], ['/en/commitments/KE0031/history/restore', { change: '1' }]] as const) {
      const res = await anonymous.submit('/en/sign-in', url, fields);
      expect(res.statusCode, url).toBe(303);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses civil-society reviewers, IRM researchers and accounts without a role with a 403, writing nothing', async () => {
    const before = await snapshot();
    for (const role of ['civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      for (const url of [EDIT, MILESTONE]) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
      expect((await client.submit('/en/account', EDIT, commitmentFields({ title: 'Hijacked' }))).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', MILESTONE, milestoneFields({ end: '2030-01', reason: 'x' }))).statusCode).toBe(403);
      expect((await client.submit('/en/account', WITHDRAW, { withdrawReason: 'x' })).statusCode).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a point of contact another institution's commitment and milestone, through the form: 403, nothing written", async () => {
    const treasury = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const before = await snapshot();
    for (const url of [EDIT, MILESTONE]) expect((await treasury.get(url)).statusCode, url).toBe(403);
    // With a valid token from a page the PoC may open (its own commitment's form).
    expect((await treasury.submit(OTHER_EDIT, EDIT, commitmentFields({ title: 'Hijacked' }))).statusCode).toBe(403);
    expect((await treasury.submit(OTHER_EDIT, MILESTONE, milestoneFields({ end: '2030-01', reason: 'x' }))).statusCode).toBe(403);
    expect((await treasury.submit(OTHER_EDIT, WITHDRAW, { withdrawReason: 'x' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    // Its own commitment opens.
    expect((await treasury.get(OTHER_EDIT)).statusCode).toBe(200);
  });

  it('opens the forms to a point of contact of a supporting institution', async () => {
    const senate = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'senate' }));
    for (const url of [EDIT, MILESTONE]) expect((await senate.get(url)).statusCode, url).toBe(200);
    expect((await senate.get(OTHER_EDIT)).statusCode).toBe(403);
  });

  it('refuses a form without its CSRF token, or with a wrong one: 403, nothing written', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const before = await snapshot();
    expect((await poc.post(EDIT, commitmentFields({ title: 'No token' }))).statusCode).toBe(403);
    expect((await poc.post(MILESTONE, { ...milestoneFields({ end: '2030-01', reason: 'x' }), _csrf: 'wrong' })).statusCode).toBe(403);
    expect((await poc.post(WITHDRAW, { withdrawReason: 'x' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a commitment or milestone that does not exist', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    expect((await admin.get('/en/commitments/KE9999/edit')).statusCode).toBe(404);
    expect((await admin.get('/en/commitments/KE0031/milestones/99/edit')).statusCode).toBe(404);
    expect((await admin.submit(EDIT, '/en/commitments/KE0031/milestones/99/edit', milestoneFields())).statusCode).toBe(404);
  });
});

describe('editing a commitment', () => {
  it('lets a point of contact of a lead institution edit it, and records who, what before and after, and why', async () => {
    const account = await createAccount(t.database.db, { role: 'point_of_contact', name: 'Pendo Poc' });
    const poc = await signedIn(t.app, account);
    const page = await poc.get(EDIT);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Build institutional support for OGP"');
    expect(page.body).toContain(`href="${MILESTONE}"`);
    // Opens on its English text, the language it was published in, and links its complete translations as such.
    expect(page.body).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(page.body).toContain('You are editing the texts in English. It is the language the commitment was published in.');
    expect(page.body).toContain(`<a href="${EDIT}?lang=fr">Edit the translation in French</a>`);
    expect((await poc.get(`${EDIT}?lang=fr`)).body).toContain('You are editing the texts in French. It is a translation of the text in English.');
    const res = await submitEdit(poc, EDIT, EDIT, commitmentFields({ title: 'Build lasting institutional support for OGP', reason: 'Clearer title' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(`${EDIT}?lang=en&notice=saved`);

    const [change] = (await changesOf('edit_commitment')).slice(-1);
    expect(change).toMatchObject({
      actor_id: account.id, actor_institution_id: account.institutionId, entity_type: 'commitment', reason: 'Clearer title',
      before: { texts: { en: { title: 'Build institutional support for OGP' } } },
      after: { texts: { en: { title: 'Build lasting institutional support for OGP', description: 'A description.' } } },
    });
    const text = await t.database.db.selectFrom('commitment_texts').select('title').where('locale', '=', 'en')
      .where('commitment_id', '=', change!.commitment_id).executeTakeFirstOrThrow();
    expect(text.title).toBe('Build lasting institutional support for OGP');
    expect((await new WebClient(t.app).get('/en/commitments/KE0031')).body).toContain('Build lasting institutional support for OGP');

    // The same form again changes nothing and records nothing.
    const count = (await changesOf()).length;
    const again = await submitEdit(poc, EDIT, EDIT, commitmentFields({ title: 'Build lasting institutional support for OGP' }));
    expect(again.headers.location).toBe(`${EDIT}?lang=en&notice=unchanged`);
    expect(await changesOf()).toHaveLength(count);
  });

  it('lets an administrator add a translation in another language', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    const page = await admin.get(`${EDIT}?lang=es`);
    expect(page.body).toContain('value="Fortalecer el apoyo institucional a la AGA"');
    const res = await submitEdit(admin, `${EDIT}?lang=es`, EDIT, commitmentFields({
      lang: 'es', title: 'Fortalecer el apoyo institucional a la AGA', description: 'Arraigar el proceso.', objectives: 'Documentar el proceso',
    }));
    expect(res.headers.location).toBe(`${EDIT}?lang=es&notice=saved`);
    const es = await t.database.db.selectFrom('commitment_texts').innerJoin('commitments', 'commitments.id', 'commitment_texts.commitment_id')
      .select(['objectives']).where('ogp_id', '=', 'KE0031').where('locale', '=', 'es').executeTakeFirstOrThrow();
    expect(es.objectives).toBe('Documentar el proceso');
    expect((await new WebClient(t.app).get('/es/commitments/KE0031')).body).toContain('Documentar el proceso');
    // The history marks each text's language on its cell, and not on "Not given" (read out in the page's language).
    const history = (await new WebClient(t.app).get('/en/commitments/KE0031/history')).body;
    expect(history).toContain('<ins lang="es">Documentar el proceso</ins>');
    expect(history).toMatch(/Objectives \(Spanish\)<\/th><td data-label="Before"><del>Not given<\/del>/);
  });

  it('refuses bad input naming the field, keeps what was typed, and writes nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const before = await snapshot();
    const res = await submitEdit(poc, EDIT, EDIT, commitmentFields({ title: '  ', description: 'Typed <text> kept', status: 'sleeping' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: ');
    expect(res.body).toContain('Title: this field is required.');
    expect(res.body).toContain('href="#field-title"');
    expect(res.body).toContain('Status: this value is not valid.');
    expect(res.body).toContain('Typed &lt;text> kept');
    const long = await submitEdit(poc, EDIT, EDIT, commitmentFields({ reason: 'x'.repeat(2001) }));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Reason for the change: this is too long.');
    const withdraw = await poc.submit(EDIT, WITHDRAW, { withdrawReason: ' ' });
    expect(withdraw.statusCode).toBe(400);
    expect(withdraw.body).toContain('Reason for the withdrawal: this field is required.');
    expect(await snapshot()).toBe(before);
  });
});

describe('editing and re-planning a milestone', () => {
  it('keeps the planned end date beside the new one, with the reason, and shows both on the public page', async () => {
    const account = await createAccount(t.database.db, { role: 'point_of_contact', name: 'Pendo Planner' });
    const poc = await signedIn(t.app, account);
    const page = await poc.get(MILESTONE);
    expect(page.body).toContain('value="2021-12"');
    const res = await submitEdit(poc, MILESTONE, MILESTONE, milestoneFields({ end: '2022-06', reason: 'Funding arrived late' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);

    const milestone = await t.database.db.selectFrom('milestones').innerJoin('commitments', 'commitments.id', 'milestones.commitment_id')
      .select(['milestones.id', 'milestones.end_date', 'milestones.end_precision', 'milestones.planned_end_date', 'milestones.planned_end_precision'])
      .where('ogp_id', '=', 'KE0031').where('number', '=', 1).executeTakeFirstOrThrow();
    expect(milestone).toMatchObject({ end_date: '2022-06-01', end_precision: 'month', planned_end_date: '2021-12-01', planned_end_precision: 'month' });
    const [replan] = (await changesOf('replan_milestone')).slice(-1);
    expect(replan).toMatchObject({
      actor_id: account.id, entity_type: 'milestone', entity_id: milestone.id, reason: 'Funding arrived late',
      before: { end: { date: '2021-12-01', precision: 'month' } },
      after: { end: { date: '2022-06-01', precision: 'month' }, plannedEnd: { date: '2021-12-01', precision: 'month' } },
    });
    // Nothing else changed: no edit_milestone entry for this save.
    expect((await changesOf('edit_milestone')).filter((c) => c.id > replan!.id)).toHaveLength(0);

    // A second re-plan keeps the first planned date.
    await submitEdit(poc, MILESTONE, MILESTONE, milestoneFields({ end: '2022-09', reason: 'Elections' }));
    const again = await t.database.db.selectFrom('milestones').select(['end_date', 'planned_end_date']).where('id', '=', milestone.id).executeTakeFirstOrThrow();
    expect(again).toEqual({ end_date: '2022-09-01', planned_end_date: '2021-12-01' });

    const publicPage = await new WebClient(t.app).get('/en/commitments/KE0031');
    expect(publicPage.body).toContain('planned: December 2021, now: September 2022');
    expect((await new WebClient(t.app).get('/fr/commitments/KE0031')).body).toContain('prévue : décembre 2021, désormais : septembre 2022');
  });

  it('records a text, status and start change as edit_milestone', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    const url = '/en/commitments/KE0031/milestones/2/edit';
    const res = await submitEdit(admin, `${url}?lang=fr`, url, {
      lang: 'fr', text: 'Intégrer les nouveaux acteurs chaque trimestre', declaredStatus: 'ongoing', start: '2021-04', end: '2021-12', reason: '',
    });
    expect(res.statusCode).toBe(303);
    const [change] = (await changesOf('edit_milestone')).slice(-1);
    expect(change).toMatchObject({
      before: { declaredStatus: 'new', start: { date: '2021-02-01', precision: 'month' }, texts: { fr: 'Intégrer les nouveaux acteurs et examiner chaque trimestre l’avancement des engagements' } },
      after: { declaredStatus: 'ongoing', start: { date: '2021-04-01', precision: 'month' }, texts: { fr: 'Intégrer les nouveaux acteurs chaque trimestre' } },
      reason: null,
    });
  });

  it('refuses bad input naming the field, keeps what was typed, and writes nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const before = await snapshot();
    const cases: [Record<string, string>, string][] = [
      [milestoneFields({ end: 'June 2022', reason: 'x' }), 'End date: enter a year and month like 2022-05.'],
      [milestoneFields({ start: '2021-13' }), 'Start date: enter a year and month like 2022-05.'],
      [milestoneFields({ start: '2022-01', end: '2021-12' }), 'End date: the end date cannot be before the start date.'],
      [milestoneFields({ text: '' }), 'Milestone: this field is required.'],
      [milestoneFields({ declaredStatus: 'late' }), 'Milestone status: this value is not valid.'],
      [milestoneFields({ end: '2023-01' }), 'Reason for the change: say why the end date changes.'],
    ];
    for (const [fields, message] of cases) {
      const res = await submitEdit(poc, MILESTONE, MILESTONE, fields);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(message);
    }
    const kept = await submitEdit(poc, MILESTONE, MILESTONE, milestoneFields({ end: '2023-01', text: 'Typed text kept' }));
    expect(kept.body).toContain('value="2023-01"');
    expect(kept.body).toContain('Typed text kept');
    expect(await snapshot()).toBe(before);
  });
});

describe('withdrawal, history and restore', () => {
  it('withdraws a commitment with a reason, keeps it, and records it', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const res = await poc.submit(OTHER_EDIT, '/en/commitments/KE0024/withdraw', { withdrawReason: 'Merged into KE0025' });
    expect(res.statusCode).toBe(303);
    const row = await t.database.db.selectFrom('commitments').select(['id', 'status']).where('ogp_id', '=', 'KE0024').executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    const [change] = (await changesOf('withdraw_commitment')).slice(-1);
    expect(change).toMatchObject({ commitment_id: row.id, before: { status: null }, after: { status: 'withdrawn' }, reason: 'Merged into KE0025' });
    const publicPage = await new WebClient(t.app).get('/en/commitments/KE0024');
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('Withdrawn');
  });

  it('shows the public who, when, what and why, and lets only administrators restore an earlier version as a new change', async () => {
    const db = t.database.db;
    const poc = await signedIn(t.app, await createAccount(db, { role: 'point_of_contact', name: 'Hadija History' }));
    await submitEdit(poc, EDIT, EDIT, commitmentFields({ title: 'A title to undo', status: 'completed', reason: 'Testing history' }));
    const [edit] = (await changesOf('edit_commitment')).slice(-1);

    const history = await new WebClient(t.app).get('/en/commitments/KE0031/history');
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Hadija History (Office of the Deputy President)');
    expect(history.body).toContain('Testing history');
    expect(history.body).toContain('Title (English)');
    expect(history.body).toContain('<ins lang="en">A title to undo</ins>');
    expect(history.body).toContain('<ins>Completed</ins>');
    expect(history.body).toContain('Milestone re-planned: milestone 1');
    expect(history.body).not.toContain('Restore the version');
    expect(history.body).not.toContain(`href="${EDIT}"`);
    expect((await poc.get('/en/commitments/KE0031/history')).body).toContain(`href="${EDIT}"`);
    expect((await new WebClient(t.app).get('/en/commitments/KE0031')).body).toContain('href="/en/commitments/KE0031/history"');

    // A point of contact sees no button and cannot post one.
    expect((await poc.get('/en/commitments/KE0031/history')).body).not.toContain('Restore the version');
    const before = await snapshot();
    expect((await poc.submit('/en/commitments/KE0031/history', '/en/commitments/KE0031/history/restore', { change: edit!.id })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);

    const admin = await signedIn(t.app, await createAccount(db, { role: 'administrator', name: 'Amani Admin' }));
    const page = await admin.get('/en/commitments/KE0031/history');
    expect(page.body).toContain('Restore the version before this change');
    const res = await admin.post('/en/commitments/KE0031/history/restore', { change: edit!.id, _csrf: csrfTokenIn(page.body)! });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/commitments/KE0031/history?notice=restored');
    const restored = await db.selectFrom('commitment_texts').innerJoin('commitments', 'commitments.id', 'commitment_texts.commitment_id')
      .select(['title', 'status']).where('ogp_id', '=', 'KE0031').where('locale', '=', 'en').executeTakeFirstOrThrow();
    expect(restored).toEqual({ title: (edit!.before as { texts: { en: { title: string } } }).texts.en.title, status: 'active' });
    const [restore] = (await changesOf('restore_commitment_version')).slice(-1);
    expect(restore).toMatchObject({
      before: { status: 'completed', texts: { en: { title: 'A title to undo' } } },
      after: { status: 'active', restoredFrom: edit!.id },
    });
    expect((await admin.get('/en/commitments/KE0031/history')).body).toContain('Earlier version restored');
    // A change of another commitment cannot be restored here.
    const other = (await changesOf('withdraw_commitment'))[0]!;
    const page2 = await admin.get('/en/commitments/KE0031/history');
    expect((await admin.post('/en/commitments/KE0031/history/restore', { change: other.id, _csrf: csrfTokenIn(page2.body)! })).statusCode).toBe(400);
  });
});
