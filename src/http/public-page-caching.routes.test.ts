import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { buildServer } from './server.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

// Decision 017: every public page, in one language and another.
const PUBLIC_PAGES = [
  '/en/', '/fr/members/kenya', '/en/members/kenya/action-plans/4', '/sw/commitments', '/es/commitments/KE0031',
  '/en/members/kenya/institutions/office-of-the-deputy-president', '/fr/open-data',
];

const renameInstitution = (name: string) => sql`
  update institutions set name = ${name}, updated_at = clock_timestamp() where slug = 'office-of-the-deputy-president'`.execute(t.database.db);

describe('public pages for anonymous visitors', () => {
  it.each(PUBLIC_PAGES)('%s may be kept by any cache, has an ETag and answers 304 to it', async (url) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.vary).toBe('Cookie');
    expect(res.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toContain('class="account-bar"');

    const again = await t.app.inject({ url, headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(res.headers.etag);
    expect((await t.app.inject({ url, headers: { 'if-none-match': 'W/"something-else"' } })).statusCode).toBe(200);
  });
});

describe('a kept page and the address it was first asked by', () => {
  it('keeps nothing of a visitor\'s own parameters: the language links of the next visitor carry the page\'s', async () => {
    const pages: [url: string, languageLink: string][] = [['/en/commitments?member=kenya&area=open-data', '/fr/commitments?member=kenya&area=open-data"'],
      ['/en/commitments/KE0031', '/fr/commitments/KE0031"'], ['/en/members/kenya', '/fr/members/kenya"']];
    for (const [url, links] of pages) {
      const first = await t.app.inject(`${url}${url.includes('?') ? '&' : '?'}utm_source=MARKER`);
      expect(first.statusCode, url).toBe(200);
      const next = await t.app.inject(url);
      expect(next.body, url).not.toContain('MARKER');
      expect(next.body, url).toContain(`href="${links}`);
    }
  });
});

describe('public pages for a signed-in person', () => {
  it.each(PUBLIC_PAGES)('%s shows the signed-in header, is private and has its own ETag', async (url) => {
    const person = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', name: 'Wanjiru <Kamau>' }));
    const anonymous = await t.app.inject(url);
    const res = await person.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="account-bar"');
    expect(res.body).toContain('>Wanjiru &lt;Kamau></a>');
    expect(res.body).toMatch(/<form method="post" action="\/[a-z]{2}\/sign-out">\s*<input type="hidden" name="_csrf"/);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toBe('Cookie');
    expect(res.headers.etag).toBeDefined();
    expect(res.headers.etag).not.toBe(anonymous.headers.etag);

    // Their own validator works for them; the anonymous one does not give them the anonymous page.
    const cookie = [...person.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await t.app.inject({ url, headers: { cookie, 'if-none-match': res.headers.etag as string } })).statusCode).toBe(304);
    expect((await t.app.inject({ url, headers: { cookie, 'if-none-match': anonymous.headers.etag as string } })).statusCode).toBe(200);
  });

  it('shows at once what a new role allows, though no public data changed: the ETag is over the HTML', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher', name: 'Promoted' });
    const person = await signedIn(t.app, account);
    const url = '/en/members/kenya';
    const before = await person.get(url);
    expect(before.body).not.toContain('/en/members/kenya/action-plans/new');
    await sql`update accounts set role = 'administrator' where id = ${account.id}`.execute(t.database.db);
    const cookie = [...person.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const after = await t.app.inject({ url, headers: { cookie, 'if-none-match': String(before.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('/en/members/kenya/action-plans/new');
  });

  it('signing out gives the anonymous page back', async () => {
    const person = await signedIn(t.app, await createAccount(t.database.db, { role: 'irm_researcher', name: 'Baraka' }));
    const page = await person.get('/en/commitments/KE0031');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    expect((await person.post('/en/sign-out', { _csrf: token })).statusCode).toBe(303);
    const after = await person.get('/en/commitments/KE0031');
    expect(after.body).not.toContain('Baraka');
    expect(after.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('the commitment page version', () => {
  it('changes with what the page shows beyond the commitment row: an institution renamed, a history entry', async () => {
    const url = '/en/commitments/KE0031';
    const before = await t.app.inject(url);
    await renameInstitution('Office of the Deputy President (renamed)');
    const renamed = await t.app.inject({ url, headers: { 'if-none-match': before.headers.etag as string } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.body).toContain('Office of the Deputy President (renamed)');
    expect(renamed.headers.etag).not.toBe(before.headers.etag);

    // A command that records a change without touching the commitment still gives a new version.
    const commitment = await t.database.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow();
    const actor = await createAccount(t.database.db, { role: 'administrator' });
    await t.database.db.insertInto('changes').values({
      actor_id: actor.id, command: 'edit_commitment', entity_type: 'commitment', entity_id: commitment.id,
      commitment_id: commitment.id, before: '{}', after: '{}', reason: null,
    }).execute();
    expect((await t.app.inject(url)).headers.etag).not.toBe(renamed.headers.etag);
    await renameInstitution('Office of the Deputy President');
  });

  it('is read again after the freshness window; signed-in people always get the current version', async () => {
    const app = await buildServer({ db: t.database.db }, { pageFreshnessMs: 60_000 });
    try {
      const url = '/en/commitments/KE0031';
      const first = await app.inject(url);
      await renameInstitution('Office of the Deputy President (within the window)');
      // Anonymous visitors may get the version read less than a minute ago, as any cache with max-age=60 may.
      const anonymous = await app.inject(url);
      expect(anonymous.headers.etag).toBe(first.headers.etag);
      expect(anonymous.body).toBe(first.body);
      const person = await signedIn(app, await createAccount(t.database.db, { role: 'point_of_contact', name: 'Editor' }));
      expect((await person.get(url)).body).toContain('Office of the Deputy President (within the window)');
      // The app built without a window (as in the tests above, and t.app) reads the version on every request.
      expect((await t.app.inject(url)).body).toContain('Office of the Deputy President (within the window)');
    } finally {
      await app.close();
      await renameInstitution('Office of the Deputy President');
    }
  });
});

describe('pages kept by the version of all public data (decision 019)', () => {
  const version = async () => (await sql<{ version: string }>`select version::text as version from public_data_version`.execute(t.database.db)).rows[0]!.version;
  const retitle = (title: string) => sql`
    update commitment_texts set title = ${title}
    where locale = 'en' and commitment_id = (select id from commitments where ogp_id = 'KE0031')`.execute(t.database.db);
  const originalTitle = async () => (await sql<{ title: string }>`
    select title from commitment_texts where locale = 'en' and commitment_id = (select id from commitments where ogp_id = 'KE0031')`
    .execute(t.database.db)).rows[0]!.title;

  it.each(['/en/commitments?member=kenya', '/en/commitments?q=institutional', '/en/members/kenya/institutions/office-of-the-deputy-president',
    '/en/members/kenya/action-plans/4', '/en/commitments/KE0031/milestones/1'])(
    '%s shows a change of any public table at once, with a new ETag', async (url) => {
      const title = await originalTitle();
      const before = await t.app.inject(url);
      expect(before.body).toContain(title);
      try {
        await retitle('Build institutional support for OGP (retitled)');
        const after = await t.app.inject({ url, headers: { 'if-none-match': before.headers.etag as string } });
        expect(after.statusCode).toBe(200);
        expect(after.body).toContain('Build institutional support for OGP (retitled)');
        expect(after.headers.etag).not.toBe(before.headers.etag);
      } finally {
        await retitle(title);
      }
    });

  it('goes up once per committed transaction that wrote public data, not for reads or rolled-back writes', async () => {
    const start = Number(await version());
    await t.database.db.transaction().execute(async (trx) => {
      await sql`update members set name = name where slug = 'kenya'`.execute(trx);
      await sql`update institutions set name = name where slug = 'office-of-the-deputy-president'`.execute(trx);
    });
    expect(Number(await version())).toBe(start + 1);
    await sql`select count(*) from commitments`.execute(t.database.db);
    await expect(t.database.db.transaction().execute(async (trx) => {
      await sql`update members set name = 'Rolled back' where slug = 'kenya'`.execute(trx);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    await sql`insert into auth_attempts (kind, email, ip, succeeded) values ('sign_in', 'x@example.org', '127.0.0.1', false)`.execute(t.database.db);
    expect(Number(await version())).toBe(start + 1);
  });

  it.each(['/en/commitments?member=kenya', '/en/members/kenya/action-plans/4', '/en/commitments/KE0031/milestones/1'])(
    'keeps %s for anonymous visitors within the freshness window; a signed-in person sees the change', async (url) => {
      const app = await buildServer({ db: t.database.db }, { pageFreshnessMs: 60_000 });
      const title = await originalTitle();
      try {
        const first = await app.inject(url);
        await retitle('Within the window');
        expect((await app.inject(url)).body).toBe(first.body);
        const person = await signedIn(app, await createAccount(t.database.db, { role: 'civil_society_reviewer', name: 'Reader' }));
        expect((await person.get(url)).body).toContain('Within the window');
      } finally {
        await app.close();
        await retitle(title);
      }
    });
});
