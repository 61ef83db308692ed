import { sql } from 'kysely';
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
  it('takes access away from the old point of contact at once, gives it to an existing account without a role, records it and tells both', async () => {
    const db = t.database.db;
    const HAND_OVER = handOverPage('commission-on-administrative-justice');
    const admin = await createAccount(db, { role: 'administrator', name: 'Asha Admin' });
    const oldPoc = await createAccount(db, { role: 'point_of_contact', name: 'Otieno Old', institutionSlug: 'commission-on-administrative-justice', locale: 'sw' });
    const newPoc = await createAccount(db, { role: null, name: 'Nia New', locale: 'fr' });
    const oldSession = await signedIn(t.app, oldPoc);
    const newSession = await signedIn(t.app, newPoc);
    expect((await oldSession.get('/en/account')).body).toContain('Point of contact, Commission on Administrative Justice');

    const adminClient = await signedIn(t.app, admin);
    const page = await adminClient.get(HAND_OVER);
    expect(page.body).toContain('Otieno Old');
    // An existing account needs no name: the field is for inviting a new person.
    const res = await adminClient.submit(HAND_OVER, HAND_OVER, { email: newPoc.email, name: '', locale: 'en', reason: 'Otieno moved to another ministry' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HAND_OVER}&notice=handed-over`);

    // The old point of contact is signed out and, signing in again, has no role.
    expect((await oldSession.get('/en/account')).statusCode).toBe(303);
    const again = await signedIn(t.app, oldPoc);
    expect((await again.get('/en/account')).body).toContain('No role');
    // The new one's role changed: their sessions ended too; signed in again, they speak for the institution.
    expect((await newSession.get('/en/account')).statusCode).toBe(303);
    expect((await (await signedIn(t.app, newPoc)).get('/en/account')).body).toContain('Point of contact, Commission on Administrative Justice');

    // Both are told, each in their own language, with the reason.
    const mails = await db.selectFrom('outbox').select(['kind', 'to_address', 'subject', 'body_text'])
      .where('to_address', 'in', [oldPoc.email, newPoc.email]).orderBy('id').execute();
    expect(mails.map((m) => [m.kind, m.to_address, m.subject])).toEqual([
      ['point_of_contact_handed_over', oldPoc.email, 'Wewe si mtu wa mawasiliano wa Commission on Administrative Justice tena kwenye Ahadi'],
      ['point_of_contact_handed_over', newPoc.email, 'Vous êtes désormais le point de contact de Commission on Administrative Justice sur Ahadi'],
    ]);
    expect(mails[0]!.body_text).toContain('amemkabidhi Nia New');
    expect(mails[0]!.body_text).toContain('Sababu iliyotolewa: Otieno moved to another ministry');
    expect(mails[1]!.body_text).toContain('http://127.0.0.1:3000/fr/sign-in');

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
    // A new person needs a name, for the invitation.
    const nameless = await client.submit(HAND_OVER, HAND_OVER, { email: 'first.choice@example.org', name: ' ', locale: 'en' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.body).toContain('Name: this address has no account yet, so the person will be invited: give their name for the invitation.');
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

describe('point-of-contact hand-over to an account that has a role', () => {
  it('is refused, naming the field and saying why, and changes nothing: no role, no session, no mail, no record', async () => {
    const db = t.database.db;
    const HAND_OVER = handOverPage('national-assembly');
    const admin = await signedIn(t.app, await createAccount(db, { role: 'administrator' }));
    const researcher = await createAccount(db, { role: 'irm_researcher' });
    const otherPoc = await createAccount(db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' });
    const researcherSession = await signedIn(t.app, researcher);
    const before = { events: await db.selectFrom('account_events').select('id').execute(), mails: await db.selectFrom('outbox').select('id').execute() };
    const cases = [
      [researcher.email, 'E-mail address: this address belongs to an account with another role (civil-society reviewer or IRM researcher), which a hand-over would take away.'],
      [otherPoc.email, 'E-mail address: this person is the point of contact of another institution. Hand that institution over to someone else first.'],
    ] as const;
    for (const [email, message] of cases) {
      const res = await admin.submit(HAND_OVER, HAND_OVER, { email, name: '', locale: 'en', reason: 'kept' });
      expect(res.statusCode, email).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('>kept</textarea>');
    }
    const roles = await db.selectFrom('accounts').select(['id', 'role', 'institution_id']).where('id', 'in', [researcher.id, otherPoc.id]).orderBy('id').execute();
    expect(roles).toEqual([
      { id: researcher.id, role: 'irm_researcher', institution_id: null },
      { id: otherPoc.id, role: 'point_of_contact', institution_id: otherPoc.institutionId },
    ]);
    expect((await researcherSession.get('/en/account')).statusCode).toBe(200);
    expect(await db.selectFrom('account_events').select('id').execute()).toEqual(before.events);
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual(before.mails);
  });
});

describe('the institution history', () => {
  it('words the creation of an account', async () => {
    const db = t.database.db;
    const institution = await db.selectFrom('institutions').select('id').where('slug', '=', 'council-of-governors').executeTakeFirstOrThrow();
    const peter = await createAccount(db, { role: 'point_of_contact', name: 'Peter Demo', institutionSlug: 'council-of-governors' });
    const amina = await createAccount(db, { role: 'administrator', name: 'Amina Admin' });
    const other = await createAccount(db, { role: 'point_of_contact', name: 'Paul Made', institutionSlug: 'council-of-governors' });
    await db.insertInto('account_events').values([
      { kind: 'account_created', actor_id: null, account_id: peter.id, institution_id: institution.id, details: JSON.stringify({ role: 'point_of_contact', demo: true }) },
      { kind: 'account_created', actor_id: amina.id, account_id: other.id, institution_id: institution.id, details: JSON.stringify({ role: 'point_of_contact' }) },
    ]).execute();
    const pages = { en: ['The account of Peter Demo was created with the demo data.', 'Amina Admin created the account of Paul Made.'],
      fr: ['Le compte de Peter Demo a été créé avec les données de démonstration.', 'Amina Admin a créé le compte de Paul Made.'],
      es: ['La cuenta de Peter Demo se creó con los datos de demostración.', 'Amina Admin creó la cuenta de Paul Made.'],
      sw: ['Akaunti ya Peter Demo ilifunguliwa pamoja na data ya majaribio.', 'Amina Admin alifungua akaunti ya Paul Made.'] };
    const client = await signedIn(t.app, amina);
    for (const [locale, lines] of Object.entries(pages)) {
      const page = await client.get(`/${locale}/admin/institutions/council-of-governors/point-of-contact?member=kenya`);
      for (const line of lines) expect(page.body, locale).toContain(line);
      expect(page.body).not.toContain('a change for');
    }
  });
});

describe('POST /{locale}/admin/invitations/{id}/revoke', () => {
  it('withdraws an open invitation once, and says so truthfully when it was accepted or already withdrawn', async () => {
    const db = t.database.db;
    const admin = await signedIn(t.app, await createAccount(db, { role: 'administrator' }));
    const invite = async (email: string) => {
      await admin.submit('/en/admin/invitations', '/en/admin/invitations', { email, name: 'Someone', role: 'irm_researcher', institution: '', locale: 'en' });
      return (await db.selectFrom('invitations').select('id').where('email', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    };
    const revoke = (id: string) => admin.submit('/en/admin/invitations', `/en/admin/invitations/${id}/revoke`, {});
    const revokedEvents = async () => (await db.selectFrom('account_events').select('id').where('kind', '=', 'invitation_revoked').execute()).length;

    const open = await invite('revoke-me@example.org');
    const events = await revokedEvents();
    const first = await revoke(open);
    expect(first.headers.location).toBe('/en/admin/invitations?notice=revoked');
    expect((await admin.get(first.headers.location!)).body).toContain('The invitation has been withdrawn');
    const again = await revoke(open);
    expect(again.headers.location).toBe('/en/admin/invitations?notice=already-revoked');
    expect((await admin.get(again.headers.location!)).body).toContain('Nothing changed: this invitation had already been withdrawn.');
    expect(await revokedEvents()).toBe(events + 1);

    const accepted = await invite('accept-me@example.org');
    const mail = await db.selectFrom('outbox').select('body_text').where('to_address', '=', 'accept-me@example.org').executeTakeFirstOrThrow();
    const link = new URL(/https?:\/\/\S+/.exec(mail.body_text)![0]).pathname;
    expect((await new WebClient(t.app).submit(link, link, { name: 'Accepted', password: 'a brand new passphrase', passwordConfirmation: 'a brand new passphrase' })).statusCode).toBe(303);
    const late = await revoke(accepted);
    expect(late.headers.location).toBe('/en/admin/invitations?notice=already-accepted');
    expect((await admin.get(late.headers.location!)).body).toContain('Nothing was withdrawn: this invitation has already been accepted');
    expect(await db.selectFrom('invitations').select('revoked_at').where('id', '=', accepted).executeTakeFirstOrThrow()).toEqual({ revoked_at: null });
    expect(await revokedEvents()).toBe(events + 1);
  });

  it('answers 404 for an invitation that does not exist and 400 for an id that is not one', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    expect((await admin.submit('/en/admin/invitations', '/en/admin/invitations/999999/revoke', {})).statusCode).toBe(404);
    for (const id of ['abc', '0', '-1', '1e3', '9'.repeat(19)]) {
      expect((await admin.submit('/en/admin/invitations', `/en/admin/invitations/${id}/revoke`, {})).statusCode, id).toBe(400);
    }
  });

  it('is refused, as the hand-over is, to every role but administrator', async () => {
    const db = t.database.db;
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher'] as const) {
      const client = await signedIn(t.app, await createAccount(db, { role }));
      expect((await client.submit('/en/account', '/en/admin/invitations/1/revoke', {})).statusCode, role).toBe(403);
      const handOver = handOverPage('universities-and-colleges');
      expect((await client.submit('/en/account', handOver, { email: 'x@example.org', name: 'X', locale: 'en' })).statusCode, role).toBe(403);
    }
    expect(await t.database.db.selectFrom('account_events').select('id').where('kind', '=', 'point_of_contact_handed_over')
      .where(sql<boolean>`details @> ${JSON.stringify({ to: { email: 'x@example.org' } })}::jsonb`).execute()).toEqual([]);
    expect((await new WebClient(t.app).submit('/en/sign-in', '/en/admin/invitations/1/revoke', {})).statusCode).toBe(303);
  });
});

describe('GET /{locale}/admin/outbox', () => {
  it('names every kind of message in words and gives its time in UTC, as the rest of the site', async () => {
    const db = t.database.db;
    const admin = await createAccount(db, { role: 'administrator' });
    const account = await createAccount(db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    await client.submit('/en/account/password', '/en/account/password', { currentPassword: account.password, password: 'a brand new passphrase', passwordConfirmation: 'a brand new passphrase' });
    const adminClient = await signedIn(t.app, admin);
    const page = await adminClient.get('/en/admin/outbox');
    expect(page.body).toContain('Notice: password changed');
    expect(page.body).not.toContain('admin.outbox.kind');
    const written = await db.selectFrom('outbox').select('created_at').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(written.created_at);
    expect(page.body).toContain(`${when} UTC`);
  });

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
