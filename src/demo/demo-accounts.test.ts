import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
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
});
