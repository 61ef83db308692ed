import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

// KE0031 (Office of the Deputy President, supported by the Senate) has milestones 1-7; KE0024 is the Treasury's.
const NEW = '/en/commitments/KE0031/milestones/new';
const OTHER_NEW = '/en/commitments/KE0024/milestones/new';
const milestone = (over: Record<string, string> = {}) => ({ lang: 'en', text: 'Publish a yearly report on the OGP desks', start: '2022-01', end: '2022-12', ...over });

async function snapshot() {
  const db = t.database.db;
  const [milestones, texts, changes] = await Promise.all([
    sql`select * from milestones order by id`.execute(db),
    sql`select milestone_id, locale, text from milestone_texts order by 1, 2`.execute(db),
    sql`select * from changes order by id`.execute(db),
  ]);
  return JSON.stringify([milestones.rows, texts.rows, changes.rows]);
}

describe('who may add a milestone', () => {
  it('sends the public to sign in and refuses reviewers, researchers and accounts without a role, writing nothing', async () => {
    const before = await snapshot();
    expect((await new WebClient(t.app).get(NEW)).statusCode).toBe(303);
    expect((await new WebClient(t.app).submit('/en/sign-in', NEW, milestone())).statusCode).toBe(303);
    for (const role of ['civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      expect((await client.get(NEW)).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', NEW, milestone())).statusCode, String(role)).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a point of contact of institution A a milestone on B's commitment: 403, nothing written", async () => {
    const treasury = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const before = await snapshot();
    expect((await treasury.get(NEW)).statusCode).toBe(403);
    expect((await treasury.submit(OTHER_NEW, NEW, milestone())).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    expect((await treasury.get(OTHER_NEW)).statusCode).toBe(200);
  });

  it('refuses a form without its CSRF token, and answers 404 for a commitment that does not exist', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const before = await snapshot();
    expect((await poc.post(NEW, milestone())).statusCode).toBe(403);
    expect((await poc.post(NEW, { ...milestone(), _csrf: 'wrong' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    expect((await poc.get('/en/commitments/KE9999/milestones/new')).statusCode).toBe(404);
  });
});

describe('create_milestone and the milestone history tab', () => {
  it('adds the next milestone for a supporting institution, records it, and shows it in its own history', async () => {
    const account = await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'senate', name: 'Sefu Senate' });
    const senate = await signedIn(t.app, account);
    const page = await senate.get(NEW);
    expect(page.body).toContain('It will be milestone 8.');
    const res = await senate.submit(NEW, NEW, milestone());
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/en/commitments/KE0031/milestones/8/edit?lang=en&notice=created');
    expect((await senate.get(res.headers.location as string)).body).toContain('href="/en/commitments/KE0031/milestones/8/history"');

    const db = t.database.db;
    const row = await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
      .innerJoin('milestone_texts as t', 't.milestone_id', 'm.id')
      .select(['m.id', 'm.number', 'm.start_date', 'm.end_precision', 't.text', 't.locale']).where('c.ogp_id', '=', 'KE0031').where('m.number', '=', 8)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ start_date: '2022-01-01', end_precision: 'month', text: 'Publish a yearly report on the OGP desks', locale: 'en' });
    const change = await db.selectFrom('changes').selectAll().where('command', '=', 'create_milestone').executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      actor_id: account.id, actor_institution_id: account.institutionId, entity_type: 'milestone', entity_id: row.id, before: {},
      after: { texts: { en: 'Publish a yearly report on the OGP desks' }, start: { date: '2022-01-01', precision: 'month' } },
    });

    // Then an edit of milestone 8, and one of milestone 1: the milestone's tab lists its own changes only.
    const edit8 = '/en/commitments/KE0031/milestones/8/edit';
    await submitEdit(senate, edit8, edit8, { ...milestone({ text: 'Publish a yearly report on every OGP desk' }), declaredStatus: 'new', reason: 'Wording' });
    const edit1 = '/en/commitments/KE0031/milestones/1/edit';
    const form1 = (await senate.get(edit1)).body;
    const valueOf = (name: string) => new RegExp(`name="${name}" type="text" value="([^"]*)"`).exec(form1)?.[1] ?? '';
    const edited = await submitEdit(senate, edit1, edit1, { lang: 'en', text: 'Changed milestone one', start: valueOf('start'), end: valueOf('end'), reason: '' });
    expect(edited.statusCode).toBe(303);

    const history = await new WebClient(t.app).get('/en/commitments/KE0031/milestones/8/history');
    expect(history.statusCode).toBe(200);
    expect(history.headers['cache-control']).toBeUndefined();
    const entries = history.body.match(/<li id="change-/g) ?? [];
    expect(entries).toHaveLength(2);
    expect(history.body).toContain('<h1>History of milestone 8 of commitment KE0031</h1>');
    expect(history.body).toContain('Milestone added');
    expect(history.body).toContain('<ins lang="en">Publish a yearly report on every OGP desk</ins>');
    expect(history.body).toContain('Sefu Senate (Senate)');
    expect(history.body).not.toContain('Changed milestone one');
    expect(history.body).toContain('href="/en/commitments/KE0031/milestones/8"');
    // The commitment's tab lists both.
    const all = await new WebClient(t.app).get('/en/commitments/KE0031/history');
    expect(all.body).toContain('Milestone added: milestone 8');
    expect(all.body).toContain('Changed milestone one');
  });

  it('answers 404 for a milestone that does not exist, and redirects a lower-case id', async () => {
    expect((await new WebClient(t.app).get('/en/commitments/KE0031/milestones/99/history')).statusCode).toBe(404);
    expect((await new WebClient(t.app).get('/en/commitments/KE0031/milestones/x/history')).statusCode).toBe(404);
    const lower = await new WebClient(t.app).get('/en/commitments/ke0031/milestones/1/history');
    expect(lower.statusCode).toBe(301);
    expect(lower.headers.location).toBe('/en/commitments/KE0031/milestones/1/history');
  });

  it('refuses bad input naming each field, keeps what was typed, and writes nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const before = await snapshot();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [milestone({ text: ' ' }), { text: 'Milestone: this field is required.' }],
      [milestone({ text: 'x'.repeat(5001) }), { text: 'Milestone: this is too long.' }],
      [milestone({ start: 'May 2022' }), { start: 'Start date: enter a year and month like 2022-05.' }],
      [milestone({ end: '2021-12' }), { end: 'End date: the end date cannot be before the start date.' }],
      [milestone({ lang: 'de' }), { lang: 'Language of the texts: this value is not valid.' }],
    ];
    for (const [fields, errors] of cases) {
      const res = await poc.submit(NEW, NEW, fields);
      expect(res.statusCode, JSON.stringify(errors)).toBe(400);
      for (const [name, message] of Object.entries(errors)) expect(res.body, message).toContain(message);
      if (fields.start !== 'May 2022') expect(res.body).toContain(`value="${fields.start}"`);
    }
    expect(await snapshot()).toBe(before);
  });
});
