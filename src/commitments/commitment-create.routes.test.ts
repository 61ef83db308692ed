import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { COMMITMENT_TABLES, tableContents } from '../../test/helpers/database.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';

let t: TestApp;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db.selectFrom('institutions').select(['id', 'slug']).execute();
  ids = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
});
afterAll(async () => { await t.close(); });

const NEW = '/en/members/kenya/action-plans/4/commitments/new';
const fields = (over: Record<string, string> = {}, lists: { supporting?: string[]; areas?: string[] } = {}): [string, string][] => [
  ...Object.entries({
    lang: 'en', ogpId: 'KE0040', numberInPlan: '9', title: 'Publish budget execution data monthly', description: 'Every month, in open formats.',
    objectives: 'Publish data\nTrain journalists', leadInstitution: ids['office-of-the-deputy-president']!, start: '2021-01', end: '2022-06', ...over,
  }),
  ...(lists.supporting ?? [ids.senate!, ids['civil-society-organisations']!]).map((id): [string, string] => ['supportingInstitutions', id]),
  ...(lists.areas ?? ['open-data', 'fiscal-openness']).map((key): [string, string] => ['policyAreas', key]),
];

/** Everything the command could write: a refused request leaves all of it as it was. */
const snapshot = () => tableContents(t.database.db, COMMITMENT_TABLES);

describe('who may create a commitment', () => {
  it('sends the public to sign in, refuses reviewers, researchers and accounts without a role (403), and writes nothing', async () => {
    const before = await snapshot();
    const res = await new WebClient(t.app).get(NEW);
    expect(res.statusCode).toBe(303);
    expect((await new WebClient(t.app).submit('/en/sign-in', NEW, fields())).statusCode).toBe(303);
    for (const role of ['civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      expect((await client.get(NEW)).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', NEW, fields())).statusCode, String(role)).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a point of contact who names another institution as the lead: 403, nothing written', async () => {
    const treasury = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'national-treasury' }));
    const before = await snapshot();
    const page = await treasury.get(NEW);
    expect(page.statusCode).toBe(200);
    // Only their own institution is offered as the lead.
    expect(page.body).toContain(`<option value="${ids['national-treasury']}" selected>National Treasury</option>`);
    expect(page.body).not.toContain(`<option value="${ids['office-of-the-deputy-president']}"`);
    expect((await treasury.submit(NEW, NEW, fields())).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a form without its CSRF token: 403, nothing written', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    const before = await snapshot();
    expect((await admin.post(NEW, fields())).statusCode).toBe(403);
    expect((await admin.post(NEW, [...fields(), ['_csrf', 'wrong']])).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a plan that does not exist', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    expect((await admin.get('/en/members/kenya/action-plans/9/commitments/new')).statusCode).toBe(404);
    expect((await admin.get('/en/members/atlantis/action-plans/4/commitments/new')).statusCode).toBe(404);
  });
});

describe('create_commitment', () => {
  it('lets a point of contact create a commitment their institution leads, in one transaction with its history row', async () => {
    const account = await createAccount(t.database.db, { role: 'point_of_contact', name: 'Pendo Poc' });
    const poc = await signedIn(t.app, account);
    const res = await poc.submit(NEW, NEW, fields());
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(303);
    expect(res.headers.location).toBe('/en/commitments/KE0040/edit?notice=created');

    const db = t.database.db;
    const commitment = await db.selectFrom('commitments').selectAll().where('ogp_id', '=', 'KE0040').executeTakeFirstOrThrow();
    expect(commitment).toMatchObject({ number_in_plan: 9, status: 'active', source_locale: 'en', start_precision: 'month', end_precision: 'month' });
    const links = await db.selectFrom('commitment_institutions').select(['institution_id', 'role', 'actor_group'])
      .where('commitment_id', '=', commitment.id).orderBy('role').orderBy('position').execute();
    expect(links).toEqual([
      { institution_id: ids['office-of-the-deputy-president'], role: 'lead', actor_group: null },
      { institution_id: ids.senate, role: 'supporting', actor_group: 'government' },
      { institution_id: ids['civil-society-organisations'], role: 'supporting', actor_group: 'other' },
    ]);
    // The facets row and search vector are filled as for any other writer (migration 004's triggers).
    const facets = await db.selectFrom('commitment_facets').selectAll().where('commitment_id', '=', commitment.id).executeTakeFirstOrThrow();
    expect(facets.policy_areas).toEqual(['fiscal-openness', 'open-data']);
    expect(facets.lead_institutions).toEqual([ids['office-of-the-deputy-president']]);
    const change = await db.selectFrom('changes').selectAll().where('command', '=', 'create_commitment').executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      actor_id: account.id, actor_institution_id: account.institutionId, entity_type: 'commitment', entity_id: commitment.id,
      commitment_id: commitment.id, action_plan_id: commitment.action_plan_id, before: {},
      after: {
        ogpId: 'KE0040', numberInPlan: 9, leadInstitution: 'Office of the Deputy President',
        supportingInstitutions: ['Senate', 'Civil society organisations'], policyAreas: ['open-data', 'fiscal-openness'],
        texts: { en: { title: 'Publish budget execution data monthly', objectives: 'Publish data\nTrain journalists' } },
        start: { date: '2021-01-01', precision: 'month' }, end: { date: '2022-06-01', precision: 'month' },
      },
    });

    const publicPage = await new WebClient(t.app).get('/en/commitments/KE0040');
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('Publish budget execution data monthly');
    const search = await new WebClient(t.app).get('/en/commitments?q=journalists');
    expect(search.body).toContain('KE0040');
    const history = await new WebClient(t.app).get('/en/commitments/KE0040/history');
    expect(history.body).toContain('Commitment created');
    expect(history.body).toContain('Open data'); // policy areas shown by label
  });

  it('refuses bad input naming each field, keeps what was typed and checked, and writes nothing', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    const before = await snapshot();
    // KE0040 took number 9 above.
    const bad = (over: Record<string, string>, lists?: Parameters<typeof fields>[1]) => fields({ numberInPlan: '10', ...over }, lists);
    const cases: [[string, string][], Record<string, string>][] = [
      [bad({ title: ' ', ogpId: '' }), { title: 'Title: this field is required.', ogpId: 'OGP commitment ID: this field is required.' }],
      [bad({ ogpId: 'KE31' }), { ogpId: 'OGP commitment ID: enter two to four capital letters and four digits, such as KE0031.' }],
      [bad({ ogpId: 'MX0001' }), { ogpId: 'OGP commitment ID: the ID must start with this member’s prefix.' }],
      [bad({ ogpId: 'ke0031' }), { ogpId: 'OGP commitment ID: another commitment already has this ID.' }],
      [bad({ ogpId: 'KE0041', numberInPlan: '8' }), { numberInPlan: 'Commitment number in the plan: another commitment of this action plan has this number.' }],
      [bad({ ogpId: 'KE0041', numberInPlan: 'two' }), { numberInPlan: 'Commitment number in the plan: enter a whole number, such as 3.' }],
      [bad({ ogpId: 'KE0041', leadInstitution: '' }), { leadInstitution: 'Lead institution: this field is required.' }],
      [bad({ ogpId: 'KE0041', leadInstitution: '999999' }), { leadInstitution: 'Lead institution: this value is not valid.' }],
      [bad({ ogpId: 'KE0041' }, { supporting: ['999999'] }), { supportingInstitutions: 'Supporting institutions: this value is not valid.' }],
      [bad({ ogpId: 'KE0041' }, { areas: ['not-an-area'] }), { policyAreas: 'Policy areas: this value is not valid.' }],
      [bad({ ogpId: 'KE0041', start: '2022-13' }), { start: 'Start date: enter a year and month like 2022-05.' }],
      [bad({ ogpId: 'KE0041', end: '2020-01' }), { end: 'End date: the end date cannot be before the start date.' }],
    ];
    for (const [body, errors] of cases) {
      const res = await admin.submit(NEW, NEW, body);
      expect(res.statusCode, JSON.stringify(errors)).toBe(400);
      for (const [name, message] of Object.entries(errors)) expect(res.body, message).toContain(`href="#field-${name}">${message.replaceAll('’', '&#39;')}</a>`);
      expect(res.body).toContain('Every month, in open formats.</textarea>');
      // Every offered box that was checked is checked again (unknown values have no box).
      const checked = body.filter(([name, value]) => (name === 'supportingInstitutions' || name === 'policyAreas') && !['999999', 'not-an-area'].includes(value));
      for (const [, value] of checked) expect(res.body).toContain(`value="${value}" checked`);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('a lead institution also ticked as supporting', () => {
  it('is refused in every language, naming the supporting institutions, keeping what was typed, writing nothing', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' }));
    const lead = ids['office-of-the-deputy-president']!;
    const before = await snapshot();
    const messages = {
      en: 'Supporting institutions: the lead institution cannot also be a supporting institution. Untick it here.',
      fr: 'Institutions d’appui : l’institution responsable ne peut pas être aussi une institution d’appui. Décochez-la ici.',
      es: 'Instituciones de apoyo: la institución responsable no puede ser también una institución de apoyo. Desmárquela aquí.',
      sw: 'Taasisi zinazounga mkono: taasisi inayoongoza haiwezi pia kuwa taasisi inayounga mkono. Ondoa alama yake hapa.',
    };
    for (const [locale, message] of Object.entries(messages)) {
      const page = NEW.replace('/en/', `/${locale}/`);
      const res = await poc.submit(page, page, fields({ ogpId: 'KE0091', numberInPlan: '91', title: ' ' }, { supporting: [lead, ids.senate!] }));
      expect(res.statusCode, locale).toBe(400);
      expect(res.body, locale).toContain(`href="#field-supportingInstitutions">${message}</a>`);
      expect(res.body, locale).toContain('href="#field-title">'); // the form's other mistakes are named with it
      expect(res.body, locale).toContain(`value="${lead}" checked`);
      expect(res.body, locale).toContain('Every month, in open formats.</textarea>');
    }
    // A point of contact naming another institution as the lead, twice over, is still refused as such.
    const senate = ids.senate!;
    expect((await poc.submit(NEW, NEW, fields({ ogpId: 'KE0091', leadInstitution: senate }, { supporting: [senate] }))).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    expect(await t.database.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0091').executeTakeFirst()).toBeUndefined();
  });
});
