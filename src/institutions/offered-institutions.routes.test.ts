import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import type { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { saveCommitmentRecords } from '../commitments/save-commitment-records.ts';

// The workspace's pickers offer the institutions that have commitments, and what the form holds: not an
// institution an import renamed away (the Office of the Deputy President, now "Deputy President's Office").
let t: TestApp;
let admin: WebClient;
let office: string;
let plan: number;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  admin = await signedIn(t.app, await createAccount(db, { role: 'administrator' }));
  const record = demoCommitments.find((r) => r.ogpId === 'KE0031')!;
  await db.transaction().execute((trx) => saveCommitmentRecords(trx, [{
    ...record, leadInstitutions: [{ name: 'Deputy President’s Office', kind: 'agency' }, ...record.leadInstitutions.slice(1)],
  }]));
  office = (await db.selectFrom('institutions').select('id').where('slug', '=', 'office-of-the-deputy-president').executeTakeFirstOrThrow()).id;
  plan = (await db.selectFrom('action_plans').select('number').executeTakeFirstOrThrow()).number;
});
afterAll(async () => { await t.close(); });

const option = (id: string) => new RegExp(`<option value="${id}"`);
const NEW_COMMITMENT = () => `/en/members/kenya/action-plans/${plan}/commitments/new`;

describe('institution pickers', () => {
  it('leave out an institution with no commitment left on the new commitment and invitation forms', async () => {
    for (const url of [NEW_COMMITMENT(), '/en/admin/invitations']) {
      const page = (await admin.get(url)).body;
      expect(page, url).not.toMatch(option(office));
      expect(page, url).toContain('Deputy President’s Office');
    }
    expect((await admin.get(NEW_COMMITMENT())).body).not.toMatch(new RegExp(`value="${office}"`)); // nor as a supporting checkbox
  });

  it('keep the value a form holds: a refused invitation shows the institution chosen', async () => {
    const res = await admin.submit('/en/admin/invitations', '/en/admin/invitations', {
      email: 'not an address', name: 'New Person', role: 'point_of_contact', institution: office, locale: 'en',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(new RegExp(`<option value="${office}" selected`));
  });

  it('offer a point of contact their own institution as the lead of a new commitment, commitments or not', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' }));
    const page = await poc.get(NEW_COMMITMENT());
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(option(office));
  });
});
