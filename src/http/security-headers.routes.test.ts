import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { readConfig } from '../config/config.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

async function headersAt(baseUrl: string | undefined) {
  const app = await buildServer({ db: t.db, config: readConfig(baseUrl ? { AHADI_BASE_URL: baseUrl } : {}) });
  try {
    return (await app.inject({ method: 'GET', url: '/en/sign-in' })).headers;
  } finally {
    await app.close();
  }
}

describe('security headers', () => {
  it('over https: HSTS, and a policy that upgrades any http address of the page', async () => {
    const headers = await headersAt('https://ahadi.example.org');
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  // Browsers sent the stylesheet and every form of a portal at http://192.0.2.2:3000 to https://192.0.2.2:3000,
  // where nothing answers: no style, and no way to sign in.
  it('over plain http: neither, so that the page’s own stylesheet and forms stay on http', async () => {
    const headers = await headersAt('http://192.0.2.2:3000');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('either way: scripts, styles and framing from our own origin only, no referrer, no sniffing', async () => {
    for (const baseUrl of [undefined, 'https://ahadi.example.org']) {
      const headers = await headersAt(baseUrl);
      const policy = String(headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'self'", "object-src 'none'", "script-src-attr 'none'"]) {
        expect(policy, baseUrl).toContain(directive);
      }
      expect(headers).toMatchObject({ 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    }
  });
});
