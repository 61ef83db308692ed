import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { rowCounts } from '../../test/helpers/database.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const post = (contentType: string, payload: string) =>
  t.app.inject({ method: 'POST', url: '/fr/sign-in', headers: { 'content-type': contentType }, payload });

describe('a request Fastify refuses before any route reads it', () => {
  it('is answered as the client error it is, in the page language, naming why (it was a 500)', async () => {
    const before = await rowCounts(t.database.db);
    for (const [res, status, why] of [
      [await post('application/x-www-form-urlencoded', `email=${'x'.repeat(1_100_000)}`), 413, 'Le formulaire envoyé est trop volumineux.'],
      [await post('application/json', '{"email":'), 400, 'Le formulaire envoyé n’a pas pu être lu'],
      [await post('text/xml', '<email/>'), 415, 'Le formulaire a été envoyé dans un format qui n’est pas accepté.'],
    ] as const) {
      expect(res.statusCode, why).toBe(status);
      expect(res.headers['content-type'], why).toMatch(/^text\/html/);
      expect(res.body, why).toContain('<html lang="fr"');
      expect(res.body, why).toContain(why);
      expect(res.body, why).not.toContain('de notre côté');
      // Fastify's own English message is for the log, not for a French page.
      expect(res.body, why).not.toMatch(/Request body|not valid JSON|Unsupported Media Type/);
    }
    expect(await rowCounts(t.database.db)).toEqual(before);
  });
});
