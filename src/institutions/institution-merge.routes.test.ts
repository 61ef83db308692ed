import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { tableContents } from '../../test/helpers/database.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount, type TestAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { saveCommitmentRecords } from '../commitments/save-commitment-records.ts';

// An import renamed the Office of the Deputy President ("Deputy President's Office"): the new name is a new
// institution, and the office's point of contact lost their commitments. The secretariat merges the old into the new.
let t: TestApp;
let admin: WebClient;
let poc: TestAccount;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  admin = await signedIn(t.app, await createAccount(db, { role: 'administrator', name: 'Amani Admin' }));
  poc = await createAccount(db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president', name: 'Pili Poc' });
  const record = demoCommitments.find((r) => r.ogpId === 'KE0031')!;
  await db.transaction().execute((trx) => saveCommitmentRecords(trx, [{
    ...record, leadInstitutions: [{ name: 'Deputy President’s Office', kind: 'agency' }, ...record.leadInstitutions.slice(1)],
  }]));
  for (const i of await db.selectFrom('institutions').select(['id', 'slug']).execute()) ids[i.slug] = i.id;
});
afterAll(async () => { await t.close(); });

const institution = (slug: string) => `/en/members/kenya/institutions/${slug}`;
const OLD = institution('office-of-the-deputy-president');
const NEW = institution('deputy-president-s-office');
const MERGE = `${OLD}/merge`;
const written = () => tableContents(t.database.db, ['institutions', 'changes', 'commitment_institutions', 'invitations', 'milestone_reports',
  'publication_institutions']);
const leads = async (ogpId: string, role: 'lead' | 'supporting' = 'lead') => (await t.database.db.selectFrom('commitment_institutions as ci')
  .innerJoin('commitments as c', 'c.id', 'ci.commitment_id').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
  .select('i.name').where('c.ogp_id', '=', ogpId).where('ci.role', '=', role).orderBy('ci.position').execute()).map((r) => r.name);
/** Opens the confirmation for `into`, then sends its form as a person would. */
const merge = async (from: string, into: string, fields: Record<string, string> = {}) =>
  admin.submit(`${institution(from)}/merge?into=${ids[into]}`, `${institution(from)}/merge`, { into: ids[into]!, ...fields });

describe('who may merge institutions', () => {
  it('sends the public to sign in, refuses every role but the secretariat (403), and writes nothing', async () => {
    const before = await written();
    const anonymous = await new WebClient(t.app).get(MERGE);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(MERGE)}`);
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      // A point of contact of another institution: the office's own one is counted below.
      const client = await signedIn(t.app, await createAccount(t.database.db, { role, ...(role === 'point_of_contact' ? { institutionSlug: 'media' } : {}) }));
      expect((await client.get(`${MERGE}?into=${ids['deputy-president-s-office']}`)).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', MERGE, { into: ids['deputy-president-s-office']! })).statusCode, String(role)).toBe(403);
    }
    expect(await written()).toBe(before);
  });

  it('refuses a form without its CSRF token or with a wrong one: 403, nothing written', async () => {
    const before = await written();
    expect((await admin.post(MERGE, { into: ids['deputy-president-s-office']! })).statusCode).toBe(403);
    expect((await admin.post(MERGE, { into: ids['deputy-president-s-office']!, _csrf: 'wrong' })).statusCode).toBe(403);
    expect(await written()).toBe(before);
  });
});

describe('merge_institution refused', () => {
  it('answers 400 naming the field for each bad `into` or reason, on the page and the form, and writes nothing', async () => {
    const db = t.database.db;
    const other = await db.insertInto('members').values({ slug: 'atlantis', name: 'Atlantis', kind: 'national', ogp_prefix: 'AT' })
      .returning('id').executeTakeFirstOrThrow();
    const foreign = await db.insertInto('institutions').values({ member_id: other.id, slug: 'treasury', name: 'Treasury', kind: 'agency' })
      .returning('id').executeTakeFirstOrThrow();
    const before = await written();
    const field = 'Institution to merge it into';
    const cases: [Record<string, string>, string][] = [
      [{}, `${field}: this field is required.`],
      [{ into: '' }, `${field}: this field is required.`],
      [{ into: 'abc' }, `${field}: this value is not valid.`],
      [{ into: '0' }, `${field}: this value is not valid.`],
      [{ into: '9'.repeat(19) }, `${field}: this value is not valid.`],
      [{ into: ids['office-of-the-deputy-president']! }, `${field}: an institution cannot be merged into itself. Choose another institution.`],
      [{ into: '999999' }, `${field}: choose an institution of the same member.`],
      [{ into: foreign.id }, `${field}: choose an institution of the same member.`],
      [{ into: ids['deputy-president-s-office']!, reason: 'r'.repeat(1001) }, 'Reason for the change: this is too long. Use at most 1,000 characters.'],
    ];
    for (const [fields, message] of cases) {
      const res = await admin.submit(MERGE, MERGE, fields);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect(res.body, JSON.stringify(fields).slice(0, 60)).toContain(message);
      if (fields.into !== undefined && !fields.reason) {
        const page = await admin.get(`${MERGE}?into=${encodeURIComponent(fields.into)}`);
        expect(page.statusCode, fields.into).toBe(400);
        expect(page.body, fields.into).toContain(message);
      }
    }
    expect(await written()).toBe(before);
  });
});

describe('merging the institution an import renamed away into its new name', () => {
  it('first shows what will move, counted, and changes nothing', async () => {
    const before = await written();
    const choice = await admin.get(MERGE);
    expect(choice.statusCode).toBe(200);
    expect(choice.body).toContain(`<option value="${ids['deputy-president-s-office']}"`);
    expect(choice.body).not.toContain(`<option value="${ids['office-of-the-deputy-president']}"`);
    const confirm = await admin.get(`${MERGE}?into=${ids['deputy-president-s-office']}`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Merge Office of the Deputy President into Deputy President’s Office?');
    expect(confirm.body).toContain('0 commitments it leads or supports');
    expect(confirm.body).toContain('1 point of contact');
    expect(await written()).toBe(before);
  });

  it('moves its point of contact, who can edit the commitments again, and leads its address to the new name', async () => {
    const client = await signedIn(t.app, poc);
    const EDIT = '/en/commitments/KE0031/edit';
    expect((await client.get(EDIT)).statusCode).toBe(403); // the bug: the import left them with nothing

    // The office's memory of its people, which its point-of-contact page shows.
    await t.database.db.insertInto('account_events').values({
      institution_id: ids['office-of-the-deputy-president']!, kind: 'point_of_contact_handed_over',
      details: JSON.stringify({ to: { name: 'Baraka Before' }, from: [], reason: 'Appointed in 2019' }),
    }).execute();
    const res = await merge('office-of-the-deputy-president', 'deputy-president-s-office', { reason: 'The same office under its new name' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(`${NEW}/history?notice=merged`);

    expect((await client.get(EDIT)).statusCode).toBe(200);
    expect((await submitEdit(client, EDIT, EDIT, { lang: 'en', title: 'Build institutional support for OGP, again', status: '', reason: 'Edited after the merge' })).statusCode).toBe(303);
    expect((await t.database.db.selectFrom('accounts').select('institution_id').where('id', '=', poc.id).executeTakeFirstOrThrow()).institution_id)
      .toBe(ids['deputy-president-s-office']);

    const old = await new WebClient(t.app).get(OLD);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(NEW);
    const history = (await admin.get(`${NEW}/history`)).body;
    expect(history).toContain('Institutions merged');
    expect(history).toContain('“Office of the Deputy President” was merged into this institution: 1 point of contact moved to it.');
    expect(history).toContain('Amani Admin');
    expect(history).toContain('The same office under its new name');
    expect((await new WebClient(t.app).get(NEW)).body).toContain('Office of the Deputy President'); // formerly known as
    expect((await admin.get('/en/admin/institutions/deputy-president-s-office/point-of-contact?member=kenya')).body).toContain('Appointed in 2019');
    // Its own merge page now leads to the one of the institution it was merged into.
    expect((await admin.get(MERGE)).headers.location).toBe(`${NEW}/merge`);
  });

  it('restores a version from before the merge to the institution merged into, not to the name merged away', async () => {
    const db = t.database.db;
    const imported = await db.selectFrom('changes').innerJoin('commitments as c', 'c.id', 'changes.commitment_id').select('changes.id')
      .where('c.ogp_id', '=', 'KE0031').where('command', '=', 'import_commitment').orderBy('changes.id', 'desc').executeTakeFirstOrThrow();
    const HISTORY = '/en/commitments/KE0031/history';
    const res = await admin.submit(HISTORY, `${HISTORY}/restore`, { change: imported.id });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect(await leads('KE0031')).toEqual(['Deputy President’s Office', 'Commission on Administrative Justice']);
  });

  it('moves every commitment link in one go, each commitment keeping its order, once, and says so in its history', async () => {
    expect(await leads('KE0031', 'supporting')).toEqual(['Senate', 'National Assembly', 'Council of Governors', 'Judiciary',
      'Ministry of Foreign Affairs', 'Universities and colleges', 'Media', 'Civil society organisations']);
    // A guidance note by the Senate about both houses: by and about the National Assembly after, named once.
    const db = t.database.db;
    const note = await db.insertInto('publications').values({ slug: 'two-houses', kind: 'guidance_note', author_institution_id: ids.senate! })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('publication_institutions').values([ids.senate!, ids['national-assembly']!].map((id) => ({ publication_id: note.id, institution_id: id })))
      .execute();
    expect((await merge('senate', 'national-assembly')).statusCode).toBe(303);
    expect((await db.selectFrom('publications').select('author_institution_id').where('id', '=', note.id).executeTakeFirstOrThrow()).author_institution_id)
      .toBe(ids['national-assembly']);
    expect((await db.selectFrom('publication_institutions').select('institution_id').where('publication_id', '=', note.id).execute())
      .map((r) => r.institution_id)).toEqual([ids['national-assembly']]);
    // A supporting institution merged into a lead of the same commitment is not listed twice.
    expect((await merge('judiciary', 'commission-on-administrative-justice')).statusCode).toBe(303);
    expect(await leads('KE0031', 'supporting')).toEqual(['National Assembly', 'Council of Governors', 'Ministry of Foreign Affairs',
      'Universities and colleges', 'Media', 'Civil society organisations']);
    expect(await leads('KE0031')).toEqual(['Deputy President’s Office', 'Commission on Administrative Justice']);

    const tab = (await new WebClient(t.app).get('/en/commitments/KE0031/history')).body;
    expect(tab.match(/Institutions merged/g)).toHaveLength(2);
    expect(tab).toContain('Senate, National Assembly, Council of Governors');
    expect(tab).toContain('Amani Admin');
    const entries = await t.database.db.selectFrom('changes').select(['entity_type', 'entity_id', 'commitment_id', 'after'])
      .where('command', '=', 'merge_institution').where('commitment_id', 'is not', null).execute();
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.entity_type === 'institution')).toBe(true);
    // Merging into an institution that was merged away is refused: merge into the one it leads to.
    const res = await admin.submit(`${institution('media')}/merge`, `${institution('media')}/merge`, { into: ids.senate! });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('that institution has been merged into another; merge into that one instead.');
  });

  it('moves the reports of open rounds, and leaves a closed round as it was published', async () => {
    const db = t.database.db;
    const plan = (await db.selectFrom('action_plans').select('id').executeTakeFirstOrThrow()).id;
    const [first, second] = await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id').select('m.id')
      .where('c.ogp_id', '=', 'KE0031').orderBy('m.number').limit(2).execute();
    const round = (label: string, deadline: Date) => db.insertInto('reporting_rounds').values({ action_plan_id: plan, label, deadline })
      .returning('id').executeTakeFirstOrThrow();
    const report = (roundId: string, milestoneId: string) => db.insertInto('milestone_reports').values({
      reporting_round_id: roundId, milestone_id: milestoneId, institution_id: ids.media!, status: 'in_progress', percent_complete: 50,
      narrative: 'Half done', narrative_locale: 'en',
    }).returning('id').executeTakeFirstOrThrow();
    const closed = await round('2021 Q3', new Date('2021-10-01'));
    const published = await report(closed.id, first!.id);
    await db.updateTable('reporting_rounds').set({ closed_at: new Date() }).where('id', '=', closed.id).execute();
    const open = await round('2021 Q4', new Date(Date.now() + 86_400_000));
    const current = await report(open.id, second!.id);

    expect((await merge('media', 'universities-and-colleges')).statusCode).toBe(303);
    const institutionOf = async (id: string) => (await db.selectFrom('milestone_reports').select('institution_id').where('id', '=', id)
      .executeTakeFirstOrThrow()).institution_id;
    expect(await institutionOf(current.id)).toBe(ids['universities-and-colleges']);
    expect(await institutionOf(published.id)).toBe(ids.media);
  });
});
