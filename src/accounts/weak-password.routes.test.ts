import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from './account.factories.ts';
import { createInvitation } from './invitations.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const twice = (password: string) => ({ password, passwordConfirmation: password });
const MESSAGES = {
  en: { simple: 'New password: this is too easy to guess', email: 'New password: do not use your e-mail address' },
  fr: { simple: 'Nouveau mot de passe : trop facile à deviner', email: 'Nouveau mot de passe : n’utilisez pas votre adresse e-mail' },
  es: { simple: 'Nueva contraseña: es demasiado fácil de adivinar', email: 'Nueva contraseña: no use su correo electrónico' },
  sw: { simple: 'Nenosiri jipya: ni rahisi mno kukisia', email: 'Nenosiri jipya: usitumie anwani yako ya barua pepe' },
} as const;

/** Posts each weak password to `path`, expecting a 400 naming the field, then a good one, expecting `done`. */
async function refusesWeakThenAccepts(client: WebClient, path: string, email: string, locale: keyof typeof MESSAGES,
  extra: Record<string, string>, done: number) {
  for (const [password, message] of [['aaaaaaaaaaaa', MESSAGES[locale].simple], ['abcdefghijklmn', MESSAGES[locale].simple],
    [email, MESSAGES[locale].email], [`${email.split('@')[0]}-2026`, MESSAGES[locale].email]] as const) {
    const res = await client.submit(path, path, { ...extra, ...twice(password) });
    expect(res.statusCode, password).toBe(400);
    expect(res.body, password).toContain(message);
    expect(res.body).toContain('aria-invalid="true"');
  }
  const ok = await client.submit(path, path, { ...extra, ...twice('a brand new passphrase') });
  expect(ok.statusCode, ok.body.slice(0, 500)).toBe(done);
}

describe('weak new passwords are refused wherever a password is set', () => {
  it('accepting an invitation from an administrator (Swahili) or from create-admin’s link (French)', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    await admin.submit('/en/admin/invitations', '/en/admin/invitations', { email: 'mtafiti@example.org', name: 'Mtafiti', role: 'irm_researcher', institution: '', locale: 'sw' });
    const mail = await t.database.db.selectFrom('outbox').select('body_text').where('to_address', '=', 'mtafiti@example.org').executeTakeFirstOrThrow();
    const link = new URL(/https?:\/\/\S+/.exec(mail.body_text)![0]).pathname;
    await refusesWeakThenAccepts(new WebClient(t.app), link, 'mtafiti@example.org', 'sw', { name: 'Mtafiti' }, 303);

    // `npm run ahadi -- create-admin` stores the same kind of invitation, without a mailer, and prints the link.
    const created = await createInvitation(t.database.db, null, 'http://127.0.0.1:3000', {
      email: 'secretariat@example.org', name: 'Secretariat', role: 'administrator', institutionId: null, locale: 'fr', invitedBy: null,
    });
    if (!created.ok) throw new Error('invitation refused');
    await refusesWeakThenAccepts(new WebClient(t.app), new URL(created.link).pathname, 'secretariat@example.org', 'fr', { name: 'Secretariat' }, 303);
  });

  it('resetting a forgotten password (Spanish)', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher', email: 'investigadora@example.org' });
    await new WebClient(t.app).submit('/es/password-reset', '/es/password-reset', { email: account.email });
    const mail = await t.database.db.selectFrom('outbox').select('body_text').where('to_address', '=', account.email).executeTakeFirstOrThrow();
    const link = new URL(/https?:\/\/\S+/.exec(mail.body_text)![0]).pathname;
    await refusesWeakThenAccepts(new WebClient(t.app), link, account.email, 'es', {}, 303);
  });

  it('changing one’s password while signed in (English)', async () => {
    const account = await createAccount(t.database.db, { role: 'civil_society_reviewer', email: 'reviewer.one@example.org' });
    const client = await signedIn(t.app, account);
    await refusesWeakThenAccepts(client, '/en/account/password', account.email, 'en', { currentPassword: account.password }, 303);
  });
});
