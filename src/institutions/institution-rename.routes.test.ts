import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { tableContents } from '../../test/helpers/database.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { saveCommitmentRecords } from '../commitments/save-commitment-records.ts';

// The secretariat renames an institution: one command, one history entry, the new name on the public page and the
// API, and the old name's address still leading to it.
let t: TestApp;
let admin: WebClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator', name: 'Amani Admin' }));
});
afterAll(async () => { await t.close(); });

const PAGE = '/en/members/kenya/institutions/commission-on-administrative-justice';
const RENAME = `${PAGE}/rename`;
const written = () => tableContents(t.database.db, ['institutions', 'changes', 'commitment_institutions']);

describe('who may rename an institution', () => {
  it('sends the public to sign in, refuses every role but the secretariat (403), and writes nothing', async () => {
    const before = await written();
    const anonymous = await new WebClient(t.app).get(RENAME);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(RENAME)}`);
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role, institutionSlug: role === 'point_of_contact' ? 'commission-on-administrative-justice' : undefined }));
      expect((await client.get(RENAME)).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', RENAME, { name: 'Taken over' })).statusCode, String(role)).toBe(403);
      // Nor does the public page offer them the secretariat's links.
      expect((await client.get(PAGE)).body, String(role)).not.toContain('/rename');
    }
    expect(await written()).toBe(before);
  });

  it('refuses a form without its CSRF token or with a wrong one: 403, nothing written', async () => {
    const before = await written();
    expect((await admin.post(RENAME, { name: 'No token' })).statusCode).toBe(403);
    expect((await admin.post(RENAME, { name: 'Wrong token', _csrf: 'wrong' })).statusCode).toBe(403);
    expect(await written()).toBe(before);
  });
});

describe('rename_institution', () => {
  it('refuses each bad field with a 400 naming it, keeps what was typed, and writes nothing', async () => {
    await t.database.db.insertInto('institutions').values({
      member_id: (await t.database.db.selectFrom('members').select('id').where('slug', '=', 'kenya').executeTakeFirstOrThrow()).id,
      slug: 'ombudsman-office', name: 'Ombudsman Office', kind: 'agency',
    }).execute();
    const before = await written();
    const cases: [Record<string, string>, string][] = [
      [{ name: '' }, 'New name: this field is required.'],
      [{ name: '  ' }, 'New name: this field is required.'],
      [{ name: '— ! —' }, 'New name: give a name with letters or digits.'],
      [{ name: 'x'.repeat(301) }, 'New name: this is too long. Use at most 300 characters.'],
      [{ name: 'Ombudsman', abbreviation: 'A'.repeat(41) }, 'Abbreviation: this is too long. Use at most 40 characters.'],
      [{ name: 'Ombudsman', reason: 'r'.repeat(1001) }, 'Reason for the change: this is too long. Use at most 1,000 characters.'],
      [{ name: 'Ombudsman office' }, 'New name: “Ombudsman Office” has or had this name. To make them one institution, merge them instead.'],
    ];
    for (const [fields, message] of cases) {
      const res = await admin.submit(RENAME, RENAME, fields);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(res.body).toContain(message);
    }
    expect(await written()).toBe(before);
  });

  it('renames in one command: the history says who, when, before and after; the page and the API show the new name', async () => {
    const db = t.database.db;
    const res = await admin.submit(RENAME, RENAME, {
      name: 'Office of the Ombudsman', abbreviation: 'CAJ', reason: 'The commission took its popular name',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const NEW_PAGE = '/en/members/kenya/institutions/office-of-the-ombudsman';
    expect(res.headers.location).toBe(`${NEW_PAGE}/history?notice=renamed`);

    const entry = await db.selectFrom('changes').selectAll().where('command', '=', 'rename_institution').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      entity_type: 'institution', commitment_id: null, action_plan_id: null, reason: 'The commission took its popular name',
      before: { name: 'Commission on Administrative Justice', abbreviation: null },
      after: { name: 'Office of the Ombudsman', abbreviation: 'CAJ' },
    });
    const history = (await admin.get(`${NEW_PAGE}/history`)).body;
    expect(history).toContain('Institution renamed');
    expect(history).toContain('Amani Admin');
    expect(history).toContain('Commission on Administrative Justice');
    expect(history).toContain('The commission took its popular name');

    const page = await new WebClient(t.app).get(NEW_PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Office of the Ombudsman</h1>');
    expect(page.body).toContain('Commission on Administrative Justice'); // "Formerly known as"
    // It still leads KE0031, which its page and the commitment's now say under the new name.
    expect(page.body).toContain('/en/commitments/KE0031');
    expect((await new WebClient(t.app).get('/en/commitments/KE0031')).body).toContain('Office of the Ombudsman');
    const api = await t.app.inject('/api/v1/institutions/kenya/office-of-the-ombudsman');
    expect(api.json()).toMatchObject({ name: 'Office of the Ombudsman', commitmentCounts: { lead: 1 } });

    // The old name's address moves for good, on the page, its history and the API; the lead filter still finds it.
    const old = await new WebClient(t.app).get(PAGE);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(NEW_PAGE);
    expect((await new WebClient(t.app).get(`${PAGE}/history`)).headers.location).toBe(`${NEW_PAGE}/history`);
    const oldApi = await t.app.inject('/api/v1/institutions/kenya/commission-on-administrative-justice');
    expect(oldApi.statusCode).toBe(301);
    expect(oldApi.headers.location).toBe('/api/v1/institutions/kenya/office-of-the-ombudsman');
    expect((await t.app.inject('/api/v1/commitments?lead=kenya:commission-on-administrative-justice')).json().data.map((c: { ogpId: string }) => c.ogpId))
      .toEqual(['KE0031']);
  });

  it('keeps the institution for an import that names it by its old name, instead of creating it again', async () => {
    const db = t.database.db;
    // The demo's KE0031 again, changed (its number) so that the saver writes its links: it names the old name.
    const record = demoCommitments.find((r) => r.ogpId === 'KE0031')!;
    await db.transaction().execute((trx) => saveCommitmentRecords(trx, [{ ...record, numberInPlan: 9 }]));
    const ke0031 = await db.selectFrom('commitment_institutions as ci').innerJoin('commitments as c', 'c.id', 'ci.commitment_id')
      .innerJoin('institutions as i', 'i.id', 'ci.institution_id').select('i.name').where('c.ogp_id', '=', 'KE0031').where('ci.role', '=', 'lead')
      .orderBy('ci.position').execute();
    expect(ke0031.map((i) => i.name)).toEqual(['Office of the Deputy President', 'Office of the Ombudsman']);
    // Its history entry lists what changed (the number), not the lead institutions the file names by an older name.
    const entry = await db.selectFrom('changes').select(['before', 'after']).where('command', '=', 'import_commitment')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.after).toEqual({ numberInPlan: 9, recordHash: expect.any(String) });
  });

  it('writes nothing for a name and abbreviation as they are', async () => {
    const NEW_RENAME = '/en/members/kenya/institutions/office-of-the-ombudsman/rename';
    const before = await written();
    const res = await admin.submit(NEW_RENAME, NEW_RENAME, { name: 'Office of the Ombudsman', abbreviation: 'CAJ' });
    expect(res.headers.location).toBe('/en/members/kenya/institutions/office-of-the-ombudsman/history?notice=unchanged');
    expect(await written()).toBe(before);
  });
});
