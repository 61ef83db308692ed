import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const resetUrl = (id: string) => `/en/admin/accounts/${id}/second-factor`;
const totpOf = (id: string) => t.database.db.selectFrom('accounts').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
const sessionsOf = (id: string) => t.database.db.selectFrom('sessions').select('id').where('account_id', '=', id).execute();

describe('/{locale}/admin/accounts', () => {
  it('lists every account with its role, institution, second factor and last sign-in', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator', name: 'Asha Admin' });
    const poc = await createAccount(t.database.db, { role: 'point_of_contact', name: 'Peter Poc', totp: true });
    await createAccount(t.database.db, { role: null, name: 'Nora No-Role' });
    await signedIn(t.app, poc);
    const client = await signedIn(t.app, admin);
    const res = await client.get('/en/admin/accounts');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const row = (name: string) => new RegExp(`<tr>(?:(?!</tr>).)*${name}(?:(?!</tr>).)*</tr>`, 's').exec(res.body)?.[0] ?? '';
    expect(row('Peter Poc')).toContain(poc.email);
    expect(row('Peter Poc')).toContain('Point of contact, Office of the Deputy President');
    expect(row('Peter Poc')).toContain(`<span>On</span><br/><a href="${resetUrl(poc.id)}"`);
    expect(row('Peter Poc')).toMatch(/Last sign-in">[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(row('Nora No-Role')).toContain('No role');
    expect(row('Nora No-Role')).toContain('>Off<');
    expect(row('Nora No-Role')).toContain('Not known');
    expect(row('Nora No-Role')).not.toContain('/second-factor');
    // No reset of one's own second factor.
    expect(row('Asha Admin')).not.toContain(resetUrl(admin.id));
  });

  it('resets a lost second factor with a reason: codes and sessions go, it is recorded, and the next sign-in asks for a new set-up', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator', name: 'Asha Admin' });
    const other = await createAccount(t.database.db, { role: 'administrator', name: 'Lost Phone', locale: 'fr' });
    const mailTo = (address: string) => t.database.db.selectFrom('outbox').select(['kind', 'subject', 'body_text'])
      .where('to_address', '=', address).execute();
    const otherClient = await signedIn(t.app, other);
    await t.database.db.insertInto('recovery_codes').values({ account_id: other.id, code_hash: 'a'.repeat(64) }).execute();
    const client = await signedIn(t.app, admin);

    const form = await client.get(resetUrl(other.id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Reset the two-step sign-in of Lost Phone');
    const noReason = await client.submit(resetUrl(other.id), resetUrl(other.id), { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Reason: this field is required.');
    expect((await totpOf(other.id)).totp_secret).not.toBeNull();
    expect(await mailTo(other.email)).toEqual([]);

    const res = await client.submit(resetUrl(other.id), resetUrl(other.id), { reason: 'Phone lost; confirmed by telephone' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/admin/accounts?notice=second-factor-reset');
    expect((await client.get(res.headers.location!)).body).toContain('Two-step sign-in has been reset');
    expect(await totpOf(other.id)).toEqual({ totp_secret: null, totp_enabled_at: null });
    expect(await sessionsOf(other.id)).toEqual([]);
    expect((await otherClient.get('/en/account')).statusCode).toBe(303);
    expect(await t.database.db.selectFrom('recovery_codes').select('id').where('account_id', '=', other.id).execute()).toEqual([]);
    const event = await t.database.db.selectFrom('account_events').select(['actor_id', 'details'])
      .where('account_id', '=', other.id).where('kind', '=', 'second_factor_reset').executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_id: admin.id, details: { reason: 'Phone lost; confirmed by telephone', sessions: 1 } });
    // The person is told, in their language, with the reason and a way to take the account back.
    const [mail, ...more] = await mailTo(other.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: 'second_factor_reset', subject: 'Le second facteur de votre compte Ahadi a été désactivé' });
    expect(mail!.body_text).toContain('Motif indiqué : Phone lost; confirmed by telephone');
    expect(mail!.body_text).toMatch(/le \d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2} UTC/);
    expect(mail!.body_text).toContain('/fr/password-reset');

    // An administrator signs in with the password alone, and is sent to set TOTP up again before anything else.
    const again = new WebClient(t.app);
    const signIn = await again.submit('/en/sign-in', '/en/sign-in', { email: other.email, password: other.password });
    expect(signIn.headers.location).toBe('/en/account/two-factor');
    expect((await again.get('/en/admin/accounts')).headers.location).toBe('/en/account/two-factor');

    // Nothing left to reset.
    const twice = await client.get(resetUrl(other.id));
    expect(twice.body).toContain('there is nothing to reset');
    expect(twice.body).not.toContain('name="reason"');
  });

  it('refuses everyone but administrators, one’s own reset, forged forms and unknown accounts', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator' });
    const target = await createAccount(t.database.db, { role: 'civil_society_reviewer', totp: true });
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher'] as const) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      expect((await client.get('/en/admin/accounts')).statusCode, role).toBe(403);
      expect((await client.get(resetUrl(target.id))).statusCode, role).toBe(403);
      expect((await client.submit('/en/account', resetUrl(target.id), { reason: 'I want to' })).statusCode, role).toBe(403);
    }
    const anonymous = new WebClient(t.app);
    expect((await anonymous.get('/en/admin/accounts')).headers.location).toBe(`/en/sign-in?return=${encodeURIComponent('/en/admin/accounts')}`);
    // The public learns nothing about which accounts exist.
    expect((await anonymous.get(resetUrl('999999'))).statusCode).toBe(303);
    expect((await anonymous.submit('/en/sign-in', resetUrl(target.id), { reason: 'x' })).statusCode).toBe(303);

    const client = await signedIn(t.app, admin);
    expect((await client.post(resetUrl(target.id), { reason: 'no token' })).statusCode).toBe(403);
    expect((await client.get(resetUrl(admin.id))).statusCode).toBe(403);
    expect((await client.submit('/en/admin/accounts', resetUrl(admin.id), { reason: 'myself' })).statusCode).toBe(403);
    expect((await client.get(resetUrl('999999'))).statusCode).toBe(404);
    expect((await client.get(resetUrl('not-a-number'))).statusCode).toBe(404);
    expect((await totpOf(target.id)).totp_secret).not.toBeNull();
    expect((await totpOf(admin.id)).totp_secret).not.toBeNull();
    expect(await t.database.db.selectFrom('account_events').select('id').where('kind', '=', 'second_factor_reset').where('account_id', 'in', [target.id, admin.id]).execute()).toEqual([]);
  });
});
