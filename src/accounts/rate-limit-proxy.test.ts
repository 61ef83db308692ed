import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { csrfTokenIn } from '../../test/helpers/web-client.ts';
import { readConfig } from '../config/config.ts';
import { buildServer } from '../http/server.ts';
import { createAccount } from './account.factories.ts';
import { LIMITS } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const PROXY = '10.40.0.1';
const VISITOR = '203.0.113.7';

/** A sign-in that reaches the app from `remoteAddress`, with an X-Forwarded-For header as a reverse proxy adds it. */
async function signInVia(app: FastifyInstance, remoteAddress: string, forwardedFor: string, email: string, password: string) {
  const headers = { 'x-forwarded-for': forwardedFor };
  const page = await app.inject({ method: 'GET', url: '/en/sign-in', remoteAddress, headers });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return app.inject({
    method: 'POST', url: '/en/sign-in', remoteAddress,
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: csrfTokenIn(page.body)! }).toString(),
  });
}

const lastAttemptIp = async (email: string) => (await t.database.db.selectFrom('auth_attempts').select('ip')
  .where('email', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow()).ip;

describe('the sign-in rate limit behind a reverse proxy (AHADI_TRUST_PROXY)', () => {
  beforeAll(async () => {
    // The visitor's address has used up its failures (for other addresses: the per-e-mail limit is not the point).
    await t.database.db.insertInto('auth_attempts').values(Array.from({ length: LIMITS.sign_in.perIp }, (_, i) => ({
      kind: 'sign_in' as const, email: `someone-${i}@example.org`, ip: VISITOR,
    }))).execute();
  });

  it('ignores X-Forwarded-For when it is not set: it counts the connection’s address', async () => {
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    const res = await signInVia(t.app, PROXY, VISITOR, account.email, account.password);
    expect(res.statusCode).toBe(303);
    expect(await lastAttemptIp(account.email)).toBe(PROXY);
  });

  it('counts the forwarded address when it is `true`, so a visitor over the limit is refused', async () => {
    const app = await buildServer({ db: t.database.db, config: readConfig({ AHADI_TRUST_PROXY: 'true' }) });
    try {
      const account = await createAccount(t.database.db, { role: 'irm_researcher' });
      const refused = await signInVia(app, PROXY, VISITOR, account.email, account.password);
      expect(refused.statusCode).toBe(429);
      const other = await signInVia(app, PROXY, '198.51.100.20', account.email, account.password);
      expect(other.statusCode).toBe(303);
      expect(await lastAttemptIp(account.email)).toBe('198.51.100.20');
    } finally {
      await app.close();
    }
  });

  // A proxy that appends (nginx's `$proxy_add_x_forwarded_for`, the usual set-up) passes on whatever the visitor
  // wrote in the header, then the address it saw: only the addresses the proxies added may be believed.
  it('with `true`, counts the address the proxy saw, not one the visitor wrote before it', async () => {
    const app = await buildServer({ db: t.database.db, config: readConfig({ AHADI_TRUST_PROXY: 'true' }) });
    try {
      const account = await createAccount(t.database.db, { role: 'irm_researcher' });
      const refused = await signInVia(app, PROXY, `198.51.100.77, ${VISITOR}`, account.email, account.password);
      expect(refused.statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('with `true`, believes only proxies on a private network, not a visitor who connects directly', async () => {
    const app = await buildServer({ db: t.database.db, config: readConfig({ AHADI_TRUST_PROXY: 'true' }) });
    try {
      const account = await createAccount(t.database.db, { role: 'irm_researcher' });
      const direct = await signInVia(app, '198.51.100.40', '198.51.100.41', account.email, account.password);
      expect(direct.statusCode).toBe(303);
      expect(await lastAttemptIp(account.email)).toBe('198.51.100.40');
    } finally {
      await app.close();
    }
  });

  it('believes X-Forwarded-For only from the listed proxy addresses', async () => {
    const app = await buildServer({ db: t.database.db, config: readConfig({ AHADI_TRUST_PROXY: PROXY }) });
    try {
      const account = await createAccount(t.database.db, { role: 'irm_researcher' });
      expect((await signInVia(app, PROXY, VISITOR, account.email, account.password)).statusCode).toBe(429);
      // A visitor who connects directly cannot choose the address counted by writing the header.
      const direct = await signInVia(app, '10.40.0.9', '198.51.100.30', account.email, account.password);
      expect(direct.statusCode).toBe(303);
      expect(await lastAttemptIp(account.email)).toBe('10.40.0.9');
    } finally {
      await app.close();
    }
  });
});
