import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount, totpCode, type TestAccount } from './account.factories.ts';
import { LIMITS } from './rate-limit.ts';
import { normalizeRecoveryCode, RECOVERY_CODE } from './recovery-codes.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const codesIn = (html: string) => [...html.matchAll(/<code class="secret">([0-9a-z-]{19})<\/code>/g)].map((m) => m[1]!);
const events = (accountId: string) => t.database.db.selectFrom('account_events').select(['kind', 'details'])
  .where('account_id', '=', accountId).orderBy('id').execute();

/** Turns TOTP on for a signed-in account without it, as a person would; returns the secret and the codes shown. */
async function turnOn(client: WebClient): Promise<{ secret: string; codes: string[] }> {
  const setUp = await client.get('/en/account/two-factor');
  const secret = /otpauth:\/\/totp\/[^"<]*secret=([A-Z2-7]+)/.exec(setUp.body)![1]!;
  const res = await client.submit('/en/account/two-factor', '/en/account/two-factor', { code: totpCode(secret) });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return { secret, codes: codesIn(res.body) };
}

/** Signs in up to the second step, then sends `code`. */
async function secondStep(account: TestAccount, code: string, ip: string) {
  const client = new WebClient(t.app, ip);
  await client.submit('/en/sign-in', '/en/sign-in', { email: account.email, password: account.password });
  return { client, res: await client.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', { code }) };
}

describe('TOTP set-up page', () => {
  it('shows the otpauth URI as a QR code drawn in SVG, named for screen readers, beside the typed key, within the CSP', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    const res = await client.get('/en/account/two-factor');
    expect(res.statusCode).toBe(200);
    const svg = /<svg [^>]*>[\s\S]*?<\/svg>/.exec(res.body)![0];
    expect(svg).toMatch(/^<svg class="qr-code" width="240" height="240" role="img" aria-label="QR code of the address below, to scan with your authenticator app"/);
    expect(svg).toMatch(/<path fill="black" d="[0-9Mhvz,.-]+"\/>/);
    // Nothing that `style-src 'self'` or `script-src 'self'` would refuse: no style attribute, element or script.
    expect(res.body).not.toMatch(/ style=|<style|<script(?! src)/);
    expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    // The typed key and the address stay, for those who cannot scan.
    expect(res.body).toMatch(/<code class="secret">[A-Z2-7]{4}( [A-Z2-7]{4})+<\/code>/);
    expect(res.body).toContain('otpauth://totp/Ahadi:');
  });
});

describe('recovery codes', () => {
  it('shows ten codes once on turning TOTP on, and stores only their SHA-256', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    const { codes } = await turnOn(client);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(normalizeRecoveryCode(code)).toMatch(RECOVERY_CODE);
    const rows = await t.database.db.selectFrom('recovery_codes').select(['code_hash', 'used_at']).where('account_id', '=', account.id).execute();
    expect(rows.map((r) => r.code_hash).sort()).toEqual(codes.map((c) => createHash('sha256').update(normalizeRecoveryCode(c)).digest('hex')).sort());
    expect(rows.every((r) => r.used_at === null)).toBe(true);
    // Not shown again: the set-up page now leads to the account, which gives only the count.
    expect((await client.get('/en/account/two-factor')).headers.location).toBe('/en/account');
    const page = await client.get('/en/account');
    expect(page.body).toContain('You have 10 recovery codes left.');
    for (const code of codes) expect(page.body).not.toContain(code);
    expect((await events(account.id)).map((e) => e.kind)).toEqual(['second_factor_enabled', 'recovery_codes_generated']);
  });

  it('signs in with a recovery code instead of a TOTP code, once: the code is used up', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const { codes } = await turnOn(await signedIn(t.app, account));
    const withTotp = { ...account, totpSecret: null };
    // Typed loosely: upper case, spaces instead of hyphens.
    const typed = codes[3]!.toUpperCase().replaceAll('-', ' ');
    const { client, res } = await secondStep(withTotp, typed, '10.20.0.1');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/account?notice=recovery-code-used');
    const page = await client.get(res.headers.location!);
    expect(page.body).toContain('You signed in with a recovery code: it no longer works.');
    expect(page.body).toContain('You have 9 recovery codes left.');

    const reused = await secondStep(withTotp, codes[3]!, '10.20.0.2');
    expect(reused.res.statusCode).toBe(401);
    expect(reused.res.body).toContain('Code: this code is not accepted.');
    expect((await reused.client.get('/en/account')).statusCode).toBe(303);
    const used = (await events(account.id)).filter((e) => e.kind === 'recovery_code_used');
    expect(used).toHaveLength(1);
    expect(used[0]!.details).toEqual({ remaining: 9 });
  });

  it('uses a code once even when two sign-ins send it at the same moment', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const { codes } = await turnOn(await signedIn(t.app, account));
    const withTotp = { ...account, totpSecret: null };
    const results = await Promise.all([secondStep(withTotp, codes[0]!, '10.21.0.1'), secondStep(withTotp, codes[0]!, '10.21.0.2')]);
    expect(results.map((r) => r.res.statusCode).sort()).toEqual([303, 401]);
  });

  it('counts wrong recovery codes in the limit of the second step, like wrong TOTP codes', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const { codes } = await turnOn(await signedIn(t.app, account));
    const withTotp = { ...account, totpSecret: null };
    for (let i = 0; i < LIMITS.second_factor.perEmail; i += 1) {
      const { res } = await secondStep(withTotp, `aaaa-bbbb-cccc-${String(i).padStart(4, '0')}`, `10.22.0.${i}`);
      expect(res.statusCode).toBe(401);
    }
    const { res } = await secondStep(withTotp, codes[0]!, '10.22.1.1');
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Too many attempts.');
    const unused = await t.database.db.selectFrom('recovery_codes').select('id').where('account_id', '=', account.id).where('used_at', 'is', null).execute();
    expect(unused).toHaveLength(10);
  });

  it('makes new codes on the account page with a current TOTP code; the old ones stop working', async () => {
    const account = await createAccount(t.database.db, { role: 'civil_society_reviewer' });
    const client = await signedIn(t.app, account);
    const { secret, codes: old } = await turnOn(client);

    const missing = await client.submit('/en/account', '/en/account/recovery-codes', { confirmCode: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Code: this field is required.');
    const wrong = await client.submit('/en/account', '/en/account/recovery-codes', { confirmCode: totpCode(secret) === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Code: this code is not accepted.');
    // A recovery code does not stand in for the app here.
    const recovery = await client.submit('/en/account', '/en/account/recovery-codes', { confirmCode: old[0]! });
    expect(recovery.statusCode).toBe(400);
    const withoutToken = await client.post('/en/account/recovery-codes', { confirmCode: totpCode(secret, 1) });
    expect(withoutToken.statusCode).toBe(403);

    const ok = await client.submit('/en/account', '/en/account/recovery-codes', { confirmCode: totpCode(secret, 1) });
    expect(ok.statusCode).toBe(200);
    const fresh = codesIn(ok.body);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    const withTotp = { ...account, totpSecret: null };
    expect((await secondStep(withTotp, old[1]!, '10.23.0.1')).res.statusCode).toBe(401);
    expect((await secondStep(withTotp, fresh[1]!, '10.23.0.2')).res.statusCode).toBe(303);
  });

  it('says so when none are left, and sends the public to sign in', async () => {
    // Accounts that turned TOTP on before recovery codes existed have none.
    const account = await createAccount(t.database.db, { role: 'irm_researcher', totp: true });
    const client = await signedIn(t.app, account);
    expect((await client.get('/en/account')).body).toContain('You have no recovery code left.');
    const anonymous = new WebClient(t.app);
    const res = await anonymous.submit('/en/sign-in', '/en/account/recovery-codes', { confirmCode: totpCode(account.totpSecret!, 1) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/en\/sign-in/);
    expect(await t.database.db.selectFrom('recovery_codes').select('id').where('account_id', '=', account.id).execute()).toEqual([]);
  });
});
