import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const ADMIN_PAGES = ['/en/admin/invitations', '/en/admin/outbox', '/en/admin/institutions/office-of-the-deputy-president/point-of-contact'];
// Each hand-over test has an institution of its own.
const handOverPage = (slug: string) => `/en/admin/institutions/${slug}/point-of-contact?member=kenya`;

describe('who may open the administration', () => {
  it('sends the public to sign in, with the way back', async () => {
    for (const url of ADMIN_PAGES) {
      const res = await new WebClient(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(url)}`);
    }
  });

  it('refuses points of contact, civil-society reviewers and IRM researchers with a 403 page', async () => {
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher'] as const) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      for (const url of ADMIN_PAGES) {
        const res = await client.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.body).toContain('You cannot open this page');
      }
      const post = await client.submit('/en/account', '/en/admin/invitations', { email: 'x@example.org', name: 'X', role: 'administrator', institution: '', locale: 'en' });
      expect(post.statusCode, role).toBe(403);
    }
    expect(await t.database.db.selectFrom('invitations').select('id').execute()).toHaveLength(0);
  });

  it('opens them to an administrator', async () => {
    const client = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    for (const url of ADMIN_PAGES) expect((await client.get(url)).statusCode, url).toBe(200);
    expect((await client.get('/en/admin/institutions/no-such-institution/point-of-contact')).statusCode).toBe(404);
  });
});

describe('point-of-contact hand-over', () => {
  it('takes access away from the old point of contact at once, gives it to an existing account, and records it', async () => {
    const db = t.database.db;
    const HAND_OVER = handOverPage('commission-on-administrative-justice');
    const admin = await createAccount(db, { role: 'administrator', name: 'Asha Admin' });
    const oldPoc = await createAccount(db, { role: 'point_of_contact', name: 'Otieno Old', institutionSlug: 'commission-on-administrative-justice' });
    const newPoc = await createAccount(db, { role: 'civil_society_reviewer', name: 'Nia New' });
    const oldSession = await signedIn(t.app, oldPoc);
    const newSession = await signedIn(t.app, newPoc);
    expect((await oldSession.get('/en/account')).body).toContain('Point of contact, Commission on Administrative Justice');

    const adminClient = await signedIn(t.app, admin);
    const page = await adminClient.get(HAND_OVER);
    expect(page.body).toContain('Otieno Old');
    const res = await adminClient.submit(HAND_OVER, HAND_OVER, { email: newPoc.email, name: 'ignored', locale: 'en', reason: 'Otieno moved to another ministry' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HAND_OVER}&notice=handed-over`);

    // The old point of contact is signed out and, signing in again, has no role.
    expect((await oldSession.get('/en/account')).statusCode).toBe(303);
    const again = await signedIn(t.app, oldPoc);
    expect((await again.get('/en/account')).body).toContain('No role');
    // The new one's role changed: their sessions ended too; signed in again, they speak for the institution.
    expect((await newSession.get('/en/account')).statusCode).toBe(303);
    expect((await (await signedIn(t.app, newPoc)).get('/en/account')).body).toContain('Point of contact, Commission on Administrative Justice');

    const events = await db.selectFrom('account_events').selectAll().where('institution_id', '=', oldPoc.institutionId).orderBy('id').execute();
    expect(events.map((e) => e.kind)).toEqual(['role_removed', 'role_granted', 'point_of_contact_handed_over']);
    expect(events[2]).toMatchObject({
      actor_id: admin.id, account_id: newPoc.id,
      details: { from: [{ id: oldPoc.id, name: 'Otieno Old' }], to: { id: newPoc.id, email: newPoc.email }, reason: 'Otieno moved to another ministry' },
    });
    expect(events[0]).toMatchObject({ kind: 'role_removed', account_id: oldPoc.id, actor_id: admin.id });

    const history = await adminClient.get(HAND_OVER);
    expect(history.body).toContain('Asha Admin handed the institution over from Otieno Old to Nia New. Reason: Otieno moved to another ministry');
  });

  it('invites a new person when the address has no account, and withdraws older invitations for the institution', async () => {
    const db = t.database.db;
    const HAND_OVER = handOverPage('senate');
    const admin = await createAccount(db, { role: 'administrator' });
    const client = await signedIn(t.app, admin);
    await client.submit(HAND_OVER, HAND_OVER, { email: 'first.choice@example.org', name: 'First Choice', locale: 'en' });
    const res = await client.submit(HAND_OVER, HAND_OVER, { email: 'second.choice@example.org', name: 'Second Choice', locale: 'fr' });
    expect(res.statusCode).toBe(303);
    const open = await db.selectFrom('invitations').select(['email', 'locale']).where('role', '=', 'point_of_contact')
      .where('revoked_at', 'is', null).where('accepted_at', 'is', null).execute();
    expect(open).toEqual([{ email: 'second.choice@example.org', locale: 'fr' }]);
    const mail = await db.selectFrom('outbox').select(['to_address', 'subject']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail).toEqual({ to_address: 'second.choice@example.org', subject: 'Votre invitation à l’espace de travail Ahadi' });
    expect((await client.get(HAND_OVER)).body).toContain('Second Choice');
  });

  it('refuses to make an administrator a point of contact, naming the field and writing nothing', async () => {
    const db = t.database.db;
    const admin = await createAccount(db, { role: 'administrator' });
    const HAND_OVER = handOverPage('judiciary');
    const other = await createAccount(db, { role: 'administrator' });
    const client = await signedIn(t.app, admin);
    const before = await db.selectFrom('account_events').select('id').execute();
    const res = await client.submit(HAND_OVER, HAND_OVER, { email: other.email, name: 'X', locale: 'en', reason: 'typo' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('E-mail address: this address belongs to an administrator');
    expect(res.body).toContain(`value="${other.email}"`);
    expect(res.body).toContain('>typo</textarea>');
    expect(await db.selectFrom('account_events').select('id').execute()).toEqual(before);
  });
});

describe('GET /{locale}/admin/outbox', () => {
  it('shows held messages with their text, so an administrator can pass the links on', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator' });
    const client = await signedIn(t.app, admin, { locale: 'fr' });
    await client.submit('/fr/admin/invitations', '/fr/admin/invitations', { email: 'outbox-reader@example.org', name: 'Reader', role: 'irm_researcher', institution: '', locale: 'es' });
    const page = await client.get('/fr/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aucun serveur SMTP n’est configuré');
    expect(page.body).toContain('Su invitación al espacio de trabajo de Ahadi');
    expect(page.body).toMatch(/http:\/\/127\.0\.0\.1:3000\/es\/invitations\/[A-Za-z0-9_-]{43}/);
  });
});
