import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { createAccount, type TestAccount } from './account.factories.ts';
import { createInvitation } from './invitations.ts';
import { requestPasswordReset } from './password-reset.ts';
import { createMailer } from '../mail/mailer.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

type Case = {
  form: string; page: string; action: string; fields: Record<string, string>;
  field: string; message: string; kept?: string; as?: 'admin' | 'reviewer' | 'researcher' | 'pending';
};

describe('bad input on every form', () => {
  it('is refused with a 400 that names the field, ties the message to it, keeps what was typed and writes nothing', async () => {
    const db = t.database.db;
    const admin = await createAccount(db, { role: 'administrator' });
    const reviewer = await createAccount(db, { role: 'civil_society_reviewer', totp: true });
    const noTotp = await createAccount(db, { role: 'irm_researcher' });
    const invitation = await createInvitation(db, null, 'http://x', { email: 'bad-input@example.org', name: 'Bad Input', role: 'irm_researcher', institutionId: null, locale: 'en', invitedBy: admin.id });
    if (!invitation.ok) throw new Error('invitation');
    await db.transaction().execute((trx) => requestPasswordReset(trx, createMailer({ smtpUrl: undefined, mailFrom: 'x' }), 'http://x', 'en', noTotp.email));
    const resetMail = await db.selectFrom('outbox').select('body_text').where('kind', '=', 'password_reset').executeTakeFirstOrThrow();
    const resetPath = new URL(/https?:\/\/\S+/.exec(resetMail.body_text)![0]).pathname;
    const invitationPath = `/en/invitations/${invitation.token}`;
    const handOver = '/en/admin/institutions/media/point-of-contact';

    const cases: Case[] = [
      { form: 'sign-in', page: '/en/sign-in', action: '/en/sign-in', fields: { email: 'not-an-address', password: 'x' }, field: 'email', message: 'E-mail address: enter an address like name@example.org.', kept: 'not-an-address' },
      { form: 'sign-in', page: '/fr/sign-in', action: '/fr/sign-in', fields: { email: 'quelqu’un@example.org', password: '' }, field: 'password', message: 'Mot de passe : ce champ est obligatoire.', kept: 'quelqu’un@example.org' },
      { form: 'second factor', page: '/en/sign-in/two-factor', action: '/en/sign-in/two-factor', fields: { code: '12ab56' }, field: 'code', message: 'Code: enter the 6 digits your app shows, or a recovery code (16 letters and digits).', as: 'pending' },
      { form: 'password reset', page: '/en/password-reset', action: '/en/password-reset', fields: { email: 'me@' }, field: 'email', message: 'E-mail address: enter an address like name@example.org.', kept: 'me@' },
      { form: 'new password', page: resetPath, action: resetPath, fields: { password: 'short', passwordConfirmation: 'short' }, field: 'password', message: 'New password: use at least 12 characters.' },
      { form: 'invitation', page: invitationPath, action: invitationPath, fields: { name: '', password: 'a long enough password', passwordConfirmation: 'a long enough password' }, field: 'name', message: 'Name: this field is required.' },
      { form: 'invitation', page: invitationPath, action: invitationPath, fields: { name: 'Kept Name', password: 'a long enough password', passwordConfirmation: 'something else entirely' }, field: 'passwordConfirmation', message: 'New password again: the two passwords are not the same.', kept: 'Kept Name' },
      { form: 'TOTP set-up', page: '/en/account/two-factor', action: '/en/account/two-factor', fields: { code: 'abcdef' }, field: 'code', message: 'Code: enter the 6 digits your app shows.', as: 'researcher' },
      { form: 'TOTP off', page: '/en/account', action: '/en/account/two-factor/disable', fields: { code: '' }, field: 'code', message: 'Code: this field is required.', as: 'reviewer' },
      { form: 'new recovery codes', page: '/en/account', action: '/en/account/recovery-codes', fields: { confirmCode: 'abc' }, field: 'confirmCode', message: 'Code: enter the 6 digits your app shows.', as: 'reviewer' },
      { form: 'password change', page: '/en/account/password', action: '/en/account/password', fields: { currentPassword: '', password: 'a long enough password', passwordConfirmation: 'a long enough password' }, field: 'currentPassword', message: 'Current password: this field is required.', as: 'researcher' },
      { form: 'password change', page: '/en/account/password', action: '/en/account/password', fields: { currentPassword: noTotp.password, password: 'a long enough password', passwordConfirmation: 'another long password' }, field: 'passwordConfirmation', message: 'New password again: the two passwords are not the same.', as: 'researcher' },
      { form: 'password change', page: '/en/account/password', action: '/en/account/password', fields: { currentPassword: noTotp.password, password: 'short', passwordConfirmation: 'short' }, field: 'password', message: 'New password: use at least 12 characters.', as: 'researcher' },
      { form: 'second-factor reset', page: `/en/admin/accounts/${reviewer.id}/second-factor`, action: `/en/admin/accounts/${reviewer.id}/second-factor`, fields: { reason: '   ' }, field: 'reason', message: 'Reason: this field is required.', as: 'admin' },
      { form: 'invite', page: '/en/admin/invitations', action: '/en/admin/invitations', fields: { email: 'ok@example.org', name: 'Typed Name', role: 'emperor', institution: '', locale: 'en' }, field: 'role', message: 'Role: this value is not valid.', kept: 'Typed Name', as: 'admin' },
      { form: 'invite', page: '/en/admin/invitations', action: '/en/admin/invitations', fields: { email: 'typed@', name: 'X', role: 'irm_researcher', institution: 'drop table', locale: 'en' }, field: 'email', message: 'E-mail address: enter an address like name@example.org.', kept: 'typed@', as: 'admin' },
      { form: 'hand-over', page: handOver, action: handOver, fields: { email: 'new-poc@example.org', name: '', locale: 'en', reason: 'kept reason' }, field: 'name', message: 'Name: this address has no account yet, so the person will be invited: give their name for the invitation.', kept: 'kept reason', as: 'admin' },
      { form: 'hand-over', page: handOver, action: handOver, fields: { email: 'new-poc@example.org', name: 'N', locale: 'xx', reason: '' }, field: 'locale', message: 'Language of the e-mail: this value is not valid.', kept: 'new-poc@example.org', as: 'admin' },
    ];

    const clients: Record<string, () => Promise<WebClient>> = {
      admin: () => signedIn(t.app, admin),
      reviewer: () => signedIn(t.app, { ...reviewer, totpSecret: reviewer.totpSecret } as TestAccount),
      pending: async () => {
        const client = new WebClient(t.app);
        await client.submit('/en/sign-in', '/en/sign-in', { email: reviewer.email, password: reviewer.password });
        return client;
      },
    };
    // Each TOTP sign-in uses up a 30-second step; the reviewer signs in once and keeps the client.
    const reviewerClient = await clients.reviewer!();
    const adminClient = await clients.admin!();
    const pendingClient = await clients.pending!();
    const researcherClient = await signedIn(t.app, noTotp);

    for (const c of cases) {
      const client = c.as === 'admin' ? adminClient : c.as === 'reviewer' ? reviewerClient : c.as === 'pending' ? pendingClient
        : c.as === 'researcher' ? researcherClient : new WebClient(t.app);
      const before = await rowCounts(t.database.db);
      const res = await client.submit(c.page, c.action, c.fields);
      const label = `${c.form}: ${c.field}`;
      expect(res.statusCode, label).toBe(400);
      expect(res.body, label).toContain(c.message);
      expect(res.body, label).toContain(`href="#field-${c.field}"`);
      expect(res.body, label).toMatch(new RegExp(`<p id="field-${c.field}-error" class="field-error">`));
      expect(res.body, label).toMatch(new RegExp(`id="field-${c.field}"[^>]*aria-describedby="[^"]*field-${c.field}-error"[^>]*aria-invalid="true"`));
      expect(res.body, label).toMatch(/<title>(Error|Erreur)/);
      if (c.kept) expect(res.body, label).toContain(c.kept);
      expect(res.body, label).not.toContain('a long enough password');
      expect(await rowCounts(t.database.db), label).toEqual(before);
    }
  });
});
