import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('the character U+0000 in a request', () => {
  it('is refused in a page, download or API query, or in a path, with a 400 naming the field (it was a 500)', async () => {
    for (const url of ['/en/commitments?q=%00', '/en/commitments?q=open%00data&sort=newest', '/en/commitments/download.csv?q=%00',
      '/en/members/ke%00nya', '/en/commitments?area=a&area=%00']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toMatch(/(q|slug|area): contains the character U\+0000/);
    }
    const api = await t.app.inject('/api/v1/commitments?q=budget%00');
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({ error: { code: 'invalid_input', message: 'q: contains the character U+0000, which cannot be stored', field: 'q' } });
    // The same requests without it are answered.
    expect((await t.app.inject('/en/commitments/download.csv?q=data')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/commitments?q=budget')).statusCode).toBe(200);
  });

  it('is refused in a form field, naming it, and writes nothing', async () => {
    const client = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    const before = await rowCounts(t.database.db);
    const res = await client.submit('/en/commitments/KE0031/edit', '/en/commitments/KE0031/edit',
      { lang: 'en', title: 'Build\u0000 support', status: '', reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('title: contains the character U+0000');
    expect(await rowCounts(t.database.db)).toEqual(before);
  });
});
