import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, WebClient } from '../../test/helpers/web-client.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { createInvitation } from '../accounts/invitations.ts';
import { multipartAction, protectedRoutes } from './csrf.ts';
import { cookieHeader, multipartBody, type Part } from '../../test/helpers/evidence-data.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('CSRF protection', () => {
  it('covers the forms of the accounts and admin pages', () => {
    const routes = protectedRoutes(t.app);
    for (const route of ['POST /:locale/sign-in', 'POST /:locale/sign-out', 'POST /:locale/admin/invitations',
      'POST /:locale/admin/institutions/:slug/point-of-contact', 'POST /:locale/invitations/:token']) {
      expect(routes).toContain(route);
    }
  });

  it('refuses every state-changing route without a token, with a wrong one, or with one of another session: 403, nothing written', async () => {
    const admin = await createAccount(t.database.db, { role: 'administrator' });
    const client = await signedIn(t.app, admin);
    const invited = await createInvitation(t.database.db, null, 'http://x', {
      email: 'csrf-target@example.org', name: 'Target', role: 'irm_researcher', institutionId: null, locale: 'en', invitedBy: admin.id,
    });
    if (!invited.ok) throw new Error('invitation');
    const invitation = await t.database.db.selectFrom('invitations').select('id').where('email', '=', 'csrf-target@example.org').executeTakeFirstOrThrow();
    const anonymousToken = csrfTokenIn((await new WebClient(t.app).get('/en/sign-in')).body)!;
    const before = await rowCounts(t.database.db);

    const routes = protectedRoutes(t.app);
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const url = pattern.replace(':locale', 'en').replace(':token', invited.token).replace(':slug', 'office-of-the-deputy-president')
        .replace(':id', invitation.id).replace(/:[A-Za-z]+/g, 'x');
      const fields = {
        email: 'someone@example.org', password: 'a long enough password', passwordConfirmation: 'a long enough password',
        name: 'Someone', role: 'irm_researcher', locale: 'en', code: '123456',
      };
      for (const token of [undefined, 'not-the-token', anonymousToken]) {
        const res = await t.app.inject({
          method: method as 'POST', url, remoteAddress: '127.0.0.1',
          headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(token ? { ...fields, _csrf: token } : fields).toString(),
        });
        expect(res.statusCode, `${route} with token ${token}`).toBe(403);
        expect(res.body, route).toContain('You cannot open this page');
      }
    }
    expect(await rowCounts(t.database.db)).toEqual(before);
  });

  it('accepts the token of the page, and a token stops working when the session changes', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = new WebClient(t.app);
    const anonymousToken = csrfTokenIn((await client.get('/en/sign-in')).body)!;
    const signIn = await client.post('/en/sign-in', { email: account.email, password: account.password, _csrf: anonymousToken });
    expect(signIn.statusCode).toBe(303);
    // The sign-in page's token was bound to no session: after signing in it no longer works.
    expect((await client.post('/en/sign-out', { _csrf: anonymousToken })).statusCode).toBe(403);
    const pageToken = csrfTokenIn((await client.get('/en/account')).body)!;
    expect(pageToken).not.toBe(anonymousToken);
    expect((await client.post('/en/sign-out', { _csrf: pageToken })).statusCode).toBe(303);
  });

  it('refuses a form sent from a browser without the CSRF cookie', async () => {
    const client = new WebClient(t.app);
    const token = csrfTokenIn((await client.get('/en/password-reset')).body)!;
    client.cookies.clear();
    const res = await client.post('/en/password-reset', { email: 'someone@example.org', _csrf: token });
    expect(res.statusCode).toBe(403);
  });

  it('takes the token of a multipart form (file upload) from the query string of its action, and only there', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const client = await signedIn(t.app, account);
    const token = csrfTokenIn((await client.get('/en/account')).body)!;
    const send = (url: string, parts: Part[]) => {
      const { payload, contentType } = multipartBody(parts);
      return t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, cookie: cookieHeader(client) } });
    };
    expect((await send('/en/sign-out', [{ name: 'note', value: 'x' }])).statusCode).toBe(403);
    expect((await send('/en/sign-out', [{ name: '_csrf', value: token }])).statusCode).toBe(403);
    expect((await send(multipartAction('/en/sign-out', 'not-the-token'), [])).statusCode).toBe(403);
    // The query string is no place for the token of any other form.
    const urlEncoded = await t.app.inject({
      method: 'POST', url: multipartAction('/en/sign-out', token), payload: 'note=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(client) },
    });
    expect(urlEncoded.statusCode).toBe(403);
    expect((await client.get('/en/account')).statusCode).toBe(200);
    expect((await send(multipartAction('/en/sign-out', token), [{ name: 'note', value: 'x' }])).statusCode).toBe(303);
  });
});

describe('masked tokens: no two responses carry the same bytes (BREACH)', () => {
  /** What a masked token hides: its second half XOR its first (the pad), as the page would have carried it unmasked. */
  const unmasked = (token: string) => {
    const bytes = Buffer.from(token, 'base64url');
    return Buffer.from(bytes.subarray(32).map((b, i) => b ^ bytes[i]!)).toString('base64url');
  };

  it('gives each render of a page its own token bytes, each of them working, under one ETag that still answers 304', async () => {
    const client = await signedIn(t.app, await createAccount(t.database.db, { role: 'irm_researcher' }));
    const url = '/en/commitments/KE0031';
    const [first, second] = [await client.get(url), await client.get(url)];
    const [a, b] = [csrfTokenIn(first.body)!, csrfTokenIn(second.body)!];
    expect(a).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(a.slice(43)).not.toBe(b.slice(43));
    expect(unmasked(a)).toBe(unmasked(b));
    // The sign-out form and the page's own forms carry the same text within one response.
    const accountForms = (await client.get('/en/account')).body.match(/name="_csrf" value="[^"]+"/g)!;
    expect(accountForms.length).toBeGreaterThan(1);
    expect(new Set(accountForms).size).toBe(1);
    expect(first.headers.etag).toBe(second.headers.etag);
    const revalidated = await t.app.inject({ url, headers: { cookie: cookieHeader(client), 'if-none-match': String(first.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);

    expect((await client.post('/en/account/password', { _csrf: b })).statusCode).toBe(400);
    expect((await client.post('/en/sign-out', { _csrf: a })).statusCode).toBe(303);
  });

  it('gives a new session a new ETag, so a page holding the old session\'s tokens is not reused', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const url = '/en/commitments/KE0031';
    const before = await (await signedIn(t.app, account)).get(url);
    const after = await (await signedIn(t.app, account)).get(url);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('refuses the token unmasked (as pages carried it before), tampered, cut, lengthened or of another session: 403, nothing written', async () => {
    const client = await signedIn(t.app, await createAccount(t.database.db, { role: 'irm_researcher' }));
    const other = await signedIn(t.app, await createAccount(t.database.db, { role: 'irm_researcher' }));
    const token = csrfTokenIn((await client.get('/en/account')).body)!;
    const othersToken = csrfTokenIn((await other.get('/en/account')).body)!;
    const flipped = (at: number) => `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    const before = await rowCounts(t.database.db);
    for (const sent of [unmasked(token), flipped(10), flipped(60), token.slice(0, -1), `${token}A`, `${token}${token}`,
      othersToken, `${token.slice(0, 43)}${othersToken.slice(43)}`, '', ' '.repeat(86), '='.repeat(86)]) {
      const res = await client.post('/en/sign-out', { _csrf: sent });
      expect(res.statusCode, sent).toBe(403);
    }
    expect(await rowCounts(t.database.db)).toEqual(before);
    expect((await client.get('/en/account')).statusCode).toBe(200);
    expect((await client.post('/en/sign-out', { _csrf: token })).statusCode).toBe(303);
  });
});
