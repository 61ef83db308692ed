import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { buildServer } from '../http/server.ts';
import { readConfig } from '../config/config.ts';
import { createAccount, totpCode } from './account.factories.ts';
import { LIMITS } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const signIn = (client: WebClient, email: string, password: string, locale = 'en') =>
  client.submit(`/${locale}/sign-in`, `/${locale}/sign-in`, { email, password });

// The page without what changes on every request (the CSRF token).
const stable = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');

describe('POST /{locale}/sign-in', () => {
  it('signs in with the right password, in a server-side session whose cookie holds only a token', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = new WebClient(t.app);
    const res = await signIn(client, account.email.toUpperCase(), account.password);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/account');
    const token = client.cookies.get('ahadi_session')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.database.db.selectFrom('sessions').select('token_hash').where('account_id', '=', account.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const page = await client.get('/en/account');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain(account.name);
    expect(page.body).toContain('action="/en/sign-out"');
  });

  it('answers an unknown address and a wrong password with the same generic error', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const wrongPassword = await signIn(new WebClient(t.app, '10.0.0.1'), account.email, 'not the password at all');
    const unknownEmail = await signIn(new WebClient(t.app, '10.0.0.2'), 'nobody@example.org', account.password);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.body).toContain('The e-mail address or the password is not right.');
    const withoutEmail = (html: string) => stable(html).replaceAll(account.email, '').replaceAll('nobody@example.org', '');
    expect(withoutEmail(wrongPassword.body)).toBe(withoutEmail(unknownEmail.body));
    expect(wrongPassword.body).toContain(`value="${account.email}"`);
    expect(wrongPassword.body).not.toContain('not the password at all');
  });

  it('sets HttpOnly, SameSite=Lax cookies, Secure with the __Host- prefix when the public address is https', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const plain = await signIn(new WebClient(t.app), account.email, account.password);
    const session = plain.cookies.find((c) => c.name === 'ahadi_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();

    const https = await buildServer({ db: t.database.db, config: readConfig({ AHADI_BASE_URL: 'https://ahadi.example.org' }) });
    try {
      const secure = await signIn(new WebClient(https), account.email, account.password);
      expect(secure.statusCode).toBe(303);
      const cookie = secure.cookies.find((c) => c.name === '__Host-ahadi_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
      const csrfCookie = secure.cookies.find((c) => c.name === '__Host-ahadi_csrf');
      expect(csrfCookie ?? { secure: true }).toMatchObject({ secure: true });
    } finally {
      await https.close();
    }
  });

  it('comes back to the page that asked for a sign-in, and never leaves the site', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = new WebClient(t.app);
    const asked = await client.get('/fr/account');
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/fr/sign-in?return=%2Ffr%2Faccount');
    const form = await client.get(asked.headers.location as string);
    expect(form.body).toContain('name="return" value="/fr/account"');
    const res = await client.post('/fr/sign-in', { email: account.email, password: account.password, return: '/fr/account', _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]! });
    expect(res.headers.location).toBe('/fr/account');
    for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example', '/fr//evil']) {
      const other = new WebClient(t.app);
      const r = await other.submit('/fr/sign-in', '/fr/sign-in', { email: account.email, password: account.password, return: evil });
      expect(r.headers.location, evil).toBe('/fr/account');
    }
  });
});

describe('sign-in rate limit', () => {
  it(`refuses after ${LIMITS.sign_in.perEmail} failures for an address, even the right password, across two app processes`, async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const other = await buildServer({ db: t.database.db });
    try {
      const apps = [t.app, other];
      for (let i = 0; i < LIMITS.sign_in.perEmail; i += 1) {
        const res = await signIn(new WebClient(apps[i % 2]!, `10.1.0.${i}`), account.email, `wrong password ${i}`);
        expect(res.statusCode).toBe(401);
      }
      for (const app of apps) {
        const res = await signIn(new WebClient(app, '10.1.1.1'), account.email, account.password);
        expect(res.statusCode).toBe(429);
        expect(res.body).toContain('Too many attempts');
        expect(res.body).not.toContain('not right');
      }
      // An unknown address is limited the same way: the limit says nothing about who has an account.
      for (let i = 0; i <= LIMITS.sign_in.perEmail; i += 1) {
        const res = await signIn(new WebClient(apps[i % 2]!, `10.2.0.${i}`), 'ghost@example.org', 'whatever it is');
        expect(res.statusCode).toBe(i < LIMITS.sign_in.perEmail ? 401 : 429);
      }
      // The window passes: the address may try again.
      await sql`update auth_attempts set attempted_at = attempted_at - interval '16 minutes' where email = ${account.email}`.execute(t.database.db);
      expect((await signIn(new WebClient(other, '10.1.1.2'), account.email, account.password)).statusCode).toBe(303);
    } finally {
      await other.close();
    }
  });

  it(`refuses after ${LIMITS.sign_in.perIp} failures from one IP address, whatever the addresses tried`, async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    for (let i = 0; i < LIMITS.sign_in.perIp; i += 1) {
      expect((await signIn(new WebClient(t.app, '10.3.0.1'), `guess${i}@example.org`, 'a wrong password')).statusCode).toBe(401);
    }
    expect((await signIn(new WebClient(t.app, '10.3.0.1'), account.email, account.password)).statusCode).toBe(429);
    expect((await signIn(new WebClient(t.app, '10.3.0.2'), account.email, account.password)).statusCode).toBe(303);
  });

  it('a successful sign-in clears the count of its address', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < LIMITS.sign_in.perEmail - 1; i += 1) {
        expect((await signIn(new WebClient(t.app, `10.4.${round}.${i}`), account.email, 'a wrong password')).statusCode).toBe(401);
      }
      expect((await signIn(new WebClient(t.app, `10.4.${round}.99`), account.email, account.password)).statusCode).toBe(303);
    }
  });
});

describe('sign-out', () => {
  it('POST /{locale}/sign-out ends this session only', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const first = await signedIn(t.app, account);
    const second = await signedIn(t.app, account);
    const res = await first.submit('/en/account', '/en/sign-out', {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/');
    expect(first.cookies.has('ahadi_session')).toBe(false);
    expect((await first.get('/en/account')).statusCode).toBe(303);
    expect((await second.get('/en/account')).statusCode).toBe(200);
  });

  it('"sign out everywhere" ends every session of the account, and is recorded', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const clients = [await signedIn(t.app, account), await signedIn(t.app, account), await signedIn(t.app, account)];
    const page = await clients[0]!.get('/en/account');
    expect(page.body).toContain('You are signed in on 3 browsers.');
    const res = await clients[0]!.submit('/en/account', '/en/account/sign-out-everywhere', {});
    expect(res.headers.location).toBe('/en/sign-in?notice=signed-out-everywhere');
    for (const client of clients) expect((await client.get('/en/account')).statusCode).toBe(303);
    const sessions = await t.database.db.selectFrom('sessions').select('id').where('account_id', '=', account.id).execute();
    expect(sessions).toHaveLength(0);
    const event = await t.database.db.selectFrom('account_events').selectAll().where('account_id', '=', account.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ kind: 'signed_out_everywhere', actor_id: account.id, details: { sessions: 3 } });
  });

  it('a session ends after 8 idle hours', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    await sql`update sessions set last_seen_at = now() - interval '9 hours' where account_id = ${account.id}`.execute(t.database.db);
    expect((await client.get('/en/account')).statusCode).toBe(303);
  });
});

describe('second factor (TOTP)', () => {
  it('asks an account with TOTP for its code: a valid code signs in, a wrong or replayed one does not', async () => {
    const account = await createAccount(t.database.db, { role: 'civil_society_reviewer', totp: true });
    const client = new WebClient(t.app, '10.5.0.1');
    const first = await signIn(client, account.email, account.password);
    expect(first.headers.location).toBe('/en/sign-in/two-factor');
    // Half-way, the session opens nothing.
    expect((await client.get('/en/account')).headers.location).toMatch(/^\/en\/sign-in/);
    const wrong = await client.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', { code: '000000' === totpCode(account.totpSecret!) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Code: this code is not accepted.');
    const code = totpCode(account.totpSecret!);
    const right = await client.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', { code });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/en/account');
    expect((await client.get('/en/account')).statusCode).toBe(200);

    const replay = new WebClient(t.app, '10.5.0.2');
    await signIn(replay, account.email, account.password);
    const again = await replay.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', { code });
    expect(again.statusCode).toBe(401);
  });

  it('sends an administrator without TOTP to set it up before anything else, and accepts a code from the app', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator', totp: false });
    const client = new WebClient(t.app);
    const res = await signIn(client, admin.email, admin.password);
    expect(res.headers.location).toBe('/en/account/two-factor');
    for (const url of ['/en/account', '/en/admin/invitations', '/en/admin/outbox']) {
      const blocked = await client.get(url);
      expect(blocked.statusCode, url).toBe(303);
      expect(blocked.headers.location, url).toBe('/en/account/two-factor');
    }
    const setUp = await client.get('/en/account/two-factor');
    expect(setUp.statusCode).toBe(200);
    const secret = /otpauth:\/\/totp\/[^"<]*secret=([A-Z2-7]+)/.exec(setUp.body)![1]!;
    expect(setUp.body).toContain('Administrators must use two-step sign-in.');
    const wrong = await client.submit('/en/account/two-factor', '/en/account/two-factor', { code: '12345' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Code: enter the 6 digits your app shows.');
    const ok = await client.submit('/en/account/two-factor', '/en/account/two-factor', { code: totpCode(secret) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Two-step sign-in is on.');
    expect(ok.body).toContain('Your recovery codes');
    const account = await client.get('/en/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Two-step sign-in is on');
    expect(account.body).not.toContain('/en/account/two-factor/disable');
    expect((await client.get('/en/admin/invitations')).statusCode).toBe(200);

    // Next time, the code is asked for (a code of the next step: each step is accepted once).
    const later = new WebClient(t.app);
    expect((await signIn(later, admin.email, admin.password)).headers.location).toBe('/en/sign-in/two-factor');
    const second = await later.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', { code: totpCode(secret, 1) });
    expect(second.headers.location).toBe('/en/account');
  });

  it('lets a person who is not an administrator turn TOTP off with a valid code', async () => {
    const account = await createAccount(t.database.db, { role: 'civil_society_reviewer', totp: true });
    const client = await signedIn(t.app, account);
    const wrong = await client.submit('/en/account', '/en/account/two-factor/disable', { code: 'abc' });
    expect(wrong.statusCode).toBe(400);
    const ok = await client.submit('/en/account', '/en/account/two-factor/disable', { code: totpCode(account.totpSecret!, 1) });
    expect(ok.headers.location).toBe('/en/account?notice=second-factor-disabled');
    const row = await t.database.db.selectFrom('accounts').select('totp_secret').where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeNull();
  });

  it('refuses to turn TOTP off for an administrator', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator' });
    const client = await signedIn(t.app, admin);
    const res = await client.submit('/en/account', '/en/account/two-factor/disable', { code: totpCode(admin.totpSecret!, 1) });
    expect(res.statusCode).toBe(403);
  });
});
