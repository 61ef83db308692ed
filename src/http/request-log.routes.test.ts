import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildServer({ db: t.db }, { logger: { stream: { write: (line: string) => { lines.push(line); } } } });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const TOKEN = 'Zq3xW8v_k2-LmN0pQrStUvWxYz0123456789abcdEFG';

describe('the request log', () => {
  it.each([
    ['/en/password-reset/'], ['/fr/invitations/'],
  ])('writes %s links without their one-time token, which would let a reader of the log set the password', async (prefix) => {
    lines.length = 0;
    await app.inject({ url: `${prefix}${TOKEN}?next=%2Fen%2F` });
    await app.inject({ method: 'POST', url: `${prefix}${TOKEN}`, payload: 'password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const logged = lines.join('\n');
    expect(logged).not.toContain(TOKEN);
    expect(logged).toContain(`"url":"${prefix}[token]?next=%2Fen%2F"`);
    expect(logged).toContain(`"method":"POST","url":"${prefix}[token]"`);
  });

  it('writes other addresses as they were asked for', async () => {
    lines.length = 0;
    await app.inject({ url: '/en/commitments?q=token' });
    expect(lines.join('\n')).toContain('"url":"/en/commitments?q=token"');
  });

  it('never writes the session cookie or other request headers', async () => {
    lines.length = 0;
    await app.inject({ url: '/en/', headers: { cookie: 'ahadi_session=s3ss10n-v4lue', authorization: 'Bearer s3cr3t' } });
    expect(lines.join('\n')).not.toMatch(/s3ss10n-v4lue|s3cr3t/);
  });
});
