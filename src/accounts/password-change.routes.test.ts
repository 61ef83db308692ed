import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from './account.factories.ts';
import { LIMITS } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const NEW_PASSWORD = 'a brand new passphrase';
const change = (client: WebClient, fields: Record<string, string>) => client.submit('/en/account/password', '/en/account/password', fields);
const signIn = (email: string, password: string, ip = '127.0.0.1') =>
  new WebClient(t.app, ip).submit('/en/sign-in', '/en/sign-in', { email, password });
const passwordHash = async (id: string) =>
  (await t.database.db.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

describe('/{locale}/account/password', () => {
  it('changes the password with the current one, keeps this session, signs out the others, records it and e-mails a notice', async () => {
    const account = await createAccount(t.database.db, { role: 'point_of_contact', name: 'Wanjiru Kamau' });
    const here = await signedIn(t.app, account);
    const elsewhere = await signedIn(t.app, account, { ip: '10.30.0.2' });
    const before = await passwordHash(account.id);

    const page = await here.get('/en/account');
    expect(page.body).toContain('href="/en/account/password"');
    const res = await change(here, { currentPassword: account.password, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/account?notice=password-changed');
    expect((await here.get(res.headers.location!)).body).toContain('Your password has been changed. Every other browser has been signed out.');
    expect((await elsewhere.get('/en/account')).statusCode).toBe(303);

    const after = await passwordHash(account.id);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await signIn(account.email, account.password, '10.30.0.3')).statusCode).toBe(401);
    expect((await signIn(account.email, NEW_PASSWORD, '10.30.0.4')).statusCode).toBe(303);

    const event = await t.database.db.selectFrom('account_events').select(['kind', 'actor_id', 'details'])
      .where('account_id', '=', account.id).where('kind', '=', 'password_changed').executeTakeFirstOrThrow();
    expect(event).toEqual({ kind: 'password_changed', actor_id: account.id, details: { sessions: 1 } });
    const mail = await t.database.db.selectFrom('outbox').select(['kind', 'subject', 'body_text', 'status'])
      .where('to_address', '=', account.email).executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ kind: 'password_changed', subject: 'Your Ahadi password has been changed', status: 'held' });
    expect(mail.body_text).toContain('Hello Wanjiru Kamau,');
    expect(mail.body_text).toContain('http://127.0.0.1:3000/en/password-reset');
    expect(mail.body_text).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password and mismatched new passwords, changing nothing', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    const before = await passwordHash(account.id);

    const wrong = await change(client, { currentPassword: 'not my password at all', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Current password: this is not your current password.');
    expect(wrong.body).not.toContain('not my password at all');
    const mismatch = await change(client, { currentPassword: account.password, password: NEW_PASSWORD, passwordConfirmation: `${NEW_PASSWORD}!` });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('New password again: the two passwords are not the same.');
    const short = await change(client, { currentPassword: account.password, password: 'short', passwordConfirmation: 'short' });
    expect(short.body).toContain('New password: use at least 12 characters.');

    expect(await passwordHash(account.id)).toBe(before);
    expect((await client.get('/en/account')).statusCode).toBe(200);
    expect(await t.database.db.selectFrom('outbox').select('id').where('to_address', '=', account.email).execute()).toEqual([]);
  });

  it('counts wrong current passwords in the sign-in limit: a stolen session cannot guess the password', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account, { ip: '10.31.0.1' });
    for (let i = 0; i < LIMITS.sign_in.perEmail; i += 1) {
      expect((await change(client, { currentPassword: `guess number ${i}`, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })).statusCode).toBe(400);
    }
    const limited = await change(client, { currentPassword: account.password, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many attempts.');
    expect((await signIn(account.email, account.password, '10.31.0.2')).statusCode).toBe(429);
  });

  it('refuses a form without its CSRF token and sends the public to sign in', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    const before = await passwordHash(account.id);
    const forged = await client.post('/en/account/password', { currentPassword: account.password, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(forged.statusCode).toBe(403);
    expect(await passwordHash(account.id)).toBe(before);

    const anonymous = new WebClient(t.app);
    const page = await anonymous.get('/en/account/password');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent('/en/account/password')}`);
    const post = await anonymous.submit('/en/sign-in', '/en/account/password', { currentPassword: 'x', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toMatch(/^\/en\/sign-in/);
  });
});
