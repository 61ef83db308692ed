import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { smtpServer } from '../../test/helpers/smtp-server.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { readConfig } from '../config/config.ts';
import { buildServer } from '../http/server.ts';
import { createAccount } from './account.factories.ts';
import { verifyPassword } from './password.ts';
import { LIMITS } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

async function requestLink(email: string, locale = 'en', ip = '127.0.0.1'): Promise<string | undefined> {
  const before = await t.database.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const res = await new WebClient(t.app, ip).submit(`/${locale}/password-reset`, `/${locale}/password-reset`, { email });
  expect(res.statusCode).toBe(200);
  const mail = await t.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'password_reset')
    .where('id', '>', before?.id ?? '0').orderBy('id', 'desc').executeTakeFirst();
  return mail ? new URL(/https?:\/\/\S+/.exec(mail.body_text)![0]).pathname : undefined;
}

describe('/{locale}/password-reset', () => {
  it('answers the same whether or not the address has an account, and mails a link only to an account', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const known = await new WebClient(t.app).submit('/en/password-reset', '/en/password-reset', { email: account.email });
    const unknown = await new WebClient(t.app).submit('/en/password-reset', '/en/password-reset', { email: 'nobody@example.org' });
    expect(known.body).toBe(unknown.body);
    expect(known.body).toContain('If an account uses this address');
    const mails = await t.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'password_reset').execute();
    expect(mails.map((m) => m.to_address)).toEqual([account.email]);
    expect(mails[0]).toMatchObject({ status: 'held', subject: 'Choose a new Ahadi password' });
  });

  it('sets a new password once from the link, in the language it was asked in, and signs the account out everywhere', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const session = await signedIn(t.app, account);
    const link = (await requestLink(account.email, 'fr'))!;
    expect(link).toMatch(/^\/fr\/password-reset\/[A-Za-z0-9_-]{43}$/);
    const mail = await t.database.db.selectFrom('outbox').select('subject').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Choisir un nouveau mot de passe Ahadi');
    const stored = await t.database.db.selectFrom('password_resets').select('token_hash').where('account_id', '=', account.id).executeTakeFirstOrThrow();
    expect(link).not.toContain(stored.token_hash);

    const client = new WebClient(t.app);
    const form = await client.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<html lang="fr">');
    const done = await client.submit(link, link, { password: 'a brand new passphrase', passwordConfirmation: 'a brand new passphrase' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/fr/sign-in?notice=password-changed');
    const row = await t.database.db.selectFrom('accounts').select('password_hash').where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'a brand new passphrase')).toBe(true);
    expect((await session.get('/en/account')).statusCode).toBe(303);

    // Used once: the link is dead.
    expect((await client.get(link)).statusCode).toBe(410);
    const again = await client.submit('/fr/password-reset', link, { password: 'yet another passphrase', passwordConfirmation: 'yet another passphrase' });
    expect(again.statusCode).toBe(410);
    const event = await t.database.db.selectFrom('account_events').select('kind').where('account_id', '=', account.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event.kind).toBe('password_reset');
  });

  it('refuses an expired link and an unknown one', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const link = (await requestLink(account.email))!;
    await sql`update password_resets set expires_at = now() - interval '1 second' where account_id = ${account.id}`.execute(t.database.db);
    const expired = await new WebClient(t.app).get(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link no longer works');
    expect((await new WebClient(t.app).get('/en/password-reset/abc')).statusCode).toBe(410);
  });

  it('keeps the link open when the new password is refused', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const link = (await requestLink(account.email))!;
    const client = new WebClient(t.app);
    const short = await client.submit(link, link, { password: 'short', passwordConfirmation: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('New password: use at least 12 characters.');
    const differ = await client.submit(link, link, { password: 'a long enough password', passwordConfirmation: 'another long password' });
    expect(differ.body).toContain('New password again: the two passwords are not the same.');
    expect((await client.get(link)).statusCode).toBe(200);
  });

  it('lets the owner sign in with the new password at once, however many sign-ins failed before; a guessing IP stays limited', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const signIn = (password: string, ip: string) => new WebClient(t.app, ip).submit('/en/sign-in', '/en/sign-in', { email: account.email, password });
    for (let i = 0; i < LIMITS.sign_in.perEmail; i += 1) expect((await signIn(`wrong guess ${i}`, '10.7.0.1')).statusCode).toBe(401);
    expect((await signIn(account.password, '10.7.0.2')).statusCode).toBe(429);

    const link = (await requestLink(account.email, 'en', '10.7.0.2'))!;
    const done = await new WebClient(t.app, '10.7.0.2').submit(link, link, { password: 'a brand new passphrase', passwordConfirmation: 'a brand new passphrase' });
    expect(done.headers.location).toBe('/en/sign-in?notice=password-changed');
    expect((await signIn('a brand new passphrase', '10.7.0.2')).statusCode).toBe(303);
    // The address that did the guessing still has its failures counted: it is not given a fresh set.
    const guesses = await t.database.db.selectFrom('auth_attempts').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ip', '=', '10.7.0.1').where('succeeded', '=', false).executeTakeFirstOrThrow();
    expect(Number(guesses.n)).toBe(LIMITS.sign_in.perEmail);
  });

  it('sends at most 3 links an hour to an address', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const links = [];
    for (let i = 0; i < 5; i += 1) links.push(await requestLink(account.email, 'en', `10.9.0.${i}`));
    expect(links.filter(Boolean)).toHaveLength(3);
  });
});

describe('/{locale}/password-reset with an SMTP server', () => {
  // Mailing the link took the answer as long as the mail server took (seconds, for a distant one) for an address with
  // an account, and no time for one without: anyone could tell who has an account by timing the answer.
  it('answers before the mail server has said a word, then mails the link', async () => {
    const smtp = await smtpServer({ greetAfterMs: 3000 });
    const app = await buildServer({ db: t.database.db, config: readConfig({ AHADI_SMTP_URL: smtp.url }) });
    try {
      const account = await createAccount(t.database.db, { role: 'irm_researcher' });
      const res = await new WebClient(app, '10.9.1.1').submit('/en/password-reset', '/en/password-reset', { email: account.email });
      expect(res.statusCode).toBe(200);
      expect(smtp.greeted).toBe(false);
      const sent = () => t.database.db.selectFrom('outbox').select('status').where('to_address', '=', account.email).executeTakeFirstOrThrow();
      await vi.waitFor(async () => expect((await sent()).status).toBe('sent'), { timeout: 15_000, interval: 100 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain(`To: ${account.email}`);
    } finally {
      await app.close();
      await smtp.close();
    }
  }, 30_000);
});
