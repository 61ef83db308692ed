import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

// The demo data set has Kenya's fourth action plan (2020-2022).
const NEW = '/en/members/kenya/action-plans/new';
const EDIT = '/en/members/kenya/action-plans/4/edit';
const plan = (over: Record<string, string> = {}) => ({ number: '5', submissionYear: '2023', startYear: '2023', endYear: '2025', ...over });

async function snapshot() {
  const db = t.database.db;
  const [plans, changes, facets] = await Promise.all([
    sql`select * from action_plans order by id`.execute(db),
    sql`select * from changes order by id`.execute(db),
    sql`select * from commitment_facets order by commitment_id`.execute(db),
  ]);
  return JSON.stringify([plans.rows, changes.rows, facets.rows]);
}

const admin = async () => signedIn(t.app, await createAccount(t.database.db, { role: 'administrator', name: 'Amani Admin' }));

describe('who may create and edit action plans', () => {
  it('sends the public to sign in and writes nothing', async () => {
    const before = await snapshot();
    for (const url of [NEW, EDIT]) {
      const res = await new WebClient(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(url)}`);
      expect((await new WebClient(t.app).submit('/en/sign-in', url, plan())).statusCode, url).toBe(303);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses points of contact, reviewers, researchers and accounts without a role: 403, nothing written', async () => {
    const before = await snapshot();
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      for (const url of [NEW, EDIT]) {
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
        expect((await client.submit('/en/account', url, plan())).statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a form without its CSRF token or with a wrong one: 403, nothing written', async () => {
    const client = await admin();
    const before = await snapshot();
    expect((await client.post(NEW, plan())).statusCode).toBe(403);
    expect((await client.post(EDIT, { ...plan({ number: '4' }), _csrf: 'wrong' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a member or plan that does not exist', async () => {
    const client = await admin();
    expect((await client.get('/en/members/atlantis/action-plans/new')).statusCode).toBe(404);
    expect((await client.get('/en/members/kenya/action-plans/9/edit')).statusCode).toBe(404);
    expect((await client.get('/en/members/kenya/action-plans/x/edit')).statusCode).toBe(404);
  });
});

describe('create_action_plan and edit_action_plan', () => {
  it('creates a plan, records it in the plan history, and shows it on the member page', async () => {
    const account = await createAccount(t.database.db, { role: 'administrator' });
    const client = await signedIn(t.app, account);
    const page = await client.get(NEW);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const res = await client.submit(NEW, NEW, plan());
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/en/members/kenya/action-plans/5/edit?notice=created');
    const created = await client.get(res.headers.location as string);
    expect(created.body).toContain('Created, and recorded in the history.');
    expect(created.body).toContain('href="/en/members/kenya/action-plans/5/commitments/new"');

    const row = await t.database.db.selectFrom('action_plans').selectAll().where('number', '=', 5).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ submission_year: 2023, start_year: 2023, end_year: 2025 });
    const change = await t.database.db.selectFrom('changes').selectAll().where('command', '=', 'create_action_plan').executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      actor_id: account.id, entity_type: 'action_plan', entity_id: row.id, action_plan_id: row.id, commitment_id: null,
      before: {}, after: { number: 5, submissionYear: 2023, startYear: 2023, endYear: 2025 },
    });
    expect((await new WebClient(t.app).get('/en/members/kenya')).body).toContain('/en/members/kenya/action-plans/5"');
  });

  it('refuses bad input naming each field, keeps what was typed, and writes nothing', async () => {
    const client = await admin();
    const before = await snapshot();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [plan({ number: '' }), { number: 'Action plan number: this field is required.' }],
      [plan({ number: '100' }), { number: 'Action plan number: enter a whole number from 1 to 99.' }],
      [plan({ number: '4' }), { number: 'Action plan number: this member already has an action plan with this number.' }],
      [plan({ submissionYear: '1999' }), { submissionYear: 'Year of submission: enter a year from 2011 to 2100.' }],
      [plan({ startYear: 'soon' }), { startYear: 'First year: enter a year from 2011 to 2100.' }],
      [plan({ endYear: '2023' }), { endYear: 'Last year: the plan must end one to four years after its first year.' }],
      [plan({ endYear: '2028' }), { endYear: 'Last year: the plan must end one to four years after its first year.' }],
    ];
    for (const [fields, errors] of cases) {
      const res = await client.submit(NEW, NEW, fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain('<title>Error: ');
      for (const [name, message] of Object.entries(errors)) {
        expect(res.body, message).toContain(`href="#field-${name}">${message}</a>`);
        expect(res.body).toContain(`name="${name}" type="text" value="${fields[name]}"`);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('edits the years of a plan, records before and after, refreshes its commitments\' facets; unchanged writes nothing', async () => {
    const client = await admin();
    const plan4 = (over: Record<string, string> = {}) => plan({ number: '4', submissionYear: '2020', startYear: '2020', endYear: '2022', ...over });
    const page = await client.get(EDIT);
    expect(page.body).toContain('name="startYear" type="text" value="2020"');
    const res = await client.submit(EDIT, EDIT, plan4({ endYear: '2024', reason: 'Extended by the cabinet' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(`${EDIT}?notice=saved`);
    const change = await t.database.db.selectFrom('changes').selectAll().where('command', '=', 'edit_action_plan').executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      entity_type: 'action_plan', before: { endYear: 2022 }, after: { endYear: 2024 }, commitment_id: null, reason: 'Extended by the cabinet',
    });
    const facets = await sql<{ years: string }>`select distinct plan_end_year::text as years from commitment_facets f join commitments c on c.id = f.commitment_id where c.ogp_id like 'KE%'`.execute(t.database.db);
    expect(facets.rows.map((r) => r.years)).toEqual(['2024']);

    const count = (await t.database.db.selectFrom('changes').select('id').execute()).length;
    const again = await client.submit(EDIT, EDIT, plan4({ endYear: '2024' }));
    expect(again.headers.location).toBe(`${EDIT}?notice=unchanged`);
    expect((await t.database.db.selectFrom('changes').select('id').execute()).length).toBe(count);

    // Another plan's number is refused on the number field.
    const taken = await client.submit(EDIT, EDIT, plan4({ number: '5', endYear: '2024' }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('this member already has an action plan with this number.');
  });
});

describe('the public member and plan pages link to these forms', () => {
  const MEMBER = '/en/members/kenya';
  const PLAN = '/en/members/kenya/action-plans/4';
  const NEW_COMMITMENT = '/en/members/kenya/action-plans/4/commitments/new';
  const linksOn = async (client: WebClient, url: string) => {
    const res = await client.get(url);
    expect(res.statusCode, url).toBe(200);
    return { links: [NEW, EDIT, NEW_COMMITMENT].filter((href) => res.body.includes(`href="${href}"`)), cache: res.headers['cache-control'] };
  };

  it('offers an administrator "Add an action plan", "Edit this action plan" and "Add a commitment", on private pages', async () => {
    const client = await admin();
    expect(await linksOn(client, MEMBER)).toEqual({ links: [NEW], cache: 'private, no-cache' });
    expect(await linksOn(client, PLAN)).toEqual({ links: [EDIT, NEW_COMMITMENT], cache: 'private, no-cache' });
    expect((await client.get(MEMBER)).body).toContain(`<a href="${NEW}">Add an action plan</a>`);
  });

  it('offers a point of contact of the member only "Add a commitment"; a reviewer and the public nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    expect((await linksOn(poc, MEMBER)).links).toEqual([]);
    expect((await linksOn(poc, PLAN)).links).toEqual([NEW_COMMITMENT]);
    const reviewer = await signedIn(t.app, await createAccount(t.database.db, { role: 'civil_society_reviewer' }));
    for (const url of [MEMBER, PLAN]) expect((await linksOn(reviewer, url)).links, url).toEqual([]);
    // The public page stays as it was, cacheable by anyone.
    for (const url of [MEMBER, PLAN]) expect(await linksOn(new WebClient(t.app), url), url).toEqual({ links: [], cache: 'public, max-age=60' });
  });
});
