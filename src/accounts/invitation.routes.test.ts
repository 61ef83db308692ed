import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from './account.factories.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const institutionId = async (slug: string) =>
  (await t.database.db.selectFrom('institutions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

async function invite(fields: Record<string, string>, locale = 'en') {
  const admin = await createAccount(t.database.db, { role: 'administrator' });
  const client = await signedIn(t.app, admin, { locale });
  const res = await client.submit(`/${locale}/admin/invitations`, `/${locale}/admin/invitations`, fields);
  return { admin, client, res };
}

const lastLink = async (to: string) => {
  const mail = await t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { mail, path: new URL(/https?:\/\/\S+/.exec(mail.body_text)![0]).pathname };
};

describe('invitations', () => {
  it('an administrator invites a point of contact, who sets a password from the link and signs in', async () => {
    const ministry = await institutionId('office-of-the-deputy-president');
    const { admin, res } = await invite({ email: 'New.PoC@Example.org', name: 'Wanjiru Kamau', role: 'point_of_contact', institution: ministry, locale: 'sw' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/admin/invitations?notice=invited');
    const { mail, path } = await lastLink('new.poc@example.org');
    expect(mail.subject).toBe('Mwaliko wako kwenye eneo la kazi la Ahadi');
    expect(mail.body_text).toContain('Mtu wa mawasiliano, Office of the Deputy President');
    expect(path).toMatch(/^\/sw\/invitations\/[A-Za-z0-9_-]{43}$/);
    const invited = await t.database.db.selectFrom('account_events').selectAll().where('kind', '=', 'invited').where('actor_id', '=', admin.id).executeTakeFirstOrThrow();
    expect(invited).toMatchObject({ institution_id: ministry, details: { email: 'new.poc@example.org', role: 'point_of_contact' } });

    const person = new WebClient(t.app);
    const page = await person.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Wanjiru Kamau"');
    const accepted = await person.submit(path, path, { name: 'Wanjiru Kamau', password: 'my own passphrase 2026', passwordConfirmation: 'my own passphrase 2026' });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/sw/sign-in?notice=account-created');
    const account = await t.database.db.selectFrom('accounts').selectAll().where('email', '=', 'new.poc@example.org').executeTakeFirstOrThrow();
    expect(account).toMatchObject({ role: 'point_of_contact', institution_id: ministry, locale: 'sw', name: 'Wanjiru Kamau' });
    expect(account.password_hash).toMatch(/^\$argon2id\$/);

    const signIn = await person.submit('/sw/sign-in', '/sw/sign-in', { email: 'new.poc@example.org', password: 'my own passphrase 2026' });
    expect(signIn.headers.location).toBe('/sw/account');
    expect((await person.get('/sw/account')).body).toContain('Office of the Deputy President');

    // The link works once.
    expect((await new WebClient(t.app).get(path)).statusCode).toBe(410);
    const again = await new WebClient(t.app).submit('/sw/sign-in', path, { name: 'X', password: 'another passphrase', passwordConfirmation: 'another passphrase' });
    expect(again.statusCode).toBe(410);
  });

  it('refuses an expired or withdrawn invitation', async () => {
    const { client } = await invite({ email: 'late@example.org', name: 'Late', role: 'irm_researcher', institution: '', locale: 'en' });
    const { path } = await lastLink('late@example.org');
    await sql`update invitations set expires_at = now() - interval '1 second' where email = 'late@example.org'`.execute(t.database.db);
    expect((await new WebClient(t.app).get(path)).statusCode).toBe(410);

    await client.submit('/en/admin/invitations', '/en/admin/invitations', { email: 'withdrawn@example.org', name: 'W', role: 'irm_researcher', institution: '', locale: 'en' });
    const withdrawn = await lastLink('withdrawn@example.org');
    const id = (await t.database.db.selectFrom('invitations').select('id').where('email', '=', 'withdrawn@example.org').executeTakeFirstOrThrow()).id;
    const revoked = await client.submit('/en/admin/invitations', `/en/admin/invitations/${id}/revoke`, {});
    expect(revoked.headers.location).toBe('/en/admin/invitations?notice=revoked');
    expect((await new WebClient(t.app).get(withdrawn.path)).statusCode).toBe(410);
  });

  it('inviting an address again replaces the open invitation', async () => {
    const { client } = await invite({ email: 'twice@example.org', name: 'Twice', role: 'irm_researcher', institution: '', locale: 'en' });
    const first = await lastLink('twice@example.org');
    await client.submit('/en/admin/invitations', '/en/admin/invitations', { email: 'twice@example.org', name: 'Twice', role: 'irm_researcher', institution: '', locale: 'en' });
    const second = await lastLink('twice@example.org');
    expect(second.path).not.toBe(first.path);
    expect((await new WebClient(t.app).get(first.path)).statusCode).toBe(410);
    expect((await new WebClient(t.app).get(second.path)).statusCode).toBe(200);
  });

  it('checks the role against the institution and the address against the accounts, keeping what was typed', async () => {
    const existing = await createAccount(t.database.db, { role: 'irm_researcher' });
    const cso = await institutionId('civil-society-organisations');
    const cases: [Record<string, string>, string, string][] = [
      [{ email: 'a@example.org', name: 'A', role: 'point_of_contact', institution: '', locale: 'en' }, 'institution', 'Institution: a point of contact needs an institution.'],
      [{ email: 'b@example.org', name: 'B', role: 'irm_researcher', institution: cso, locale: 'en' }, 'institution', 'Institution: only a point of contact or a civil-society reviewer belongs to an institution.'],
      [{ email: existing.email, name: 'C', role: 'irm_researcher', institution: '', locale: 'en' }, 'email', 'E-mail address: this address already has an account.'],
      [{ email: 'd@example.org', name: 'D', role: 'point_of_contact', institution: '999999', locale: 'en' }, 'institution', 'Institution: this value is not valid.'],
    ];
    for (const [fields, field, message] of cases) {
      const before = await t.database.db.selectFrom('invitations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const { res } = await invite(fields);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain(`aria-describedby="field-${field}-hint field-${field}-error"`.replace('field-email-hint ', ''));
      expect(res.body).toContain(`value="${fields.email}"`);
      const after = await t.database.db.selectFrom('invitations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    }
    // A civil-society reviewer may or may not be tied to an organisation.
    expect((await invite({ email: 'cso@example.org', name: 'CSO', role: 'civil_society_reviewer', institution: cso, locale: 'en' })).res.statusCode).toBe(303);
    expect((await invite({ email: 'free@example.org', name: 'Free', role: 'civil_society_reviewer', institution: '', locale: 'en' })).res.statusCode).toBe(303);
  });
});
