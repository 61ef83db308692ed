import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { createDemoAccounts, demoAccountsNotice } from './demo-accounts.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('demo accounts', () => {
  it('makes one account per role with a random password, printed once with a warning', async () => {
    const accounts = await createDemoAccounts(t.database.db);
    expect(accounts.map((a) => a.role)).toEqual(['administrator', 'point_of_contact', 'civil_society_reviewer', 'irm_researcher']);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(4);
    for (const a of accounts) expect(a.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const notice = demoAccountsNotice(accounts, 'http://127.0.0.1:3000').join('\n');
    expect(notice).toContain('admin@ahadi.example');
    expect(notice).toContain(accounts[0]!.password);
    expect(notice).toMatch(/WARNING: .*Change these passwords/);

    const poc = await t.database.db.selectFrom('accounts').innerJoin('institutions', 'institutions.id', 'accounts.institution_id')
      .select('institutions.name').where('accounts.email', '=', 'poc@ahadi.example').executeTakeFirstOrThrow();
    expect(poc.name).toBe('Office of the Deputy President');
    // Made once: a second run makes nothing and prints nothing.
    expect(await createDemoAccounts(t.database.db)).toEqual([]);
    expect(demoAccountsNotice([], 'x')).toEqual([]);

    // The administrator signs in and is walked to the TOTP set-up.
    const admin = accounts[0]!;
    const res = await new WebClient(t.app).submit('/en/sign-in', '/en/sign-in', { email: admin.email, password: admin.password });
    expect(res.headers.location).toBe('/en/account/two-factor');
  });

  it('makes, on every start, only the demo accounts that are missing, and never resets an existing one', async () => {
    const db = t.database.db;
    await createDemoAccounts(db);
    const hashes = async () => Object.fromEntries((await db.selectFrom('accounts').select(['email', 'password_hash'])
      .where('email', 'like', '%@ahadi.example').execute()).map((r) => [r.email, r.password_hash]));
    const before = await hashes();
    // The researcher is missing (say, added to the list after the first start).
    const researcher = await db.selectFrom('accounts').select('id').where('email', '=', 'researcher@ahadi.example').executeTakeFirstOrThrow();
    await db.deleteFrom('account_events').where('account_id', '=', researcher.id).execute();
    await db.deleteFrom('accounts').where('id', '=', researcher.id).execute();

    const made = await createDemoAccounts(db);
    expect(made.map((a) => a.email)).toEqual(['researcher@ahadi.example']);
    expect(demoAccountsNotice(made, 'http://127.0.0.1:3000').join('\n')).toContain(made[0]!.password);
    const after = await hashes();
    for (const email of ['admin@ahadi.example', 'poc@ahadi.example', 'reviewer@ahadi.example']) expect(after[email], email).toBe(before[email]);
    expect(after['researcher@ahadi.example']).not.toBe(before['researcher@ahadi.example']);
  });

  it('makes none once the portal has an administrator of its own, and skips one whose demo institution is missing', async () => {
    const db = t.database.db;
    const removeDemoAccounts = async () => {
      const ids = (await db.selectFrom('accounts').select('id').where('email', 'like', '%@ahadi.example').execute()).map((r) => r.id);
      if (ids.length === 0) return;
      await db.deleteFrom('account_events').where('account_id', 'in', ids).execute();
      await db.deleteFrom('accounts').where('id', 'in', ids).execute();
    };
    await removeDemoAccounts();
    const real = await createAccount(db, { role: 'administrator', email: 'secretariat@example.org' });
    expect(await createDemoAccounts(db)).toEqual([]);

    await db.deleteFrom('accounts').where('id', '=', real.id).execute();
    await db.updateTable('institutions').set({ slug: 'renamed-for-the-test' }).where('slug', '=', 'civil-society-organisations').execute();
    try {
      const made = await createDemoAccounts(db);
      expect(made.map((a) => a.email)).toEqual(['admin@ahadi.example', 'poc@ahadi.example', 'researcher@ahadi.example']);
    } finally {
      await db.updateTable('institutions').set({ slug: 'civil-society-organisations' }).where('slug', '=', 'renamed-for-the-test').execute();
    }
  });
});
